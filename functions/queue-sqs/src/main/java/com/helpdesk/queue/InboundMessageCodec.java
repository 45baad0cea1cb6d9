package com.helpdesk.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.JsonReadFailure;

import java.nio.charset.StandardCharsets;

/**
 * The inbound message as queue JSON. A queue message holds at most {@link #MAX_BYTES}: a bigger one
 * first loses its HTML, then the end of its text (the raw source, kept in storage, has all of it).
 */
public final class InboundMessageCodec {
    static final int MAX_BYTES = 240 * 1024;

    private InboundMessageCodec() {}

    public static String encode(InboundMessage m) {
        String json = write(m);
        if (bytes(json) <= MAX_BYTES) return json;
        InboundMessage withoutHtml = copy(m, m.body(), null);
        json = write(withoutHtml);
        String body = m.body() == null ? "" : m.body();
        while (bytes(json) > MAX_BYTES && body.length() > 100) {
            body = body.substring(0, body.length() * 3 / 4);
            json = write(copy(m, body + "\n[... cut: the full text is in the original message]", null));
        }
        return json;
    }

    /** @throws IllegalArgumentException (the processor parks the message with this reason) when it is not one */
    public static InboundMessage decode(String json) {
        try {
            JsonNode tree = Json.mapper().readTree(json);
            // JSON null reads as no object at all; it must be refused here, not fail later on every receive until SQS parks it
            if (tree == null || tree.isNull()) throw new IllegalArgumentException("the body is JSON null");
            return InboundMessageJson.read(tree);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not an inbound message: " + JsonReadFailure.describe(e), e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not an inbound message: " + e.getMessage(), e);
        }
    }

    private static InboundMessage copy(InboundMessage m, String body, String html) {
        return new InboundMessage(m.dedupeKey(), m.threadKeys(), m.channel(), m.requester(), m.subject(), body, html, m.attachments(),
                m.receivedAt(), m.tags(), m.externalId(), m.original(), m.kind(), m.bounce(), m.recipients());
    }

    private static String write(InboundMessage m) {
        return Json.write(g -> InboundMessageJson.write(m, g));
    }

    private static int bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
