package com.helpdesk.inboundprocessor;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.net.URI;

/**
 * The inbound processor's configuration (InboundProcessorFunction in template.yaml), read and checked once at init.
 *
 * @param deadLetterQueueUrl where a message that can never be threaded is parked with its reason
 */
record InboundProcessorConfig(AwsSettings aws, String tableName, URI deadLetterQueueUrl, com.helpdesk.runtime.CloudWatchMetrics.Settings metrics) {
    static InboundProcessorConfig read(EnvironmentReader env) {
        return env.valid(new InboundProcessorConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env),
                HelpdeskVariables.queueUrl(env, "DEAD_LETTER_QUEUE_URL"), com.helpdesk.runtime.CloudWatchMetrics.Settings.read(env)));
    }
}
