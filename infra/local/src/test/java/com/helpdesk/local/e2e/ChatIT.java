package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.chat.WebhookSignatures;
import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;

import static com.helpdesk.local.e2e.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Chat channels through the local or a deployed stack: admin setup, signed webhooks in, replies out in the
 * providers' shapes, status callbacks. Channels and conversations carry the run's suffix: a deployed stack
 * keeps those of earlier runs.
 */
@Tag("deployable")
class ChatIT {
    private static final String RUN = HelpdeskDriver.runSuffix();
    private static final String C1 = "c1" + RUN;
    private static final String C9 = "c9" + RUN;
    private static final String WIDGET = "widget" + RUN;
    private static HelpdeskDriver stack;
    private static AgentApiClient admin;
    private static AgentApiClient agent;
    private static AgentApiClient provider;

    @BeforeAll
    static void start() {
        stack = HelpdeskDriver.start();
        admin = stack.client(stack.token("root", "admin"));
        agent = stack.client(stack.token("bob", "agent"));
        provider = agent.as(null);
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static List<JsonNode> ticketsOf(String identity) {
        List<JsonNode> out = new ArrayList<>();
        agent.get("/tickets?requester=" + identity.replace("+", "%2B")).json().get("items").forEach(out::add);
        return out;
    }

    private static JsonNode deliveryOf(String ticketId, String messageId) {
        for (JsonNode m : agent.get("/tickets/" + ticketId).json().get("messages")) if (m.get("id").asText().equals(messageId)) return m.path("delivery");
        return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static List<JsonNode> chatOutbox(String kind) {
        List<JsonNode> out = new ArrayList<>();
        provider.get("/_local/outbox").json().forEach(e -> {
            if ("chat".equals(e.path("channel").asText()) && kind.equals(e.path("kind").asText())) out.add(e);
        });
        return out;
    }

    private static AgentApiClient.Reply postGeneric(String channel, String body, String secret, long t) {
        String sig = WebhookSignatures.generic(secret, t, body.getBytes(StandardCharsets.UTF_8));
        return stack.postChatWebhook(channel, body, Map.of("X-Helpdesk-Signature", sig));
    }

    private static String genericEvent(String conversation, String messageId, String text) {
        return "{\"eventId\":\"e-" + messageId + "\",\"conversationId\":\"" + conversation + "\",\"customer\":{\"id\":\"cust-" + conversation
                + "\",\"name\":\"Nina\",\"email\":\"nina-" + conversation + "@example.com\",\"phone\":\"+49 151 2345678\"},"
                + "\"message\":{\"id\":\"" + messageId + "\",\"text\":\"" + text + "\",\"sentAt\":\"2026-11-23T10:00:00Z\"}}";
    }

    @Test
    void genericWidgetRoundTrip() {
        AgentApiClient.Reply put = admin.send("PUT", "/channels/" + WIDGET, "{\"kind\":\"generic\",\"settings\":{\"callbackUrl\":"
                + "\"https://widget.example.com/helpdesk\"},\"secrets\":{\"signingSecret\":\"w-secret\"}}", Map.of());
        assertThat(put.status()).as(put.body()).isEqualTo(201);
        assertThat(put.body()).doesNotContain("w-secret");
        assertThat(agent.send("PUT", "/channels/" + WIDGET, "{\"kind\":\"generic\"}", Map.of()).status()).isEqualTo(403);
        AgentApiClient.Reply incomplete = admin.send("PUT", "/channels/wa-incomplete", "{\"kind\":\"whatsapp\",\"settings\":{}}", Map.of());
        assertThat(incomplete.status()).isEqualTo(400);
        assertThat(incomplete.header("Content-Type")).startsWith("application/problem+json");
        assertThat(incomplete.body()).contains("settings.phoneNumberId").contains("secrets.appSecret");
        assertThat(admin.send("PUT", "/channels/Bad_Id", "{\"kind\":\"generic\",\"settings\":{\"callbackUrl\":\"ftp://x\"},"
                + "\"secrets\":{\"signingSecret\":\"s\"}}", Map.of()).body()).contains("channelId").contains("settings.callbackUrl");
        assertThat(admin.send("PUT", "/channels/k", "{\"kind\":\"telegram\"}", Map.of()).status()).isEqualTo(400);
        assertThat(admin.get("/channels/nope").status()).isEqualTo(404);
        assertThat(admin.get("/channels").body()).contains("widget").doesNotContain("w-secret");

        long now = Instant.now().getEpochSecond();
        String first = genericEvent(C1, "m1", "Hi, where is my order?");
        assertThat(postGeneric(WIDGET, first, "w-secret", now).status()).isEqualTo(202);
        assertThat(postGeneric(WIDGET, first, "w-secret", now).status()).as("a provider retry").isEqualTo(202);
        // refused, nothing stored
        assertThat(postGeneric(WIDGET, genericEvent(C9, "x1", "forged"), "wrong", now).status()).isEqualTo(401);
        assertThat(postGeneric(WIDGET, genericEvent(C9, "x2", "replayed"), "w-secret", now - 600).status()).isEqualTo(401);
        assertThat(provider.send("POST", "/webhooks/chat/" + WIDGET, genericEvent(C9, "x3", "unsigned"), Map.of()).status()).isEqualTo(401);
        AgentApiClient.Reply unknown = postGeneric("nope", first, "w-secret", now);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.header("Content-Type")).startsWith("application/problem+json");
        assertThat(postGeneric(WIDGET, "{\"conversationId\": 5}", "w-secret", now).status()).isEqualTo(400);
        assertThat(postGeneric(WIDGET, "{\"pad\":\"" + "x".repeat(300_000) + "\"}", "w-secret", now).status()).isEqualTo(413);

        JsonNode t = await(() -> ticketsOf("nina-" + C1 + "@example.com"), l -> l.size() == 1, "one ticket").get(0);
        String id = t.get("id").asText();
        assertThat(t.get("channel").asText()).isEqualTo("chat");
        assertThat(t.get("requester").get("phone").asText()).isEqualTo("+491512345678");
        assertThat(t.get("requester").get("externalIds").get("generic").asText()).isEqualTo("cust-" + C1);
        assertThat(postGeneric(WIDGET, genericEvent(C1, "m2", "Order 1001"), "w-secret", now).status()).isEqualTo(202);
        await(() -> agent.get("/tickets/" + id).json(), x -> x.get("messageCount").asInt() == 2, "second message threaded");
        assertThat(ticketsOf("nina-" + C9 + "@example.com")).as("refused requests stored nothing").isEmpty();

        AgentApiClient.Reply reply = agent.post("/tickets/" + id + "/messages", "{\"body\":\"It ships today.\",\"visibility\":\"public\"}");
        assertThat(reply.status()).isEqualTo(201);
        agent.post("/tickets/" + id + "/messages", "{\"body\":\"SECRET note\",\"visibility\":\"internal\"}");
        stack.assume(HelpdeskDriver.Capability.OUTBOX);
        JsonNode sent = await(() -> chatOutbox("generic"), l -> !l.isEmpty(), "reply delivered").get(0);
        assertThat(sent.get("url").asText()).isEqualTo("https://widget.example.com/helpdesk");
        JsonNode body = AgentApiClient.JSON.valueToTree(sent.get("body").asText());
        assertThat(sent.get("body").asText()).contains("\"conversationId\":\"" + C1 + "\"").contains("It ships today.");
        String signature = sent.get("headers").get("x-helpdesk-signature").asText();
        long st = Long.parseLong(signature.substring(2, signature.indexOf(',')));
        assertThat(signature).isEqualTo(WebhookSignatures.generic("w-secret", st, sent.get("body").asText().getBytes(StandardCharsets.UTF_8)));
        assertThat(provider.get("/_local/outbox").body()).doesNotContain("SECRET note");
        assertThat(body).isNotNull();
        await(() -> agent.get("/tickets/" + id).json().get("messages"), ms -> {
            for (JsonNode m : ms) if (m.get("body").asText().equals("It ships today.")) return "sent".equals(m.path("delivery").path("status").asText());
            return false;
        }, "delivery sent");

        // a throttled provider: retried with backoff until it takes the reply; a refusal fails it with the reason
        provider.post("/_local/faults", "{\"service\":\"chat\",\"failNext\":2,\"error\":\"throttle\"}");
        String retried = agent.post("/tickets/" + id + "/messages", "{\"body\":\"Retried reply\",\"visibility\":\"public\"}").json()
                .get("messages").get(4).get("id").asText();
        await(() -> deliveryOf(id, retried), d -> "sent".equals(d.path("status").asText()), "sent after throttling");
        provider.post("/_local/faults", "{\"service\":\"chat\",\"failNext\":1,\"error\":\"reject\"}");
        String refused = agent.post("/tickets/" + id + "/messages", "{\"body\":\"Refused reply\",\"visibility\":\"public\"}").json()
                .get("messages").get(5).get("id").asText();
        JsonNode failed = await(() -> deliveryOf(id, refused), d -> "failed".equals(d.path("status").asText()), "refused");
        assertThat(failed.get("detail").asText()).startsWith("HTTP 400");

        // resolution: the survey link goes out as a chat message
        assertThat(agent.patch("/tickets/" + id, "{\"status\":\"resolved\"}", null).status()).isEqualTo(200);
        await(() -> chatOutbox("generic"), l -> l.stream().anyMatch(e -> e.get("body").asText().contains("/csat/")), "survey link sent");
    }

    @Test
    void aNewConversationsFirstMessagesArrivingTogetherMakeOneTicket() throws Exception {
        String race = "race" + RUN;
        admin.send("PUT", "/channels/" + race, "{\"kind\":\"generic\",\"settings\":{\"callbackUrl\":\"https://r.example.com/\"},"
                + "\"secrets\":{\"signingSecret\":\"r\"}}", Map.of());
        long now = Instant.now().getEpochSecond();
        CountDownLatch go = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        List<Integer> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        for (int i = 0; i < 4; i++) {
            String m = "race-" + i;
            Thread th = new Thread(() -> {
                try {
                    go.await();
                    statuses.add(postGeneric(race, genericEvent("rc" + RUN, m, "message " + m), "r", now).status());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            threads.add(th);
            th.start();
        }
        go.countDown();
        for (Thread th : threads) th.join();
        assertThat(statuses).containsOnly(202);
        JsonNode t = await(() -> ticketsOf("nina-rc" + RUN + "@example.com"), l -> !l.isEmpty() && l.get(0).get("messageCount").asInt() == 4,
                "all four on one ticket").get(0);
        Thread.sleep(500);
        assertThat(ticketsOf("nina-rc" + RUN + "@example.com")).hasSize(1);
        assertThat(t.get("messageCount").asInt()).isEqualTo(4);
    }

    @Test
    void whatsappHandshakeMessagesRepliesAndStatusCallbacks() {
        stack.assume(HelpdeskDriver.Capability.OUTBOX);
        assertThat(admin.send("PUT", "/channels/wa", "{\"kind\":\"whatsapp\",\"settings\":{\"phoneNumberId\":\"106540352242922\"},"
                + "\"secrets\":{\"appSecret\":\"app-secret\",\"verifyToken\":\"vt-123\",\"accessToken\":\"EAAG-token\"}}", Map.of()).status()).isEqualTo(201);
        AgentApiClient.Reply handshake = provider.get("/webhooks/chat/wa?hub.mode=subscribe&hub.verify_token=vt-123&hub.challenge=1158201444");
        assertThat(handshake.status()).isEqualTo(200);
        assertThat(handshake.body()).isEqualTo("1158201444");
        assertThat(provider.get("/webhooks/chat/wa?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1").status()).isEqualTo(403);

        String payload = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
                + "\"contacts\":[{\"profile\":{\"name\":\"Sheena Nelson\"},\"wa_id\":\"16505551234\"}],\"messages\":[{\"from\":\"16505551234\","
                + "\"id\":\"wamid.HBgLMTY1MDM4Nzk0MzkVAgASGBQzQTRBNjU5OUFFRTAzODEwMTQ0RgA=\",\"timestamp\":\"1749416383\",\"type\":\"text\","
                + "\"text\":{\"body\":\"Does it come in another color?\"}}]},\"field\":\"messages\"}]}]}";
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        assertThat(provider.send("POST", "/webhooks/chat/wa", payload, Map.of("X-Hub-Signature-256", "sha256=00")).status()).isEqualTo(401);
        assertThat(provider.send("POST", "/webhooks/chat/wa", payload,
                Map.of("X-Hub-Signature-256", WebhookSignatures.meta("app-secret", bytes))).status()).isEqualTo(202);
        JsonNode t = await(() -> ticketsOf("+16505551234"), l -> l.size() == 1, "ticket for the WhatsApp customer").get(0);
        assertThat(t.get("requester").get("name").asText()).isEqualTo("Sheena Nelson");
        String id = t.get("id").asText();

        agent.post("/tickets/" + id + "/messages", "{\"body\":\"Yes, in blue.\",\"visibility\":\"public\"}");
        JsonNode sent = await(() -> chatOutbox("whatsapp"), l -> !l.isEmpty(), "WhatsApp reply").get(0);
        assertThat(sent.get("url").asText()).isEqualTo("https://graph.facebook.com/v21.0/106540352242922/messages");
        assertThat(sent.get("headers").get("authorization").asText()).isEqualTo("Bearer EAAG-token");
        assertThat(sent.get("body").asText()).contains("\"messaging_product\":\"whatsapp\"").contains("\"to\":\"16505551234\"")
                .contains("\"body\":\"Yes, in blue.\"");
        String wamid = sent.get("providerMessageId").asText();
        await(() -> agent.get("/tickets/" + id).json().get("messages").get(1).path("delivery").path("status").asText(), "sent"::equals, "sent");

        for (String status : List.of("delivered", "read", "delivered")) {
            String cb = "{\"object\":\"whatsapp_business_account\",\"entry\":[{\"id\":\"102290129340398\",\"changes\":[{\"value\":"
                    + "{\"messaging_product\":\"whatsapp\",\"metadata\":{\"display_phone_number\":\"15550783881\",\"phone_number_id\":\"106540352242922\"},"
                    + "\"statuses\":[{\"id\":\"" + wamid + "\",\"status\":\"" + status + "\",\"timestamp\":\"1749416400\",\"recipient_id\":\"16505551234\"}]},"
                    + "\"field\":\"messages\"}]}]}";
            assertThat(provider.send("POST", "/webhooks/chat/wa", cb,
                    Map.of("X-Hub-Signature-256", WebhookSignatures.meta("app-secret", cb.getBytes(StandardCharsets.UTF_8)))).status()).isEqualTo(202);
        }
        await(() -> agent.get("/tickets/" + id).json().get("messages").get(1).path("delivery").path("status").asText(), "read"::equals,
                "read, and a late 'delivered' does not move it back");
    }

    @Test
    void twilioConversationsSignedByUrlAndParameters() {
        stack.assume(HelpdeskDriver.Capability.OUTBOX);
        String url = "https://api.example.com/webhooks/chat/tw";
        assertThat(admin.send("PUT", "/channels/tw", "{\"kind\":\"twilio\",\"settings\":{\"accountSid\":\"AC123\",\"webhookUrl\":\"" + url + "\"},"
                + "\"secrets\":{\"authToken\":\"tw-token\"}}", Map.of()).status()).isEqualTo(201);
        Map<String, String> params = new java.util.TreeMap<>(Map.of("EventType", "onMessageAdded", "ConversationSid", "CH" + UUID.randomUUID().toString().replace("-", ""),
                "MessageSid", "IM0001", "Author", "whatsapp:+14155552671", "Body", "Hello from Twilio", "AccountSid", "AC123"));
        StringBuilder form = new StringBuilder();
        params.forEach((k, v) -> form.append(form.length() == 0 ? "" : "&").append(k).append('=')
                .append(java.net.URLEncoder.encode(v, StandardCharsets.UTF_8)));
        Map<String, String> h = Map.of("Content-Type", "application/x-www-form-urlencoded", "X-Twilio-Signature", WebhookSignatures.twilio("tw-token", url, params));
        assertThat(provider.send("POST", "/webhooks/chat/tw", form.toString(), h).status()).isEqualTo(202);
        assertThat(provider.send("POST", "/webhooks/chat/tw", form.toString().replace("Hello", "Hallo"), h).status()).as("tampered").isEqualTo(401);
        JsonNode t = await(() -> ticketsOf("+14155552671"), l -> l.size() == 1, "Twilio ticket").get(0);
        agent.post("/tickets/" + t.get("id").asText() + "/messages", "{\"body\":\"Hi there\",\"visibility\":\"public\"}");
        JsonNode sent = await(() -> chatOutbox("twilio"), l -> !l.isEmpty(), "Twilio reply").get(0);
        assertThat(sent.get("url").asText()).isEqualTo("https://conversations.twilio.com/v1/Conversations/" + params.get("ConversationSid") + "/Messages");
        assertThat(sent.get("body").asText()).isEqualTo("Author=helpdesk&Body=Hi+there");
        assertThat(sent.get("headers").get("authorization").asText()).startsWith("Basic ");
    }

    @Test
    void anAiAgentReportsResolvedAndHandedOffConversations() throws Exception {
        AgentApiClient ai = stack.client(stack.token("ai-agent", "integration"));
        String resolved = java.nio.file.Files.readString(LocalStackHarness.root().resolve("events/ai/conversation-resolved.json"))
                .replace("\"ai-conv-8a3d77b0\"", "\"ai-conv-8a3d77b0" + RUN + "\"");
        String handoff = java.nio.file.Files.readString(LocalStackHarness.root().resolve("events/ai/conversation-handoff.json"))
                .replace("\"ai-conv-5f1c2e9a\"", "\"ai-conv-5f1c2e9a" + RUN + "\"");
        assertThat(agent.post("/ai/conversations", resolved).status()).as("agents cannot report for the AI").isEqualTo(403);
        assertThat(ai.get("/tickets").status()).as("integrations cannot use the agents' routes").isEqualTo(403);

        AgentApiClient.Reply r = ai.post("/ai/conversations", resolved);
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode t = r.json();
        String id = t.get("id").asText();
        assertThat(t.get("status").asText()).isEqualTo("resolved");
        assertThat(t.get("resolvedBy").get("type").asText()).isEqualTo("ai");
        assertThat(t.get("tags").toString()).contains("ai-deflected").contains("wismo");
        assertThat(t.get("messages").get(1).get("author").get("type").asText()).isEqualTo("ai");
        AgentApiClient.Reply again = ai.post("/ai/conversations", resolved);
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().get("id").asText()).isEqualTo(id);
        assertThat(again.json().get("messageCount").asInt()).as("the same report writes nothing").isEqualTo(t.get("messageCount").asInt());

        // the customer comes back: the conversation goes to humans, the deflection no longer counts
        JsonNode more = AgentApiClient.JSON.readTree(resolved);
        ((com.fasterxml.jackson.databind.node.ArrayNode) more.get("transcript")).addObject().put("author", "customer")
                .put("text", "Actually it says returned to sender?!").put("at", "2026-11-23T11:00:00Z");
        ((com.fasterxml.jackson.databind.node.ObjectNode) more).put("outcome", "handoff").put("handoffReason", "parcel returned to sender");
        JsonNode reopened = ai.post("/ai/conversations", more.toString()).json();
        assertThat(reopened.get("status").asText()).isEqualTo("open");
        assertThat(reopened.get("tags").toString()).doesNotContain("ai-deflected").contains("ai-handoff");

        AgentApiClient.Reply h = ai.post("/ai/conversations", handoff);
        assertThat(h.status()).isEqualTo(201);
        JsonNode ht = h.json();
        assertThat(ht.get("status").asText()).isEqualTo("open");
        assertThat(ht.get("tags").toString()).contains("damage_claim").contains("ai-handoff");
        JsonNode note = ht.get("messages").get(ht.get("messages").size() - 1);
        assertThat(note.get("visibility").asText()).isEqualTo("internal");
        assertThat(note.get("body").asText()).contains("Refund without packaging evidence").contains("Lamp from order 1001");
        assertThat(ai.post("/ai/conversations", "{\"conversationId\":\"x\"}").status()).isEqualTo(400);
        AgentApiClient.Reply badAuthor = ai.post("/ai/conversations", resolved.replace("\"author\": \"ai\"", "\"author\": \"bot\""));
        assertThat(badAuthor.status()).isEqualTo(400);
        assertThat(badAuthor.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void agentsLogPhoneCallsAndSocialMessagesWithTheCallersNumber() {
        AgentApiClient.Reply call = agent.post("/tickets", "{\"subject\":\"Call: wrong size delivered\",\"requester\":{\"phone\":\"+44 20 7946 0958\","
                + "\"name\":\"Oliver\"},\"channel\":\"phone\",\"message\":{\"body\":\"Caller got size M instead of L.\"}}");
        assertThat(call.status()).as(call.body()).isEqualTo(201);
        String id = call.json().get("id").asText();
        AgentApiClient.Reply dm = agent.post("/tickets/" + id + "/messages",
                "{\"body\":\"He also wrote on Instagram: photo of the label.\",\"visibility\":\"public\",\"channel\":\"social\"}");
        assertThat(dm.status()).as(dm.body()).isEqualTo(201);
        JsonNode logged = dm.json().get("messages").get(1);
        assertThat(logged.get("channel").asText()).isEqualTo("social");
        assertThat(logged.get("delivery").isNull()).as("logged, not sent by us").isTrue();
        assertThat(ticketsOf("+442079460958")).extracting(t -> t.get("id").asText()).contains(id);
    }
}
