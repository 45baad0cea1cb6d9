package com.helpdesk.local;

import com.helpdesk.local.lambda.LocalFunctions;
import com.helpdesk.local.sqs.LocalQueues;
import com.helpdesk.local.sqs.SqsEventSource;
import com.helpdesk.local.stream.StreamEventSource;
import com.helpdesk.local.template.Intrinsics;
import com.helpdesk.local.template.Resource;
import com.helpdesk.local.template.Template;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.helpdesk.local.LocalStack.LOCAL_SQS_CONCURRENCY;
import static com.helpdesk.local.LocalStack.REGION;
import static com.helpdesk.local.TemplateValues.intOr;
import static com.helpdesk.local.TemplateValues.list;
import static com.helpdesk.local.TemplateValues.strings;

/** The functions' SQS and DynamoDB stream events as pollers that feed them, the way Lambda's event source mappings do. */
final class EventSourceMappings {
    private final Template template;
    private final Intrinsics intrinsics;
    private final Map<String, LocalQueues.Queue> queuesByArn;

    EventSourceMappings(Template template, Intrinsics intrinsics, Map<String, LocalQueues.Queue> queuesByArn) {
        this.template = template;
        this.intrinsics = intrinsics;
        this.queuesByArn = queuesByArn;
    }

    /** Starts a poller per enabled mapping; each is added to {@code closeables} before it starts, so a failed boot stops it. */
    @SuppressWarnings("unchecked")
    void start(SqsClient sqs, DynamoDbStreamsClient streams, LocalFunctions functions, List<AutoCloseable> closeables) {
        for (Resource fn : template.ofType("AWS::Serverless::Function")) {
            for (Object raw : fn.map("Events").values()) {
                Map<String, Object> e = (Map<String, Object>) raw;
                String type = String.valueOf(e.get("Type"));
                if (!type.equals("SQS") && !type.equals("DynamoDB")) continue;
                Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(e.getOrDefault("Properties", Map.of()));
                if (Boolean.FALSE.equals(p.get("Enabled"))) continue;
                boolean reportFailures = strings(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures");
                if (type.equals("SQS")) {
                    LocalQueues.Queue q = queuesByArn.get(String.valueOf(p.get("Queue")));
                    if (q == null) throw new IllegalArgumentException(fn.logicalId() + ": SQS event on an unknown queue " + p.get("Queue"));
                    SqsEventSource source = new SqsEventSource(sqs, q, fn.logicalId(), intOr(p.get("BatchSize"), 10), reportFailures,
                            functions, REGION, sqsConcurrency(fn, p));
                    closeables.add(source);
                    source.start();
                } else {
                    StreamEventSource source = streamSource(fn, p, reportFailures, streams, functions, sqs);
                    closeables.add(source);
                    source.start();
                }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private StreamEventSource streamSource(Resource fn, Map<String, Object> p, boolean reportFailures, DynamoDbStreamsClient streams,
                                           LocalFunctions functions, SqsClient sqs) {
        List<String> patterns = new ArrayList<>();
        Map<String, Object> criteria = (Map<String, Object>) p.getOrDefault("FilterCriteria", Map.of());
        for (Map<String, Object> f : list(criteria.get("Filters"))) patterns.add(String.valueOf(f.get("Pattern")));
        String onFailure = null;
        Map<String, Object> dest = (Map<String, Object>) p.getOrDefault("DestinationConfig", Map.of());
        if (dest.get("OnFailure") instanceof Map<?, ?> of && queuesByArn.containsKey(String.valueOf(of.get("Destination")))) {
            onFailure = queuesByArn.get(String.valueOf(of.get("Destination"))).url();
        }
        int retries = intOr(p.get("MaximumRetryAttempts"), 10_000);
        return new StreamEventSource(streams, String.valueOf(p.get("Stream")),
                new StreamEventSource.Settings(fn.logicalId(), intOr(p.get("BatchSize"), 100),
                        String.valueOf(p.getOrDefault("StartingPosition", "TRIM_HORIZON")), patterns, reportFailures,
                        retries, onFailure), functions, sqs, REGION);
    }

    /**
     * Batches of one SQS mapping in the function at once: the mapping's ScalingConfig.MaximumConcurrency, else
     * the function's ReservedConcurrentExecutions, else Lambda's unbounded scaling capped for one machine;
     * the system property helpdesk.local.sqsConcurrency caps all of them (1 = one batch after another).
     */
    @SuppressWarnings("unchecked")
    private int sqsConcurrency(Resource fn, Map<String, Object> mapping) {
        Object scaling = mapping.get("ScalingConfig") instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("MaximumConcurrency") : null;
        Object reserved = intrinsics.resolve(fn.properties().get("ReservedConcurrentExecutions"));
        int configured = scaling != null ? intOr(scaling, LOCAL_SQS_CONCURRENCY) : intOr(reserved, LOCAL_SQS_CONCURRENCY);
        int cap = Integer.getInteger("helpdesk.local.sqsConcurrency", LOCAL_SQS_CONCURRENCY);
        return Math.max(1, Math.min(configured, cap));
    }
}
