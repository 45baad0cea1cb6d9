package com.helpdesk.triage;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.net.URI;
import java.util.Optional;

/**
 * The triage functions' configuration (TriageFunction and IntentsApiFunction in template.yaml), read and checked once at init.
 *
 * @param threshold          the confidence from which an intent tags the ticket (INTENT_THRESHOLD_PERCENT, 1..100)
 * @param deadLetterQueueUrl where an event that cannot be read is parked with its reason; empty for the API function
 */
record TriageConfig(AwsSettings aws, String tableName, double threshold, Optional<URI> deadLetterQueueUrl) {
    static TriageConfig forQueue(EnvironmentReader env) {
        return env.valid(new TriageConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), threshold(env),
                Optional.ofNullable(HelpdeskVariables.queueUrl(env, "DEAD_LETTER_QUEUE_URL"))));
    }

    static TriageConfig forApi(EnvironmentReader env) {
        return env.valid(new TriageConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), threshold(env), Optional.empty()));
    }

    private static double threshold(EnvironmentReader env) {
        return env.integer("INTENT_THRESHOLD_PERCENT", 1, 100, "percent") / 100.0;
    }
}
