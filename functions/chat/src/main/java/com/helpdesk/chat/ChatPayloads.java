package com.helpdesk.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.chat.ChatKeys;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.runtime.Json;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The providers' webhook payloads as inbound messages. One conversation is one thread key per channel:
 * the generic widget's conversationId with the customer's id, a WhatsApp customer's wa_id, a Twilio
 * ConversationSid. Dedupe keys are the providers' message ids, so retries and duplicate deliveries are
 * stored once. Status callbacks become STATUS reports about our replies.
 */
public final class ChatPayloads {
    private ChatPayloads() {}

    /** The body cannot be read as the provider's payload: 400. */
    public static final class Malformed extends Exception {
        public Malformed(String reason) {
            super(reason, null, false, false);
        }
    }

    static JsonNode json(byte[] body) throws Malformed {
        try {
            JsonNode n = Json.mapper().readTree(body);
            if (n == null || !n.isObject()) throw new Malformed("the body must be a JSON object");
            return n;
        } catch (IOException e) {
            throw new Malformed("the body is not valid JSON");
        }
    }

    // ------------------------------------------------------------------ generic

    public static List<InboundMessage> generic(ChatChannel ch, byte[] body, Instant now) throws Malformed {
        JsonNode n = json(body);
        String eventId = text(n, "eventId");
        String conversation = required(n, "conversationId");
        JsonNode customer = n.path("customer");
        JsonNode message = n.path("message");
        if (!customer.isObject() || !message.isObject()) throw new Malformed("customer and message are required objects");
        String customerId = required(customer, "id");
        String messageId = text(message, "id");
        if (messageId == null && eventId == null) throw new Malformed("message.id (or eventId) is required");
        String textBody = PayloadFields.string(message, "text", "message.text");
        List<Attachment> attachments = genericAttachments(message.path("attachments"));
        if ((textBody == null || textBody.isBlank()) && attachments.isEmpty()) throw new Malformed("message.text or message.attachments is required");
        Requester requester = requester(ch, customerId, PayloadFields.string(customer, "email", "customer.email"),
                PayloadFields.string(customer, "phone", "customer.phone"), PayloadFields.string(customer, "name", "customer.name"));
        Instant sent = instant(PayloadFields.string(message, "sentAt", "message.sentAt"), now);
        return List.of(new InboundMessage("chat:" + ch.id() + ":msg:" + (messageId != null ? messageId : eventId),
                List.of(new ThreadKey(ChatKeys.conversation(ch.id(), conversation + ":" + customerId), "conversation")), Channel.CHAT, requester,
                subject(requester, textBody), textBody, null, attachments, sent, List.of(), messageId, null, InboundMessage.Kind.MESSAGE, null));
    }

