package com.helpdesk.local.sqs;

import com.helpdesk.local.lambda.FunctionError;
import com.helpdesk.localaws.ElasticMq;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** Lambda's SQS event source semantics against ElasticMQ: batch item failures, retries, redrive to the DLQ. */
class SqsEventSourceTest {

    @Test
    void failedMessagesComeBackAndEndInTheDeadLetterQueue() throws Exception {
        try (ElasticMq mq = ElasticMq.start(0);
             SqsClient sqs = SqsClient.builder().endpointOverride(mq.endpoint()).region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                     .httpClient(UrlConnectionHttpClient.create()).build()) {
            LocalQueues queues = new LocalQueues(sqs, "000000000000", "us-east-1");
            LocalQueues.Queue dlq = queues.create("Dlq", "inbound-dlq", Map.of());
            LocalQueues.Queue inbound = queues.create("Inbound", "inbound", Map.of("VisibilityTimeout", 1,
                    "RedrivePolicy", Map.of("deadLetterTargetArn", dlq.arn(), "maxReceiveCount", 2)));

            List<String> seen = Collections.synchronizedList(new ArrayList<>());
            Pattern id = Pattern.compile("\"messageId\":\"([^\"]+)\",\"receiptHandle\":\"[^\"]*\",\"body\":\"([^\"]+)\"");
            try (SqsEventSource source = new SqsEventSource(sqs, inbound, "Processor", 10, true, (fn, event) -> {
                assertThat(event).contains("\"eventSource\":\"aws:sqs\"").contains("\"eventSourceARN\":\"" + inbound.arn() + "\"")
                        .contains("\"ApproximateReceiveCount\"");
                Matcher m = id.matcher(event);
                List<String> failures = new ArrayList<>();
                boolean crash = false;
                while (m.find()) {
                    seen.add(m.group(2));
                    if (m.group(2).equals("poison")) failures.add(m.group(1));
                    if (m.group(2).equals("crash-once") && seen.stream().filter("crash-once"::equals).count() == 1) crash = true;
                }
                if (crash) throw new FunctionError("Boom", "transient", null);
                return "{\"batchItemFailures\":[" + String.join(",", failures.stream().map(f -> "{\"itemIdentifier\":\"" + f + "\"}").toList()) + "]}";
            }, "us-east-1")) {
                source.start();
                for (String body : List.of("good", "poison", "crash-once")) sqs.sendMessage(b -> b.queueUrl(inbound.url()).messageBody(body));

                List<Message> dead = List.of();
                long deadline = System.currentTimeMillis() + 20_000;
                while (System.currentTimeMillis() < deadline && dead.isEmpty()) {
                    dead = sqs.receiveMessage(b -> b.queueUrl(dlq.url()).waitTimeSeconds(1)).messages();
                }
                assertThat(dead).extracting(Message::body).containsExactly("poison");
                assertThat(seen).contains("good", "crash-once");
                assertThat(seen.stream().filter("crash-once"::equals).count()).isGreaterThanOrEqualTo(2);
                Thread.sleep(1500);
                assertThat(sqs.getQueueAttributes(b -> b.queueUrl(inbound.url()).attributeNamesWithStrings("All")).attributesAsStrings())
                        .containsEntry("ApproximateNumberOfMessages", "0").containsEntry("ApproximateNumberOfMessagesNotVisible", "0");
            }
        }
    }
}
