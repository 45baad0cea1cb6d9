package com.helpdesk.local.template;

import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What an operator relies on, read from template.yaml: queues that outlast their consumer's timeout,
 * a dead letter for every asynchronous target, an alarm on every dead-letter queue and every function,
 * and logs that expire.
 */
class OperationsTemplateTest {
    private static final Template TEMPLATE = Template.read(LocalStackHarness.root().resolve("template.yaml"));
    private static final String ALARM = "AWS::CloudWatch::Alarm";

    /** The logical id a {Ref: X} or {Fn::GetAtt: [X, ...]} points at; null for anything else. */
    static String target(Object value) {
        if (value instanceof Map<?, ?> m && m.get("Ref") instanceof String id) return id;
        if (value instanceof Map<?, ?> m && m.get("Fn::GetAtt") instanceof List<?> l) return String.valueOf(l.get(0));
        return null;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> map(Object o) {
        return o instanceof Map<?, ?> ? (Map<String, Object>) o : Map.of();
    }

    @SuppressWarnings("unchecked")
    private static List<Object> list(Object o) {
        return o instanceof List<?> ? (List<Object>) o : List.of();
    }

    private static int number(Object o, int fallback) {
        return o == null ? fallback : Integer.parseInt(String.valueOf(o));
    }

    private static List<Resource> functions() {
        return TEMPLATE.ofType("AWS::Serverless::Function");
    }

    /** Every function event of the given types, as (function, event name, event properties). */
    private static List<Event> events(String... types) {
        List<Event> out = new ArrayList<>();
        for (Resource fn : functions()) {
            fn.map("Events").forEach((name, e) -> {
                if (List.of(types).contains(String.valueOf(map(e).get("Type")))) {
                    out.add(new Event(fn, name, map(map(e).get("Properties"))));
                }
            });
        }
        return out;
    }

    record Event(Resource function, String name, Map<String, Object> properties) {}

    /** Targets of every EventBridge rule: the template's rules and the rules SAM makes of schedule and bus events. */
    private static Map<String, Map<String, Object>> ruleTargets() {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        for (Resource rule : TEMPLATE.ofType("AWS::Events::Rule")) {
            for (Object t : list(rule.properties().get("Targets"))) out.put(rule.logicalId() + "/" + map(t).get("Id"), map(t));
        }
        for (Event e : events("Schedule", "EventBridgeRule", "CloudWatchEvent")) {
            out.put(e.function().logicalId() + "/" + e.name(), e.properties());
        }
        return out;
    }

    /** Every queue something parks failed work in: redrive targets, on-failure destinations, rule DLQs. */
    private static Set<String> deadLetterQueues() {
        Set<String> out = new LinkedHashSet<>();
        for (Resource q : TEMPLATE.ofType("AWS::SQS::Queue")) {
            String dlq = target(map(q.properties().get("RedrivePolicy")).get("deadLetterTargetArn"));
            if (dlq != null) out.add(dlq);
        }
        for (Event e : events("SQS", "DynamoDB", "Kinesis")) {
            String dlq = target(map(map(e.properties().get("DestinationConfig")).get("OnFailure")).get("Destination"));
            if (dlq != null) out.add(dlq);
        }
        for (Resource fn : functions()) {
            Map<String, Object> destinations = map(map(fn.properties().get("EventInvokeConfig")).get("DestinationConfig"));
            String dlq = target(map(destinations.get("OnFailure")).get("Destination"));
            if (dlq != null) out.add(dlq);
        }
        ruleTargets().values().forEach(t -> {
            String dlq = target(map(t.get("DeadLetterConfig")).get("Arn"));
            if (dlq != null) out.add(dlq);
        });
        return out;
    }

    private static List<Resource> alarmsOn(String namespace, String metric, String dimension, String resource) {
        return TEMPLATE.ofType(ALARM).stream().filter(a -> namespace.equals(a.properties().get("Namespace"))
                && metric.equals(a.properties().get("MetricName"))
                && list(a.properties().get("Dimensions")).stream().map(OperationsTemplateTest::map)
                        .anyMatch(d -> dimension.equals(d.get("Name")) && resource.equals(target(d.get("Value"))))).toList();
    }

    @Test
    void everySqsConsumersQueueStaysInvisibleSixTimesTheFunctionsTimeout() {
        List<Event> consumers = events("SQS");
        assertThat(consumers).isNotEmpty();
        for (Event e : consumers) {
            String queueId = target(e.properties().get("Queue"));
            Resource queue = TEMPLATE.get(queueId);
            assertThat(queue).as(e.function().logicalId() + " consumes a queue of this template").isNotNull();
            int timeout = number(e.function().properties().get("Timeout"), 3);
            assertThat(number(queue.properties().get("VisibilityTimeout"), 30))
                    .as(queueId + "'s VisibilityTimeout against 6 x " + e.function().logicalId() + "'s Timeout " + timeout)
                    .isGreaterThanOrEqualTo(6 * timeout);
        }
    }

    @Test
    void everySqsEventSourceReportsBatchItemFailures() {
        for (Event e : events("SQS")) {
            assertThat(list(e.properties().get("FunctionResponseTypes"))).as(e.function().logicalId() + "/" + e.name())
                    .contains("ReportBatchItemFailures");
        }
    }

    @Test
    void everyEventBridgeTargetHasADeadLetterQueueAndARetryPolicy() {
        Map<String, Map<String, Object>> targets = ruleTargets();
        assertThat(targets).as("bus rules and the auto-close schedule").hasSizeGreaterThanOrEqualTo(5);
        targets.forEach((id, t) -> {
            String dlq = target(map(t.get("DeadLetterConfig")).get("Arn"));
            assertThat(dlq).as(id + " DeadLetterConfig").isNotNull();
            assertThat(TEMPLATE.get(dlq).type()).isEqualTo("AWS::SQS::Queue");
            // EventBridge delivers dead letters to standard queues only
            assertThat(TEMPLATE.get(dlq).properties().get("FifoQueue")).as(dlq + " is a standard queue").isNotEqualTo(true);
            assertThat(map(t.get("RetryPolicy"))).as(id + " RetryPolicy").containsKeys("MaximumRetryAttempts", "MaximumEventAgeInSeconds");
        });
    }

    @Test
    void everyDeadLetterQueueHasAnAlarmOnItsVisibleMessages() {
        Set<String> dlqs = deadLetterQueues();
        assertThat(dlqs).contains("InboundDeadLetterQueue", "OutboxRelayDLQ", "InboundEmailFailures");
        for (String dlq : dlqs) {
            List<Resource> alarms = alarmsOn("AWS/SQS", "ApproximateNumberOfMessagesVisible", "QueueName", dlq);
            assertThat(alarms).as("alarm on " + dlq).isNotEmpty();
            alarms.forEach(a -> {
                assertThat(number(a.properties().get("Threshold"), -1)).as(a.logicalId()).isZero();
                assertThat(a.properties().get("ComparisonOperator")).as(a.logicalId()).isEqualTo("GreaterThanThreshold");
            });
        }
    }

    @Test
    void everyFunctionHasErrorAndThrottleAlarmsAndTheRelayAnIteratorAgeAlarm() {
        for (Resource fn : functions()) {
            for (String metric : List.of("Errors", "Throttles")) {
                assertThat(alarmsOn("AWS/Lambda", metric, "FunctionName", fn.logicalId())).as(metric + " alarm of " + fn.logicalId()).isNotEmpty();
            }
        }
        for (Event stream : events("DynamoDB", "Kinesis")) {
            assertThat(alarmsOn("AWS/Lambda", "IteratorAge", "FunctionName", stream.function().logicalId()))
                    .as("IteratorAge alarm of " + stream.function().logicalId()).isNotEmpty();
        }
    }

    @Test
    void everyAlarmNotifiesTheAlarmTopicWhenItFiresAndWhenItRecovers() {
        List<Resource> alarms = TEMPLATE.ofType(ALARM);
        assertThat(alarms).isNotEmpty();
        for (Resource a : alarms) {
            for (String actions : List.of("AlarmActions", "OKActions")) {
                assertThat(list(a.properties().get(actions)).stream().map(OperationsTemplateTest::target))
                        .as(a.logicalId() + " " + actions).containsExactly("AlarmTopic");
            }
        }
        assertThat(TEMPLATE.get("AlarmTopic").type()).isEqualTo("AWS::SNS::Topic");
    }

    @Test
    void everyFunctionLogsToItsOwnLogGroupWithARetentionAndNoFixedName() {
        Set<String> groups = new LinkedHashSet<>();
        for (Resource fn : functions()) {
            String group = target(map(fn.properties().get("LoggingConfig")).get("LogGroup"));
            assertThat(group).as(fn.logicalId() + " LoggingConfig.LogGroup").isNotNull();
            assertThat(groups.add(group)).as(group + " serves one function only").isTrue();
            Resource logGroup = TEMPLATE.get(group);
            assertThat(logGroup.type()).isEqualTo("AWS::Logs::LogGroup");
            assertThat(logGroup.properties()).as(group).containsKey("RetentionInDays")
                    // a fixed name collides with Lambda's own /aws/lambda group and with a re-created stack
                    .doesNotContainKey("LogGroupName");
        }
    }
}
