package com.helpdesk.inboundprocessor;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.net.URI;

/**
 * The inbound processor's configuration (InboundProcessorFunction in template.yaml), read and checked once at init.
 *
 * @param deadLetterQueueUrl  where a message that can never be threaded is parked with its reason
 * @param acknowledgeNewEmail whether mail that opens a ticket gets the acknowledgment, written with the ticket
 * @param supportTeamName     who signs the acknowledgment
 */
record InboundProcessorConfig(AwsSettings aws, String tableName, URI deadLetterQueueUrl, boolean acknowledgeNewEmail, String supportTeamName,
                              com.helpdesk.runtime.CloudWatchMetrics.Settings metrics) {
    private static final java.util.regex.Pattern DISPLAY_NAME = java.util.regex.Pattern.compile("(?=.*\\S)[^\\r\\n\\x00]{1,64}");

    static InboundProcessorConfig read(EnvironmentReader env) {
        return env.valid(new InboundProcessorConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env),
                HelpdeskVariables.queueUrl(env, "DEAD_LETTER_QUEUE_URL"), env.bool("ACKNOWLEDGE_NEW_EMAIL"),
                env.matching("SUPPORT_TEAM_NAME", DISPLAY_NAME, "a display name of 1 to 64 characters without line breaks"),
                com.helpdesk.runtime.CloudWatchMetrics.Settings.read(env)));
    }
}
