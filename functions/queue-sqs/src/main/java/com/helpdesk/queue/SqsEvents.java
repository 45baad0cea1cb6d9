package com.helpdesk.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.runtime.LambdaEventJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import static com.helpdesk.runtime.LambdaEventJson.text;

/**
 * Lambda's SQS event and the batch response (ReportBatchItemFailures), read and written with the project's Jackson,
 * for queue functions that take Lambda's raw stream. Why not Lambda's own serializer: for a typed handler the runtime
 * brings a second, shaded Jackson and reflects over the events library's classes, some 700 classes and a third of a
 * second of every cold start, to fill the dozen fields this class reads from a tree.
 */
public final class SqsEvents {
    private SqsEvents() {}

    /**
     * One invocation: the batch read, handled, the failures written.
     * @throws IllegalArgumentException when the input is no SQS event: the invocation fails and the queue redelivers
     */
    public static void serve(InputStream input, OutputStream output, Function<SQSEvent, SQSBatchResponse> handler) throws IOException {
        write(handler.apply(read(input)), output);
    }

    /** @throws IllegalArgumentException naming what is wrong when the input is not an SQS event ({"Records": [...]}) */
    public static SQSEvent read(InputStream input) throws IOException {
        List<SQSEvent.SQSMessage> messages = new ArrayList<>();
        for (JsonNode r : LambdaEventJson.records(input, "an SQS event")) messages.add(message(r));
        SQSEvent event = new SQSEvent();
        event.setRecords(messages);
        return event;
    }

    /** The batch item failures: the records the queue is to deliver again. */
    public static void write(SQSBatchResponse response, OutputStream output) throws IOException {
        List<String> failed = response == null || response.getBatchItemFailures() == null ? List.of()
                : response.getBatchItemFailures().stream().map(SQSBatchResponse.BatchItemFailure::getItemIdentifier).toList();
        LambdaEventJson.writeBatchItemFailures(failed, output);
    }

    private static SQSEvent.SQSMessage message(JsonNode r) {
        SQSEvent.SQSMessage m = new SQSEvent.SQSMessage();
        m.setMessageId(text(r, "messageId"));
        m.setReceiptHandle(text(r, "receiptHandle"));
        m.setBody(text(r, "body"));
        m.setMd5OfBody(text(r, "md5OfBody"));
        m.setMd5OfMessageAttributes(text(r, "md5OfMessageAttributes"));
        m.setEventSource(text(r, "eventSource"));
        m.setEventSourceArn(text(r, "eventSourceARN"));
        m.setAwsRegion(text(r, "awsRegion"));
        JsonNode attributes = r.get("attributes");
        if (attributes != null && attributes.isObject()) {
            Map<String, String> values = new LinkedHashMap<>();
            attributes.fields().forEachRemaining(f -> values.put(f.getKey(), f.getValue().isNull() ? null : f.getValue().asText()));
            m.setAttributes(values);
        }
        JsonNode messageAttributes = r.get("messageAttributes");
        if (messageAttributes != null && messageAttributes.isObject()) {
            Map<String, SQSEvent.MessageAttribute> values = new LinkedHashMap<>();
            messageAttributes.fields().forEachRemaining(f -> values.put(f.getKey(), attribute(f.getKey(), f.getValue())));
            m.setMessageAttributes(values);
        }
        return m;
    }

    /** A message attribute: binary values arrive base64-encoded, as Lambda's serializer reads them. */
    private static SQSEvent.MessageAttribute attribute(String name, JsonNode a) {
        SQSEvent.MessageAttribute attribute = new SQSEvent.MessageAttribute();
        if (!a.isObject()) return attribute;
        attribute.setDataType(text(a, "dataType"));
        attribute.setStringValue(text(a, "stringValue"));
        String binary = text(a, "binaryValue");
        if (binary != null) attribute.setBinaryValue(LambdaEventJson.base64(binary, "the message attribute " + name));
        JsonNode strings = a.get("stringListValues");
        if (strings != null && strings.isArray()) {
            List<String> list = new ArrayList<>();
            strings.forEach(s -> list.add(s.asText()));
            attribute.setStringListValues(list);
        }
        JsonNode binaries = a.get("binaryListValues");
        if (binaries != null && binaries.isArray()) {
            List<ByteBuffer> list = new ArrayList<>();
            binaries.forEach(b -> list.add(LambdaEventJson.base64(b.asText(), "the message attribute " + name)));
            attribute.setBinaryListValues(list);
        }
        return attribute;
    }
}
