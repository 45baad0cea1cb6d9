package com.helpdesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiFunction;

/** Opens a scripted ticket the way its channel really does, and answers the ticket the stack made of it. */
final class ChannelIntake {
    static final String WIDGET = "sim-widget";
    private static final String WIDGET_SECRET = "sim-widget-secret";
    /** Generous: on a loaded machine the queues' consumers can take long. */
    private static final long WAIT_MS = 120_000;

    private final StackClient stack;
    private final BiFunction<String, String, String> tokens;

    ChannelIntake(StackClient stack, BiFunction<String, String, String> tokens) {
        this.stack = stack;
        this.tokens = tokens;
    }

    /** The chat channel the simulated widget posts to (PUT is idempotent: a second run finds it there). */
    void setUp() {
        ObjectNode channel = StackPlayer.json().put("kind", "generic");
        channel.putObject("settings").put("callbackUrl", "https://widget.example.com/helpdesk");
        channel.putObject("secrets").put("signingSecret", WIDGET_SECRET);
        stack.expect("PUT", "/channels/" + WIDGET, tokens.apply("sim-admin", "admin"), channel.toString());
    }

    JsonNode open(Script.Ticket t, Script.Step step, Set<String> known) {
        return switch (t.channel()) {
            case EMAIL -> {
                stack.expect("POST", "/_local/ses/inbound", null, mail(t), Map.of("Content-Type", "message/rfc822"));
                yield awaitNewTicket(t, known, t.subject().strip());
            }
            case CHAT -> {
                String body = chatMessage(t);
                long ts = stack.clock().getEpochSecond();
                stack.expect("POST", "/webhooks/chat/" + WIDGET, null, body, Map.of("X-Helpdesk-Signature", "t=" + ts + ",v1=" + hmac(ts + "." + body)));
                yield awaitNewTicket(t, known, null);
            }
            case PHONE -> {
                ObjectNode create = StackPlayer.json().put("subject", t.subject()).put("channel", "phone").put("priority", t.priority())
                        .put("assignee", step.actor());
                create.putObject("requester").put("email", t.customer().email()).put("name", t.customer().name());
                create.putObject("message").put("body", "Call notes: " + t.body());
                yield stack.expect("POST", "/tickets", tokens.apply(step.actor(), "agent"), create.toString());
            }
            case AI -> stack.expect("POST", "/ai/conversations", tokens.apply("ai-agent", "integration"), aiReport(t));
        };
    }

    private String mail(Script.Ticket t) {
        return "From: " + t.customer().name() + " <" + t.customer().email() + ">\r\nTo: Shop Support <support@help.example.com>\r\n"
                + "Subject: " + t.subject() + "\r\nMessage-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\nDate: "
                + StackPlayer.rfc1123(stack.clock()) + "\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + t.body() + "\r\n";
    }

    private String chatMessage(Script.Ticket t) {
        ObjectNode m = StackPlayer.json().put("eventId", "evt_" + UUID.randomUUID()).put("conversationId", "conv_" + UUID.randomUUID());
        m.putObject("customer").put("id", "cust_" + t.key() + "_" + UUID.randomUUID().toString().substring(0, 8))
                .put("name", t.customer().name()).put("email", t.customer().email());
        m.putObject("message").put("id", "msg_" + UUID.randomUUID()).put("text", t.body()).put("sentAt", stack.clock().toString());
        return m.toString();
    }

    private String aiReport(Script.Ticket t) {
        String at = stack.clock().toString();
        ObjectNode r = StackPlayer.json().put("conversationId", "ai-conv-" + UUID.randomUUID()).put("channel", t.channel().apiChannel);
        r.putObject("customer").put("id", "cust_" + t.key()).put("name", t.customer().name()).put("email", t.customer().email());
        var transcript = r.putArray("transcript");
        transcript.addObject().put("author", "customer").put("text", t.body()).put("at", at);
        transcript.addObject().put("author", "ai").put("text", "Let me check that for you. " + (t.aiOutcome() == Script.AiOutcome.RESOLVED
                ? "Here is what I found, and it is sorted." : "A colleague will take over.")).put("at", at);
        r.put("intent", t.intent()).put("confidence", 0.9).put("summary", t.subject());
        if (t.aiOutcome() == Script.AiOutcome.RESOLVED) r.put("outcome", "resolved");
        else r.put("outcome", "handoff").put("handoffReason", "needs a human decision");
        return r.toString();
    }

    /**
     * Mail and chat go through queues: waits for the customer's ticket that was not there before, with the mail's
     * subject when there is one: the demo plays while a README walkthrough may write as the same customer (Ana, the stub
     * shop's), and the demo's agents took the walkthrough's new ticket for their own.
     */
    private JsonNode awaitNewTicket(Script.Ticket t, Set<String> known, String subject) {
        String path = "/tickets?requester=" + URLEncoder.encode(t.customer().email(), StandardCharsets.UTF_8) + "&limit=100";
        long deadline = System.currentTimeMillis() + WAIT_MS;
        while (System.currentTimeMillis() < deadline) {
            for (JsonNode item : stack.expect("GET", path, tokens.apply("sim-admin", "admin"), null).path("items")) {
                if (known.contains(item.get("id").asText())) continue;
                if (subject == null || subject.equals(item.path("subject").asText())) return item;
            }
            pause();
        }
        throw new SimulationException("no ticket for " + t.channel() + " from " + t.customer().email() + " within " + WAIT_MS / 1000 + " s");
    }

    private static void pause() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SimulationException("interrupted");
        }
    }

    private static String hmac(String data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WIDGET_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
