package com.helpdesk.outboundemail;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The outbound email's configuration (OutboundEmailFunction in template.yaml), read and checked once at init.
 *
 * @param supportTeamName     shown next to the agent's name in the From of replies (a header: no line breaks)
 * @param acknowledgeNewEmail whether mail that opens a ticket gets the acknowledgment notice
 * @param publicApiUrl        where the customers' survey links point (the public /csat routes)
 * @param sesConfigurationSet the SES configuration set to send with (its event publishing), if any
 */
record OutboundEmailConfig(AwsSettings aws, String tableName, String supportAddress, String supportTeamName, int maxSendAttempts,
                           boolean acknowledgeNewEmail, URI publicApiUrl, Duration csatWindow, Optional<String> sesConfigurationSet,
                           String replyKeysSecret, String csatKeysSecret, com.helpdesk.runtime.CloudWatchMetrics.Settings metrics) {
    private static final Pattern DISPLAY_NAME = Pattern.compile("(?=.*\\S)[^\\r\\n\\x00]{1,64}");
    private static final Pattern CONFIGURATION_SET = Pattern.compile("[A-Za-z0-9_-]{1,64}");

    static OutboundEmailConfig read(EnvironmentReader env) {
        return env.valid(new OutboundEmailConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), HelpdeskVariables.supportAddress(env),
                env.matching("SUPPORT_TEAM_NAME", DISPLAY_NAME, "a display name of 1 to 64 characters without line breaks"),
                HelpdeskVariables.maxSendAttempts(env), env.bool("ACKNOWLEDGE_NEW_EMAIL"),
                env.httpUrl("PUBLIC_API_URL", "the API's public base URL, such as https://<api-id>.execute-api.<region>.amazonaws.com"),
                HelpdeskVariables.csatWindow(env),
                env.optionalMatching("SES_CONFIGURATION_SET", CONFIGURATION_SET,
                        "an SES configuration set name (1 to 64 of A-Z a-z 0-9 _ -), or empty"),
                HelpdeskVariables.replyKeysSecret(env), HelpdeskVariables.csatKeysSecret(env),
                com.helpdesk.runtime.CloudWatchMetrics.Settings.read(env)));
    }
}
