package com.helpdesk.local.sqs;

import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.util.LinkedHashMap;
import java.util.Map;

/** Creates the template's SQS queues in ElasticMQ, redrive policies (DLQs) included. */
public final class LocalQueues {
    public record Queue(String logicalId, String name, String url, String arn, boolean fifo) {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private final SqsClient sqs;
    private final String account;
    private final String region;

    public LocalQueues(SqsClient sqs, String account, String region) {
        this.sqs = sqs;
        this.account = account;
        this.region = region;
    }

    /** @param properties the queue's CloudFormation properties with intrinsics already resolved */
    public Queue create(String logicalId, String name, Map<String, Object> properties) {
        boolean fifo = Boolean.parseBoolean(String.valueOf(properties.getOrDefault("FifoQueue", "false")));
        Map<QueueAttributeName, String> attributes = new LinkedHashMap<>();
        copy(properties, "VisibilityTimeout", attributes, QueueAttributeName.VISIBILITY_TIMEOUT);
        copy(properties, "MessageRetentionPeriod", attributes, QueueAttributeName.MESSAGE_RETENTION_PERIOD);
        copy(properties, "DelaySeconds", attributes, QueueAttributeName.DELAY_SECONDS);
        copy(properties, "ReceiveMessageWaitTimeSeconds", attributes, QueueAttributeName.RECEIVE_MESSAGE_WAIT_TIME_SECONDS);
        copy(properties, "MaximumMessageSize", attributes, QueueAttributeName.MAXIMUM_MESSAGE_SIZE);
        if (fifo) {
            attributes.put(QueueAttributeName.FIFO_QUEUE, "true");
            copy(properties, "ContentBasedDeduplication", attributes, QueueAttributeName.CONTENT_BASED_DEDUPLICATION);
        }
        Object redrive = properties.get("RedrivePolicy");
        if (redrive != null) {
            try {
                attributes.put(QueueAttributeName.REDRIVE_POLICY,
                        redrive instanceof String s ? s : JSON.writeValueAsString(redrive));
            } catch (Exception e) {
                throw new IllegalArgumentException("queue " + logicalId + " has an unreadable RedrivePolicy", e);
            }
        }
        String url = sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
        return new Queue(logicalId, name, url, "arn:aws:sqs:" + region + ":" + account + ":" + name, fifo);
    }

    private static void copy(Map<String, Object> from, String property, Map<QueueAttributeName, String> to, QueueAttributeName attr) {
        Object v = from.get(property);
        if (v != null) to.put(attr, String.valueOf(v));
    }
}