    /** The widget's attachments: http(s) URLs only, sizes in range, safe file names; one bad attachment refuses the delivery. */
    private static List<Attachment> genericAttachments(JsonNode list) throws Malformed {
        if (list.isMissingNode() || list.isNull()) return List.of();
        if (!list.isArray()) throw new Malformed("message.attachments must be an array");
        List<Attachment> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            JsonNode a = list.get(i);
            String at = "message.attachments[" + i + "]";
            if (!a.isObject()) throw new Malformed(at + " must be an object");
            String url = PayloadFields.httpUrl(PayloadFields.string(a, "url", at + ".url"), at + ".url");
            out.add(new Attachment("ref/" + url, PayloadFields.filename(PayloadFields.string(a, "filename", at + ".filename"), "attachment"),
                    PayloadFields.mediaType(PayloadFields.string(a, "contentType", at + ".contentType"), at + ".contentType"),
                    PayloadFields.size(a, "size", at + ".size"), null));
        }
        return out;
    }

    // ------------------------------------------------------------------ WhatsApp Cloud API

    public static List<InboundMessage> whatsapp(ChatChannel ch, byte[] body, Instant now) throws Malformed {
        JsonNode n = json(body);
        if (!"whatsapp_business_account".equals(text(n, "object"))) throw new Malformed("object must be whatsapp_business_account");
        List<InboundMessage> out = new ArrayList<>();
        for (JsonNode entry : n.path("entry")) {
            for (JsonNode change : entry.path("changes")) {
                JsonNode value = change.path("value");
                Map<String, String> names = new LinkedHashMap<>();
                for (JsonNode c : value.path("contacts")) names.put(c.path("wa_id").asText(), c.path("profile").path("name").asText(null));
                for (JsonNode m : value.path("messages")) {
                    String from = required(m, "from");
                    String id = required(m, "id");
                    String type = m.path("type").asText("text");
                    String textBody = null;
                    List<Attachment> attachments = new ArrayList<>();
                    switch (type) {
                        case "text" -> textBody = PayloadFields.string(m.path("text"), "body", "messages.text.body");
                        case "image", "document", "audio", "video", "sticker" -> {
                            JsonNode media = m.path(type);
                            String at = "messages." + type;
                            attachments.add(new Attachment("ref/whatsapp-media/" + PayloadFields.mediaId(PayloadFields.string(media, "id", at + ".id"), at + ".id"),
                                    PayloadFields.filename(PayloadFields.string(media, "filename", at + ".filename"), type),
                                    PayloadFields.mediaType(PayloadFields.string(media, "mime_type", at + ".mime_type"), at + ".mime_type"), 0, null));
                            textBody = PayloadFields.string(media, "caption", at + ".caption");
                        }
                        case "location" -> textBody = "[location] " + m.path("location").path("latitude").asText() + ","
                                + m.path("location").path("longitude").asText() + " " + m.path("location").path("name").asText("");
                        case "button" -> textBody = m.path("button").path("text").asText(null);
                        case "interactive" -> textBody = m.path("interactive").path("button_reply").path("title")
                                .asText(m.path("interactive").path("list_reply").path("title").asText(null));
                        default -> textBody = "[" + type + " message]";
                    }
                    if (textBody == null || textBody.isBlank()) textBody = attachments.isEmpty() ? "[" + type + " message]" : "[" + type + "]";
                    Requester requester = requester(ch, from, null, "+" + from.replaceAll("[^0-9]", ""), names.get(from));
                    Instant at = epoch(text(m, "timestamp"), now);
                    out.add(new InboundMessage("chat:" + ch.id() + ":msg:" + id,
                            List.of(new ThreadKey(ChatKeys.conversation(ch.id(), from), "conversation")), Channel.CHAT, requester,
                            subject(requester, textBody), textBody, null, attachments, at, List.of(), id, null, InboundMessage.Kind.MESSAGE, null));
                }
                for (JsonNode s : value.path("statuses")) {
                    String id = required(s, "id");
                    String status = s.path("status").asText();
                    if (!List.of("delivered", "read", "failed", "sent").contains(status)) continue;
                    String recipient = s.path("recipient_id").asText("unknown");
                    String detail = s.path("errors").isArray() && s.path("errors").size() > 0
                            ? s.path("errors").get(0).path("code").asText() + " " + s.path("errors").get(0).path("title").asText() : null;
                    out.add(new InboundMessage("chat:" + ch.id() + ":status:" + id + ":" + status,
                            List.of(new ThreadKey(ChatKeys.providerMessage(ch.id(), id), "status of our message")), Channel.CHAT,
                            requester(ch, recipient, null, "+" + recipient.replaceAll("[^0-9]", ""), null), null, "status " + status, null,
                            List.of(), epoch(text(s, "timestamp"), now), List.of(), null, null, InboundMessage.Kind.STATUS,
                            new InboundMessage.Bounce(id, recipient, status, detail)));
                }
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ Twilio Conversations

    /** The form's parameters, the last value of a repeated one. */
    public static Map<String, String> form(byte[] body) throws Malformed {
        Map<String, String> params = new LinkedHashMap<>();
        formValues(body).forEach((k, values) -> params.put(k, values.get(values.size() - 1)));
        return params;
    }

    /** Every value of each parameter, in order: Twilio repeats a parameter for a list (a group's MessagingBinding.Address). */
    public static Map<String, List<String>> formValues(byte[] body) throws Malformed {
        Map<String, List<String>> params = new LinkedHashMap<>();
        String s = new String(body, StandardCharsets.UTF_8);
        if (s.isBlank()) return params;
        for (String pair : s.split("&")) {
            int eq = pair.indexOf('=');
            try {
                String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
                String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
                params.computeIfAbsent(k, key -> new ArrayList<>()).add(v);
            } catch (IllegalArgumentException e) {
                throw new Malformed("the body is not form-encoded");
            }
        }
        return params;
    }

    /** onMessageAdded from a participant becomes a message; other events (and our own messages echoed back) are acknowledged and dropped. */
    public static List<InboundMessage> twilio(ChatChannel ch, Map<String, String> p, Instant now) throws Malformed {
        String event = p.get("EventType");
        if (event == null) throw new Malformed("EventType is required");
        if (!event.equals("onMessageAdded")) return List.of();
        String conversation = p.get("ConversationSid");
        String messageSid = p.get("MessageSid");
        String author = p.get("Author");
        if (conversation == null || messageSid == null || author == null) throw new Malformed("ConversationSid, MessageSid and Author are required");
        if (author.equals(ch.settings().getOrDefault("agentIdentity", "helpdesk"))) return List.of(); // our reply, echoed
        String textBody = p.getOrDefault("Body", "");
        List<Attachment> attachments = new ArrayList<>();
        if (p.containsKey("Media")) {
            JsonNode media = json(("{\"m\":" + p.get("Media") + "}").getBytes(StandardCharsets.UTF_8)).path("m");
            if (!media.isArray()) throw new Malformed("Media must be a JSON array");
            for (int i = 0; i < media.size(); i++) {
                JsonNode m = media.get(i);
                String at = "Media[" + i + "]";
                if (!m.isObject()) throw new Malformed(at + " must be an object");
                attachments.add(new Attachment("ref/twilio-media/" + PayloadFields.mediaId(PayloadFields.string(m, "Sid", at + ".Sid"), at + ".Sid"),
                        PayloadFields.filename(PayloadFields.string(m, "Filename", at + ".Filename"), "media"),
                        PayloadFields.mediaType(PayloadFields.string(m, "ContentType", at + ".ContentType"), at + ".ContentType"),
                        PayloadFields.size(m, "Size", at + ".Size"), null));
            }
        }
        if (textBody.isBlank() && attachments.isEmpty()) throw new Malformed("Body or Media is required");
        String address = author.replaceFirst("^(whatsapp|sms|messenger):", "");
        boolean phone = address.matches("\\+?[0-9 ()-]{5,20}");
        Requester requester = requester(ch, author, address.contains("@") ? address : null, phone ? address : null, null);
        return List.of(new InboundMessage("chat:" + ch.id() + ":msg:" + messageSid,
                List.of(new ThreadKey(ChatKeys.conversation(ch.id(), conversation), "conversation")), Channel.CHAT, requester,
                subject(requester, textBody), textBody.isBlank() ? "[media]" : textBody, null, attachments, instant(p.get("DateCreated"), now),
                List.of(), messageSid, null, InboundMessage.Kind.MESSAGE, null));
    }

    // ------------------------------------------------------------------ shared

    /**
     * The customer as a requester: email and phone where the provider gives them, the provider's id kept
     * under the channel's kind; a customer known only by that id gets a stable placeholder address in
     * the reserved .invalid domain, so their tickets can still be found together.
     */
    static Requester requester(ChatChannel ch, String providerId, String email, String phone, String name) throws Malformed {
        try {
            String e = email == null || email.isBlank() ? null : email;
            String p = phone == null || phone.replaceAll("[^0-9]", "").length() < 5 ? null : phone;
            if (e == null && p == null) e = providerId.replaceAll("[^A-Za-z0-9._-]", "_") + "@" + ch.id() + ".chat.invalid";
            // a display name is a single line wherever it came from (it may end up in a mail header)
            String n = name == null ? null : name.replaceAll("[\\p{Cntrl}\\u0080-\\u009f\\u2028\\u2029]+", " ").strip();
            return Requester.of("customer", e, p, n == null || n.isEmpty() ? null : n, Map.of(ch.kind().wire(), providerId));
        } catch (ValidationException invalid) {
            throw new Malformed("customer: " + invalid.getMessage());
        }
    }

    private static String subject(Requester r, String text) {
        String who = r.name() != null ? r.name() : r.phone() != null ? r.phone() : "customer";
        String first = text == null ? "" : text.strip().replaceAll("\\s+", " ");
        return "Chat with " + who + (first.isEmpty() ? "" : ": " + (first.length() > 60 ? first.substring(0, 60) + "..." : first));
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isTextual() || v.isNumber() ? v.asText() : null;
    }

    private static String required(JsonNode n, String field) throws Malformed {
        String v = text(n, field);
        if (v == null || v.isBlank()) throw new Malformed(field + " is required");
        if (v.length() > 256) throw new Malformed(field + " is longer than 256 characters");
        return v;
    }

    private static Instant instant(String iso, Instant fallback) {
        if (iso == null) return fallback;
        try {
            return Instant.parse(iso);
        } catch (DateTimeParseException e) {
            return fallback;
        }
    }

    private static Instant epoch(String seconds, Instant fallback) {
        try {
            return seconds == null ? fallback : Instant.ofEpochSecond(Long.parseLong(seconds));
        } catch (NumberFormatException | DateTimeException e) { // beyond Instant's range: the provider's clock is not to be trusted
            return fallback;
        }
    }
}
