package com.helpdesk.queue;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;

import java.util.List;
import java.util.Map;

/** SQS records shaped as Lambda's event source mapping delivers them, for the tests of every queue-fed handler. */
public final class SqsTestRecords {
    private SqsTestRecords() {}

    /** A first delivery ({@code ApproximateReceiveCount} 1) from the queue {@code queueArn}. */
    public static SQSEvent.SQSMessage record(String queueArn, String id, String body) {
        return record(queueArn, id, body, Map.of("ApproximateReceiveCount", "1"));
    }

    public static SQSEvent.SQSMessage record(String queueArn, String id, String body, Map<String, String> attributes) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(id);
        m.setReceiptHandle("handle-" + id);
        m.setBody(body);
        m.setEventSource("aws:sqs");
        m.setEventSourceArn(queueArn);
        m.setAttributes(attributes);
        return m;
    }

    public static SQSEvent batch(SQSEvent.SQSMessage... records) {
        SQSEvent e = new SQSEvent();
        e.setRecords(List.of(records));
        return e;
    }
}
