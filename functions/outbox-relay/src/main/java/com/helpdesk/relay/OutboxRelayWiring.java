package com.helpdesk.relay;

import com.helpdesk.bus.EventBusPublisher;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.EnvironmentReader;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;

/** The outbox relay's composition root: the bus publisher, built once at init from its configuration. */
record OutboxRelayWiring(EventBusPublisher publisher, com.helpdesk.core.port.OperationalMetrics metrics) {
    static OutboxRelayWiring fromEnvironment() {
        return build(OutboxRelayConfig.read(EnvironmentReader.lambda()));
    }

    static OutboxRelayWiring build(OutboxRelayConfig config) {
        AwsClients aws = new AwsClients(config.aws());
        return new OutboxRelayWiring(new EventBusPublisher(aws.build(EventBridgeClient.builder(), "EVENTBRIDGE"), config.eventBusName()),
                com.helpdesk.runtime.CloudWatchMetrics.of(config.metrics()));
    }
}
