package com.helpdesk.routing;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.net.URI;
import java.util.Optional;

/**
 * The routing functions' configuration (RoutingFunction and RoutingApiFunction in template.yaml), read and checked once at init.
 *
 * @param deadLetterQueueUrl where an event that cannot be read is parked with its reason; empty for the API function
 */
record RoutingConfig(AwsSettings aws, String tableName, Optional<URI> deadLetterQueueUrl) {
    static RoutingConfig forQueue(EnvironmentReader env) {
        return env.valid(new RoutingConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env),
                Optional.ofNullable(HelpdeskVariables.queueUrl(env, "DEAD_LETTER_QUEUE_URL"))));
    }

    static RoutingConfig forApi(EnvironmentReader env) {
        return env.valid(new RoutingConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), Optional.empty()));
    }
}
