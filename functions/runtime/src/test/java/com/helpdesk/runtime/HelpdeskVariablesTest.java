package com.helpdesk.runtime;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HelpdeskVariablesTest {
    @Test
    void readsWhatTheTemplateAndTheLocalStackSet() {
        EnvironmentReader env = EnvironmentReader.of(Map.of("TABLE_NAME", "helpdesk-local-HelpdeskTable",
                "EVENT_BUS_NAME", "arn:aws:events:us-east-1:123456789012:event-bus/helpdesk-bus", "FILES_BUCKET", "helpdesk-mailbucket-1a2b",
                "SECRETS_PREFIX", "/helpdesk/helpdesk-prod", "SUPPORT_ADDRESS", "support@help.example.com", "CSAT_WINDOW_DAYS", "7",
                "MAX_SEND_ATTEMPTS", "5", "INBOUND_QUEUE_URL", "http://localhost:9324/000000000000/helpdesk-local-InboundQueue.fifo"));
        assertThat(HelpdeskVariables.tableName(env)).isEqualTo("helpdesk-local-HelpdeskTable");
        assertThat(HelpdeskVariables.eventBusName(env)).endsWith("event-bus/helpdesk-bus");
        assertThat(HelpdeskVariables.filesBucket(env)).isEqualTo("helpdesk-mailbucket-1a2b");
        assertThat(HelpdeskVariables.secretsPrefix(env)).isEqualTo("/helpdesk/helpdesk-prod");
        assertThat(HelpdeskVariables.supportAddress(env)).isEqualTo("support@help.example.com");
        assertThat(HelpdeskVariables.csatWindow(env)).isEqualTo(Duration.ofDays(7));
        assertThat(HelpdeskVariables.maxSendAttempts(env)).isEqualTo(5);
        assertThat(HelpdeskVariables.inboundQueueUrl(env))
                .isEqualTo(URI.create("http://localhost:9324/000000000000/helpdesk-local-InboundQueue.fifo"));
        assertThat(env.valid("ok")).isEqualTo("ok");
    }

    @Test
    void refusesValuesTheServicesWouldRefuseLater() {
        EnvironmentReader env = EnvironmentReader.of(Map.of("TABLE_NAME", "t", "EVENT_BUS_NAME", "bus name", "FILES_BUCKET", "Mail_Bucket",
                "SECRETS_PREFIX", "helpdesk/prod", "SUPPORT_ADDRESS", "support", "CSAT_WINDOW_DAYS", "0",
                "INBOUND_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/inbound"));
        HelpdeskVariables.tableName(env);
        HelpdeskVariables.eventBusName(env);
        HelpdeskVariables.filesBucket(env);
        HelpdeskVariables.secretsPrefix(env);
        HelpdeskVariables.supportAddress(env);
        HelpdeskVariables.csatWindow(env);
        HelpdeskVariables.maxSendAttempts(env);
        HelpdeskVariables.inboundQueueUrl(env);
        assertThatThrownBy(() -> env.valid("config")).isInstanceOfSatisfying(EnvironmentReader.InvalidConfiguration.class,
                e -> assertThat(e.problems()).containsExactly(
                        "TABLE_NAME is 't' (expected a DynamoDB table name (3 to 255 of A-Z a-z 0-9 _ . -))",
                        "EVENT_BUS_NAME is 'bus name' (expected an EventBridge event bus name or ARN)",
                        "FILES_BUCKET is 'Mail_Bucket' (expected an S3 bucket name (3 to 63 of a-z 0-9 . -))",
                        "SECRETS_PREFIX is 'helpdesk/prod' (expected an SSM parameter path such as /helpdesk/<stack>)",
                        "SUPPORT_ADDRESS is 'support' (expected an email address such as support@help.example.com)",
                        "CSAT_WINDOW_DAYS is '0' (expected a whole number of days from 1 to 60)",
                        "MAX_SEND_ATTEMPTS is not set (expected a whole number of attempts from 1 to 100)",
                        "INBOUND_QUEUE_URL is 'https://sqs.us-east-1.amazonaws.com/123456789012/inbound' (expected the URL of an SQS FIFO queue "
                                + "(https://sqs.<region>.amazonaws.com/<account>/<name>.fifo))"));
    }
}
