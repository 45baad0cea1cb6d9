package com.helpdesk.runtime;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * What the event codecs of the stream handlers (HttpApiEvents, SqsEvents, StreamEvents) share: Lambda's raw event read
 * as a tree with the project's mapper, a batch's records, the batch answer SQS and DynamoDB Streams both read, and the
 * field readings. Refusals name what is wrong in the project's words (JsonReadFailure), never the parser's.
 */
public final class LambdaEventJson {
    private LambdaEventJson() {}

    /** @throws IllegalArgumentException "the event is not JSON: ..." with the reason */
    public static JsonNode read(InputStream input) throws IOException {
        try {
            return Json.mapper().readTree(input);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("the event is not JSON: " + JsonReadFailure.describe(e));
        }
    }

    /**
     * The records of a batch event ({"Records": [...]}), each an object.
     *
     * @param kind what the event should be ("an SQS event"), for the refusal
     */
    public static List<JsonNode> records(InputStream input, String kind) throws IOException {
        JsonNode root = read(input);
        JsonNode records = root == null ? null : root.get("Records");
        if (records == null || !records.isArray()) throw new IllegalArgumentException("the event is not " + kind + ": it has no Records list");
        List<JsonNode> out = new ArrayList<>(records.size());
        for (JsonNode r : records) {
            if (!r.isObject()) throw new IllegalArgumentException("the event is not " + kind + ": a record is not an object");
            out.add(r);
        }
        return out;
    }

    /** {"batchItemFailures": [{"itemIdentifier": "..."}]}: the records SQS delivers again, the sequence number a stream resumes from. */
    public static void writeBatchItemFailures(List<String> itemIdentifiers, OutputStream output) throws IOException {
        try (JsonGenerator g = Json.mapper().getFactory().createGenerator(output)) {
            g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
            g.writeStartObject();
            g.writeArrayFieldStart("batchItemFailures");
            for (String id : itemIdentifiers) {
                g.writeStartObject();
                g.writeStringField("itemIdentifier", id);
                g.writeEndObject();
            }
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    /** A field's text; null when absent or JSON null. */
    public static String text(JsonNode node, String field) {
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /**
     * A binary value as Lambda sends it (base64).
     *
     * @param whose what holds it ("the message attribute origin"), for the refusal
     */
    public static ByteBuffer base64(String value, String whose) {
        try {
            return ByteBuffer.wrap(Base64.getDecoder().decode(value));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(whose + " has a binary value that is not base64");
        }
    }
}
