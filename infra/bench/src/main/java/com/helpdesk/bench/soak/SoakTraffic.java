package com.helpdesk.bench.soak;

import com.helpdesk.chat.WebhookSignatures;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The soak's fixed mix, one round at a time: a customer's mail (as SES delivers it), a chat message (signed,
 * delivered twice as providers retry), a ticket an agent opens through the API (with an Idempotency-Key, resent
 * after a server error) and read back. Answers that stay refused after the resends are kept, not thrown.
 */
final class SoakTraffic {
    static final String CHANNEL = "soak";
    private static final String SIGNING_SECRET = "soak-secret";
    private final SoakHttp http;
    private final String agent;
    private final String admin;
    private final List<String> apiTickets = new ArrayList<>();
    private final List<String> refused = new ArrayList<>();
    private int mails;
    private int chatDeliveries;
    private int reads;

    SoakTraffic(SoakHttp http, String agentToken, String adminToken) {
        this.http = http;
        this.agent = agentToken;
        this.admin = adminToken;
    }

    void setUpChannel() {
        SoakHttp.Answer a = http.deliver("PUT", "/channels/" + CHANNEL, admin, "{\"kind\":\"generic\",\"settings\":{\"callbackUrl\":"
                + "\"https://soak.example.com/\"},\"secrets\":{\"signingSecret\":\"" + SIGNING_SECRET + "\"}}", Map.of());
        if (a.status() != 201 && a.status() != 200) throw new IllegalStateException("the soak's chat channel was refused: " + a);
    }

    void round(int i) {
        mails++;
        expect("mail " + i, 200, http.deliver("POST", "/_local/ses/inbound", null, mail(i), Map.of("Content-Type", "message/rfc822")));
        for (int delivery = 0; delivery < 2; delivery++) {
            chatDeliveries++;
            String body = chat(i);
            String signature = WebhookSignatures.generic(SIGNING_SECRET, Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));
            expect("chat " + i, 202, http.deliver("POST", "/webhooks/chat/" + CHANNEL, null, body, Map.of("X-Helpdesk-Signature", signature)));
        }
        SoakHttp.Answer created = http.deliver("POST", "/tickets", agent, "{\"subject\":\"Soak call " + i + "\",\"requester\":{\"email\":\""
                + apiRequester(i) + "\"},\"channel\":\"phone\",\"message\":{\"body\":\"Called about order " + i + "\"}}",
                Map.of("Idempotency-Key", "soak-api-" + i));
        if (expect("api ticket " + i, 201, created)) {
            String id = created.json().get("id").asText();
            apiTickets.add(id);
            reads++;
            expect("read " + id, 200, http.deliver("GET", "/tickets/" + id, agent, null, Map.of()));
        }
    }

    /** A public reply by an agent: it goes out by the ticket's channel (SES for mail, the provider for chat). */
    void reply(String ticketId, String text) {
        expect("reply on " + ticketId, 201, http.deliver("POST", "/tickets/" + ticketId + "/messages", agent,
                "{\"body\":\"" + text + "\",\"visibility\":\"public\"}", Map.of()));
    }

    private boolean expect(String what, int status, SoakHttp.Answer a) {
        if (a.status() == status) return true;
        synchronized (refused) {
            refused.add(what + ": " + a.status() + " " + a.body());
        }
        return false;
    }

    static String mailRequester(int i) {
        return "soak-mail-" + i + "@example.com";
    }

    static String chatRequester(int i) {
        return "soak-chat-" + i + "@example.com";
    }

    static String apiRequester(int i) {
        return "soak-api-" + i + "@example.com";
    }

    static String mailText(int i) {
        return "Where is order " + i + "?";
    }

    static String chatText(int i) {
        return "Hello " + i;
    }

    private static String mail(int i) {
        return "From: Soak Customer <" + mailRequester(i) + ">\r\nTo: Shop Support <support@help.example.com>\r\nSubject: Soak order " + i
                + "\r\nMessage-ID: <soak-" + i + "@example.com>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + mailText(i) + "\r\n";
    }

    private static String chat(int i) {
        return "{\"eventId\":\"soak-e-" + i + "\",\"conversationId\":\"soak-" + i + "\",\"customer\":{\"id\":\"soak-cust-" + i
                + "\",\"email\":\"" + chatRequester(i) + "\"},\"message\":{\"id\":\"soak-m-" + i + "\",\"text\":\"" + chatText(i) + "\"}}";
    }

    List<String> apiTickets() {
        return List.copyOf(apiTickets);
    }

    List<String> refused() {
        synchronized (refused) {
            return List.copyOf(refused);
        }
    }

    int mails() {
        return mails;
    }

    int chatDeliveries() {
        return chatDeliveries;
    }

    int reads() {
        return reads;
    }
}
