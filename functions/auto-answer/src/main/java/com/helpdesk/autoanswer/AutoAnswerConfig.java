package com.helpdesk.autoanswer;

import com.helpdesk.core.deflection.WismoSettings;
import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.net.URI;
import java.time.ZoneId;
import java.util.regex.Pattern;

/**
 * AutoAnswerFunction's configuration (template.yaml), read and checked once at init.
 *
 * @param wismo              AUTO_ANSWER_THRESHOLD_PERCENT (above INTENT_THRESHOLD_PERCENT) and AUTO_ANSWER_VIP_CUSTOMER_TAG
 * @param teamTimezone       TEAM_TIMEZONE: the days the answer's delivery dates are written in
 * @param deadLetterQueueUrl where an event that cannot be read, or names no ticket, is parked with its reason
 */
record AutoAnswerConfig(AwsSettings aws, String tableName, WismoSettings wismo, ZoneId teamTimezone, URI deadLetterQueueUrl) {
    /** A Shopify customer tag: any text but a comma (Shopify's separator), at most 255 characters. */
    private static final Pattern TAG = Pattern.compile("[^,\\s][^,]{0,254}");

    static AutoAnswerConfig read(EnvironmentReader env) {
        int intent = env.integer("INTENT_THRESHOLD_PERCENT", 1, 100, "percent");
        int answer = env.integer("AUTO_ANSWER_THRESHOLD_PERCENT", 1, 100, "percent");
        String vip = env.matching("AUTO_ANSWER_VIP_CUSTOMER_TAG", TAG, "a Shopify customer tag (no commas, at most 255 characters)");
        ZoneId zone = env.timeZone("TEAM_TIMEZONE");
        URI dlq = HelpdeskVariables.queueUrl(env, "DEAD_LETTER_QUEUE_URL");
        AwsSettings aws = AwsSettings.read(env);
        String table = HelpdeskVariables.tableName(env);
        // the variables' own problems first (all of them at once); the pair's rule once both are readable
        env.valid(Boolean.TRUE);
        return new AutoAnswerConfig(aws, table, WismoSettings.of(answer / 100.0, intent / 100.0, vip), zone, dlq);
    }
}
