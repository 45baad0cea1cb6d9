package com.helpdesk.relay;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

/** The outbox relay's configuration (OutboxRelayFunction in template.yaml), read and checked once at init. */
record OutboxRelayConfig(AwsSettings aws, String eventBusName, com.helpdesk.runtime.CloudWatchMetrics.Settings metrics) {
    static OutboxRelayConfig read(EnvironmentReader env) {
        return env.valid(new OutboxRelayConfig(AwsSettings.read(env), HelpdeskVariables.eventBusName(env),
                com.helpdesk.runtime.CloudWatchMetrics.Settings.read(env)));
    }
}
