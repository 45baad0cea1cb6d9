package com.helpdesk.queue;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.runtime.JsonFields;

import java.io.IOException;
import java.util.List;
import java.util.Map;

/**
 * The inbound message's queue JSON, field by field: the names and shapes Jackson's record binding wrote and read
 * before (component names, enums by name, ISO-8601 instants, nulls written), so messages queued by either read the
 * same. Read from a tree rather than bound by reflection: binding these nested records cost the inbound processor's
 * cold start some 80 ms of its first message, reading the tree about none. A key it does not know is skipped, so a
 * newer intake function's message still reads during a deployment.
 */
final class InboundMessageJson {
    private InboundMessageJson() {}

    static void write(InboundMessage m, JsonGenerator g) throws IOException {
        g.writeStartObject();
        g.writeStringField("dedupeKey", m.dedupeKey());
        g.writeArrayFieldStart("threadKeys");
        for (ThreadKey k : m.threadKeys()) {
            g.writeStartObject();
            g.writeStringField("key", k.key());
            g.writeStringField("reason", k.reason());
            g.writeBooleanField("participantsOnly", k.participantsOnly());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeStringField("channel", m.channel() == null ? null : m.channel().name());
        writeRequester(m.requester(), g);
        g.writeStringField("subject", m.subject());
        g.writeStringField("body", m.body());
        g.writeStringField("html", m.html());
        g.writeArrayFieldStart("attachments");
        for (Attachment a : m.attachments()) writeAttachment(a, g);
        g.writeEndArray();
        g.writeStringField("receivedAt", m.receivedAt() == null ? null : m.receivedAt().toString());
        writeStrings("tags", m.tags(), g);
        g.writeStringField("externalId", m.externalId());
        g.writeFieldName("original");
        writeAttachment(m.original(), g);
        g.writeStringField("kind", m.kind().name());
        g.writeFieldName("bounce");
        writeBounce(m.bounce(), g);
        writeStrings("recipients", m.recipients(), g);
        g.writeEndObject();
    }

    private static void writeRequester(Requester r, JsonGenerator g) throws IOException {
        g.writeFieldName("requester");
        if (r == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("email", r.email());
        g.writeStringField("phone", r.phone());
        g.writeStringField("name", r.name());
        g.writeObjectFieldStart("externalIds");
        for (Map.Entry<String, String> e : r.externalIds().entrySet()) g.writeStringField(e.getKey(), e.getValue());
        g.writeEndObject();
        g.writeEndObject();
    }

    private static void writeAttachment(Attachment a, JsonGenerator g) throws IOException {
        if (a == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("id", a.id());
        g.writeStringField("filename", a.filename());
        g.writeStringField("contentType", a.contentType());
        g.writeNumberField("size", a.size());
        g.writeStringField("contentId", a.contentId());
        g.writeEndObject();
    }

    private static void writeBounce(InboundMessage.Bounce b, JsonGenerator g) throws IOException {
        if (b == null) {
            g.writeNull();
            return;
        }
        g.writeStartObject();
        g.writeStringField("repliedExternalId", b.repliedExternalId());
        g.writeStringField("recipient", b.recipient());
        g.writeStringField("status", b.status());
        g.writeStringField("diagnostic", b.diagnostic());
        g.writeEndObject();
    }

    private static void writeStrings(String field, List<String> values, JsonGenerator g) throws IOException {
        g.writeArrayFieldStart(field);
        for (String v : values) g.writeString(v);
        g.writeEndArray();
    }

    /** @throws IllegalArgumentException naming the field (its path, "requester.email") and what is wrong with it */
    static InboundMessage read(JsonNode root) {
        JsonFields m = JsonFields.root(root, "the body");
        return new InboundMessage(m.text("dedupeKey"), m.list("threadKeys", InboundMessageJson::threadKey), m.constant("channel", Channel.class),
                m.object("requester", InboundMessageJson::requester), m.text("subject"), m.text("body"), m.text("html"),
                m.list("attachments", InboundMessageJson::attachment), m.instant("receivedAt"), m.list("tags", JsonFields::textValue),
                m.text("externalId"), m.object("original", InboundMessageJson::attachment), m.constant("kind", InboundMessage.Kind.class),
                m.object("bounce", InboundMessageJson::bounce), m.list("recipients", JsonFields::textValue));
    }

    private static ThreadKey threadKey(JsonNode node, String path) {
        JsonFields k = JsonFields.of(node, path);
        String key = k.text("key");
        if (key == null) throw JsonFields.refused(path + ".key", "is required");
        return new ThreadKey(key, k.text("reason"), k.bool("participantsOnly"));
    }

    private static Requester requester(JsonNode node, String path) {
        JsonFields r = JsonFields.of(node, path);
        return new Requester(r.text("email"), r.text("phone"), r.text("name"), r.object("externalIds", JsonFields::textMap));
    }

    private static Attachment attachment(JsonNode node, String path) {
        JsonFields a = JsonFields.of(node, path);
        return new Attachment(a.text("id"), a.text("filename"), a.text("contentType"), a.number("size"), a.text("contentId"));
    }

    private static InboundMessage.Bounce bounce(JsonNode node, String path) {
        JsonFields b = JsonFields.of(node, path);
        return new InboundMessage.Bounce(b.text("repliedExternalId"), b.text("recipient"), b.text("status"), b.text("diagnostic"));
    }
}
