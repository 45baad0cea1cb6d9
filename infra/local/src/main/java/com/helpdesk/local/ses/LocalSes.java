package com.helpdesk.local.ses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.core.email.Email;
import com.helpdesk.core.email.Mailbox;
import com.helpdesk.local.api.LocalHttp;
import com.helpdesk.mail.MimeParser;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The local SES v2 sending API (POST /_aws/ses/v2/email/outbound-emails): every message is captured in
 * the local outbox instead of being sent, with what a reader of the mail would see (from, to, cc,
 * subject, headers, text, html) and the raw message. Faults can be injected: the next n sends are
 * throttled (429 TooManyRequestsException) or rejected (400 MessageRejected).
 */
public final class LocalSes {
    public static final String PATH = "/_aws/ses";
    /** Chat replies (CHAT_API_BASE_URL): /_aws/chat/&lt;kind&gt;/&lt;provider host&gt;&lt;path&gt;, captured in the same outbox. */
    public static final String CHAT_PATH = "/_aws/chat";
    private final ObjectMapper json = new ObjectMapper();
    private final List<Map<String, Object>> outbox = new CopyOnWriteArrayList<>();
    private final Supplier<Instant> clock;
    /** Injected failures: the next {@code n} calls fail, each "throttle" (transient) or "reject" (permanent). */
    private static final class Faults {
        private final AtomicInteger left = new AtomicInteger();
        private volatile boolean reject;

        void arm(int n, String kind) {
            reject = "reject".equals(kind);
            left.set(n);
        }

        /** Null when this call passes, else whether it is refused ("reject") rather than throttled. */
        Boolean next() {
            return left.getAndUpdate(n -> Math.max(0, n - 1)) > 0 ? reject : null;
        }
    }

    private final Faults sesFaults = new Faults();
    private final Faults chatFaults = new Faults();

    public LocalSes(Supplier<Instant> clock) {
        this.clock = clock;
    }

    public List<Map<String, Object>> outbox() {
        return List.copyOf(outbox);
    }

    /** The next {@code n} sends fail: "throttle" (retried) or "reject" (permanent). */
    public void failNext(int n, String kind) {
        sesFaults.arm(n, kind);
    }

    /** The next {@code n} chat replies fail: "throttle" (429, retried) or "reject" (400, permanent). */
    public void failNextChat(int n, String kind) {
        chatFaults.arm(n, kind);
    }

    public void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath().substring(PATH.length());
        if (!ex.getRequestMethod().equals("POST") || !path.equals("/v2/email/outbound-emails")) {
            awsError(ex, 404, "NotFoundException", "the local SES implements SendEmail only (POST /v2/email/outbound-emails)");
            return;
        }
        Boolean reject = sesFaults.next();
        if (reject != null) {
            if (reject) awsError(ex, 400, "MessageRejected", "Email address is not verified (injected)");
            else awsError(ex, 429, "TooManyRequestsException", "Maximum sending rate exceeded (injected)");
            return;
        }
        JsonNode req;
        try (InputStream in = ex.getRequestBody()) {
            req = json.readTree(in);
        }
        String data = req.path("Content").path("Raw").path("Data").asText(null);
        if (data == null) {
            awsError(ex, 400, "BadRequestException", "the local SES takes raw content (Content.Raw.Data)");
            return;
        }
        byte[] raw = Base64.getDecoder().decode(data);
        String id = "0100" + Long.toHexString(clock.get().toEpochMilli()) + "-" + UUID.randomUUID() + "-000000";
        outbox.add(entry(id, raw));
        LocalHttp.json(ex, 200, Map.of("MessageId", id));
    }

    /**
     * A chat reply as the provider would receive it: recorded with its request shape, answered as the
     * provider answers (WhatsApp: messages[0].id, Twilio: sid, the generic callback: 200).
     */
    public void handleChat(HttpExchange ex) throws IOException {
        String rest = ex.getRequestURI().getRawPath().substring(CHAT_PATH.length() + 1);
        int slash = rest.indexOf('/');
        String kind = slash < 0 ? rest : rest.substring(0, slash);
        String target = "https://" + (slash < 0 ? "" : rest.substring(slash + 1))
                + (ex.getRequestURI().getRawQuery() == null ? "" : "?" + ex.getRequestURI().getRawQuery());
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        Boolean reject = chatFaults.next();
        if (reject != null) {
            LocalHttp.send(ex, reject ? 400 : 429, "application/json",
                    "{\"error\":\"injected failure\"}".getBytes(StandardCharsets.UTF_8));
            return;
        }
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("channel", "chat");
        e.put("kind", kind);
        e.put("method", ex.getRequestMethod());
        e.put("url", target);
        Map<String, String> headers = new LinkedHashMap<>();
        ex.getRequestHeaders().forEach((k, v) -> {
            String name = k.toLowerCase(java.util.Locale.ROOT);
            if (name.equals("content-type") || name.equals("authorization") || name.startsWith("x-")) headers.put(name, String.join(",", v));
        });
        e.put("headers", headers);
        e.put("body", new String(body, StandardCharsets.UTF_8));
        e.put("sentAt", clock.get().toString());
        String id = switch (kind) {
            case "whatsapp" -> "wamid.HBgL" + UUID.randomUUID().toString().replace("-", "").toUpperCase(java.util.Locale.ROOT);
            case "twilio" -> "IM" + UUID.randomUUID().toString().replace("-", "");
            default -> null;
        };
        e.put("providerMessageId", id);
        outbox.add(e);
        String answer = switch (kind) {
            case "whatsapp" -> "{\"messaging_product\":\"whatsapp\",\"contacts\":[],\"messages\":[{\"id\":\"" + id + "\"}]}";
            case "twilio" -> "{\"sid\":\"" + id + "\"}";
            default -> "{}";
        };
        LocalHttp.send(ex, kind.equals("twilio") ? 201 : 200, "application/json", answer.getBytes(StandardCharsets.UTF_8));
    }

    private Map<String, Object> entry(String id, byte[] raw) throws IOException {
        Email mail = new MimeParser().parse(new ByteArrayInputStream(raw), MimeParser.DISCARD);
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("channel", "email");
        e.put("sesMessageId", id);
        e.put("messageId", "<" + id + "@email.amazonses.com>");
        e.put("sentAt", clock.get().toString());
        e.put("from", mail.from() == null ? null : format(mail.from()));
        e.put("to", mail.to().stream().map(LocalSes::format).toList());
        e.put("cc", mail.cc().stream().map(LocalSes::format).toList());
        e.put("subject", mail.subject());
        e.put("headers", headers(raw));
        e.put("text", mail.text());
        e.put("html", mail.html());
        e.put("raw", new String(raw, StandardCharsets.UTF_8));
        return e;
    }

    private static String format(Mailbox m) {
        return m.name() == null ? m.address() : m.name() + " <" + m.address() + ">";
    }

    /** The top-level header fields, unfolded, as written. */
    static Map<String, String> headers(byte[] raw) {
        Map<String, String> out = new LinkedHashMap<>();
        MimeParser.rawHeaders(raw).forEach(f -> out.put(f.getKey(), f.getValue()));
        return out;
    }

    private static void awsError(HttpExchange ex, int status, String type, String message) throws IOException {
        ex.getResponseHeaders().set("x-amzn-ErrorType", type);
        LocalHttp.send(ex, status, "application/json", ("{\"message\":\"" + message.replace("\"", "'") + "\"}").getBytes(StandardCharsets.UTF_8));
    }
}
