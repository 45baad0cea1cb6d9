package com.helpdesk.runtime;

import java.net.URI;
import java.time.Duration;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * The variables template.yaml gives more than one function, each with its name and what it must hold
 * written once (the template's Globals, and the ones two functions share). The ranges are the
 * template parameters' MinValue/MaxValue; the defaults are the template's, never repeated here.
 */
public final class HelpdeskVariables {
    private static final Pattern TABLE = Pattern.compile("[A-Za-z0-9_.-]{3,255}");
    private static final Pattern BUS = Pattern.compile("(arn:aws[a-z-]*:events:[a-z0-9-]+:\\d{12}:event-bus/)?[/.\\-_A-Za-z0-9]{1,256}");
    private static final Pattern BUCKET = Pattern.compile("(?=.{3,63}$)[a-z0-9][a-z0-9.-]*[a-z0-9]");
    /** A Secrets Manager secret: its ARN (what !Ref gives) or its name. */
    private static final Pattern SECRET_ID = Pattern.compile("(arn:aws[a-z-]*:secretsmanager:[a-z0-9-]+:\\d{12}:secret:)?[A-Za-z0-9/_+=.@-]{1,512}");
    private static final String SECRET_EXPECTED = "a Secrets Manager secret ARN or name";
    private static final Pattern PARAMETER_PATH = Pattern.compile("(/[A-Za-z0-9_.-]+)+");
    /** template.yaml's AllowedPattern of SupportAddress. */
    private static final Pattern ADDRESS = Pattern.compile("[A-Za-z0-9._%-]+@[A-Za-z0-9.-]+\\.[A-Za-z]{2,}");
    /** A queue URL: https://sqs.us-east-1.amazonaws.com/123456789012/name, or a local endpoint's. */
    private static final Pattern QUEUE_URL = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d+)?/[A-Za-z0-9_-]+/[A-Za-z0-9_-]{1,80}(\\.fifo)?");
    private static final Pattern FIFO_QUEUE_URL = Pattern.compile("https?://[A-Za-z0-9.-]+(:\\d+)?/[A-Za-z0-9_-]+/[A-Za-z0-9_-]{1,75}\\.fifo");

    private HelpdeskVariables() {}

    public static String tableName(EnvironmentReader env) {
        return env.matching("TABLE_NAME", TABLE, "a DynamoDB table name (3 to 255 of A-Z a-z 0-9 _ . -)");
    }

    public static String eventBusName(EnvironmentReader env) {
        return env.matching("EVENT_BUS_NAME", BUS, "an EventBridge event bus name or ARN");
    }

    public static String filesBucket(EnvironmentReader env) {
        return env.matching("FILES_BUCKET", BUCKET, "an S3 bucket name (3 to 63 of a-z 0-9 . -)");
    }

    /** Where chat channel secrets live in SSM Parameter Store: {@code <prefix>/channels/<id>/<name>}. */
    public static String secretsPrefix(EnvironmentReader env) {
        return env.matching("SECRETS_PREFIX", PARAMETER_PATH, "an SSM parameter path such as /helpdesk/<stack>");
    }

    /** The key ring that signs list cursors (template resource CursorSigningKeys). */
    public static String cursorKeysSecret(EnvironmentReader env) {
        return env.matching("CURSOR_KEYS_SECRET", SECRET_ID, SECRET_EXPECTED);
    }

    /** The key ring that signs survey links (template resource CsatSigningKeys). */
    public static String csatKeysSecret(EnvironmentReader env) {
        return env.matching("CSAT_KEYS_SECRET", SECRET_ID, SECRET_EXPECTED);
    }

    /** The key ring that signs reply addresses (template resource ReplyAddressSigningKeys). */
    public static String replyKeysSecret(EnvironmentReader env) {
        return env.matching("REPLY_KEYS_SECRET", SECRET_ID, SECRET_EXPECTED);
    }

    public static String supportAddress(EnvironmentReader env) {
        return env.matching("SUPPORT_ADDRESS", ADDRESS, "an email address such as support@help.example.com");
    }

    /** How long a survey link accepts a rating (template parameter CsatWindowDays). */
    public static Duration csatWindow(EnvironmentReader env) {
        return env.days("CSAT_WINDOW_DAYS", 1, 60);
    }

    /** Sends of one reply before it is marked failed (email and chat alike). */
    public static int maxSendAttempts(EnvironmentReader env) {
        return env.integer("MAX_SEND_ATTEMPTS", 1, 100, "attempts");
    }

    /** The zone of the business-hours calendar that ships with the stack (template parameter SlaDefaultTimeZone). */
    public static ZoneId slaDefaultTimeZone(EnvironmentReader env) {
        return env.timeZone("SLA_DEFAULT_TIME_ZONE");
    }

    /** A queue's URL (the SDK's queue identifier), standard or FIFO. */
    public static URI queueUrl(EnvironmentReader env, String name) {
        String url = env.matching(name, QUEUE_URL, "the URL of an SQS queue (https://sqs.<region>.amazonaws.com/<account>/<name>)");
        return url == null ? null : URI.create(url);
    }

    /** The inbound FIFO queue every intake function feeds (its URL: the SDK's queue identifier). */
    public static URI inboundQueueUrl(EnvironmentReader env) {
        String url = env.matching("INBOUND_QUEUE_URL", FIFO_QUEUE_URL,
                "the URL of an SQS FIFO queue (https://sqs.<region>.amazonaws.com/<account>/<name>.fifo)");
        return url == null ? null : URI.create(url);
    }
}
