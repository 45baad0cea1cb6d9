package com.helpdesk.relay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamViewType;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.runtime.LambdaEventJson;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.helpdesk.runtime.LambdaEventJson.text;

/**
 * Lambda's DynamoDB Streams event and its batch response, read and written with the project's Jackson (as
 * HttpApiEvents and SqsEvents do for theirs), so the relay's cold start does not load Lambda's serializer.
 * Every attribute type of the stream's images is read (S, N, B, SS, NS, BS, M, L, NULL, BOOL; binary as base64).
 */
final class StreamEvents {
    private StreamEvents() {}

    /** @throws IllegalArgumentException naming what is wrong when the input is not a stream event ({"Records": [...]}) */
    static DynamodbEvent read(InputStream input) throws IOException {
        List<DynamodbEvent.DynamodbStreamRecord> out = new ArrayList<>();
        for (JsonNode r : LambdaEventJson.records(input, "a stream event")) out.add(record(r));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(out);
        return event;
    }

    /** The batch item failures: the sequence number Lambda resumes the shard from. */
    static void write(StreamsEventResponse response, OutputStream output) throws IOException {
        List<String> failed = response == null || response.getBatchItemFailures() == null ? List.of()
                : response.getBatchItemFailures().stream().map(StreamsEventResponse.BatchItemFailure::getItemIdentifier).toList();
        LambdaEventJson.writeBatchItemFailures(failed, output);
    }

    private static DynamodbEvent.DynamodbStreamRecord record(JsonNode r) {
        DynamodbEvent.DynamodbStreamRecord record = new DynamodbEvent.DynamodbStreamRecord();
        record.setEventID(text(r, "eventID"));
        record.setEventName(text(r, "eventName"));
        record.setEventVersion(text(r, "eventVersion"));
        record.setEventSource(text(r, "eventSource"));
        record.setAwsRegion(text(r, "awsRegion"));
        record.setEventSourceARN(text(r, "eventSourceARN"));
        JsonNode d = r.get("dynamodb");
        if (d != null && d.isObject()) {
            StreamRecord s = new StreamRecord();
            // epoch seconds, with a fraction where DynamoDB gives one
            if (d.hasNonNull("ApproximateCreationDateTime")) {
                s.setApproximateCreationDateTime(new Date(Math.round(d.get("ApproximateCreationDateTime").asDouble() * 1000)));
            }
            s.setKeys(image(d.get("Keys")));
            s.setNewImage(image(d.get("NewImage")));
            s.setOldImage(image(d.get("OldImage")));
            s.setSequenceNumber(text(d, "SequenceNumber"));
            if (d.hasNonNull("SizeBytes")) s.setSizeBytes(d.get("SizeBytes").asLong());
            String view = text(d, "StreamViewType");
            if (view != null) s.setStreamViewType(StreamViewType.fromValue(view));
            record.setDynamodb(s);
        }
        return record;
    }

    private static Map<String, AttributeValue> image(JsonNode node) {
        if (node == null || !node.isObject()) return null;
        Map<String, AttributeValue> image = new LinkedHashMap<>();
        node.fields().forEachRemaining(f -> image.put(f.getKey(), value(f.getKey(), f.getValue())));
        return image;
    }

    private static AttributeValue value(String name, JsonNode node) {
        AttributeValue v = new AttributeValue();
        if (node == null || !node.isObject()) return v;
        if (node.has("S")) v.setS(node.get("S").asText());
        if (node.has("N")) v.setN(node.get("N").asText());
        if (node.has("B")) v.setB(LambdaEventJson.base64(node.get("B").asText(), "the attribute " + name));
        if (node.has("BOOL")) v.setBOOL(node.get("BOOL").asBoolean());
        if (node.has("NULL")) v.setNULL(node.get("NULL").asBoolean());
        if (node.has("SS")) v.setSS(strings(node.get("SS")));
        if (node.has("NS")) v.setNS(strings(node.get("NS")));
        if (node.has("BS")) {
            List<ByteBuffer> list = new ArrayList<>();
            node.get("BS").forEach(b -> list.add(LambdaEventJson.base64(b.asText(), "the attribute " + name)));
            v.setBS(list);
        }
        if (node.has("M")) v.setM(image(node.get("M")));
        if (node.has("L")) {
            List<AttributeValue> list = new ArrayList<>();
            node.get("L").forEach(item -> list.add(value(name, item)));
            v.setL(list);
        }
        return v;
    }

    private static List<String> strings(JsonNode array) {
        List<String> list = new ArrayList<>();
        array.forEach(s -> list.add(s.asText()));
        return list;
    }
}
