package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.chat.WebhookSignatures;
import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static com.helpdesk.local.e2e.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * A short soak of the whole stack under faults, counted, not timed: a fixed mix of mail, signed chat webhooks
 * (each delivered twice, as providers retry), API writes and reads, while the bus, SES and the chat provider
 * fail for a while, plus one poison message on the inbound queue. Then the counts: messages in against
 * stored, events on the bus per ticket, duplicates, replies sent, dead letters with their reasons.
 * The goal, asserted: nothing lost, nothing duplicated, the poison message parked with its reason.
 */
class SoakIT {
    private static final int ROUNDS = 8;
    private static final String POISON = "{\"soak\": \"not an inbound message\"}";
    private static LocalStackHarness stack;
    private static AgentApiClient admin;
    private static AgentApiClient agent;
    private static AgentApiClient anonymous;
    private static SqsClient sqs;

    @BeforeAll
    static void start() {
        stack = LocalStackHarness.start();
        admin = new AgentApiClient(stack.baseUrl(), stack.token("root", "admin"));
        agent = new AgentApiClient(stack.baseUrl(), stack.token("bob", "agent"));
        anonymous = agent.as(null);
        sqs = SqsClient.builder().endpointOverride(stack.stack().sqsEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        stack.close();
    }

    @Test
    void aMixUnderFaultsLosesNothingDuplicatesNothingAndParksThePoisonWithItsReason() {
        assertThat(admin.send("PUT", "/channels/soak", "{\"kind\":\"generic\",\"settings\":{\"callbackUrl\":\"https://soak.example.com/\"},"
                + "\"secrets\":{\"signingSecret\":\"soak-secret\"}}", Map.of()).status()).isEqualTo(201);
        fault("{\"service\":\"eventbridge\",\"failNext\":6}");
        fault("{\"service\":\"ses\",\"failNext\":3,\"error\":\"throttle\"}");
        fault("{\"service\":\"chat\",\"failNext\":3,\"error\":\"throttle\"}");

        List<String> apiTickets = new ArrayList<>();
        for (int i = 0; i < ROUNDS; i++) {
            AgentApiClient.Reply mail = anonymous.send("POST", "/_local/ses/inbound", mail(i), Map.of("Content-Type", "message/rfc822"));
            assertThat(mail.status()).as(mail.body()).isEqualTo(200);
            for (int delivery = 0; delivery < 2; delivery++) assertThat(chat(i).status()).isEqualTo(202);
            AgentApiClient.Reply created = agent.post("/tickets", "{\"subject\":\"Soak call " + i + "\",\"requester\":{\"email\":\"soak-api-" + i
                    + "@example.com\"},\"channel\":\"phone\",\"message\":{\"body\":\"Called about order " + i + "\"}}");
            assertThat(created.status()).as(created.body()).isEqualTo(201);
            apiTickets.add(created.json().get("id").asText());
            assertThat(agent.get("/tickets/" + created.json().get("id").asText()).status()).isEqualTo(200);
        }
        String poisonId = sqs.sendMessage(b -> b.queueUrl(queueUrl("InboundQueue")).messageBody(POISON)
                .messageGroupId("soak-poison").messageDeduplicationId("soak-poison")).messageId();

        List<String> chatTickets = new ArrayList<>();
        int mailStored = 0, chatStored = 0, duplicates = 0;
        for (int i = 0; i < ROUNDS; i++) {
            int n = i;
            List<JsonNode> mails = await(() -> tickets("soak-mail-" + n + "@example.com"), l -> !l.isEmpty(), "mail " + i + " stored");
            List<JsonNode> chats = await(() -> tickets("soak-chat-" + n + "@example.com"), l -> !l.isEmpty(), "chat " + i + " stored");
            mailStored += mails.size();
            chatStored += chats.size();
            duplicates += mails.size() - 1 + chats.size() - 1 + messagesSaying(mails.get(0), "Where is order " + i + "?") - 1
                    + messagesSaying(chats.get(0), "Hello " + i) - 1;
            chatTickets.add(chats.get(0).get("id").asText());
        }
        for (int i = 0; i < ROUNDS; i++) {
            assertThat(agent.post("/tickets/" + chatTickets.get(i) + "/messages", "{\"body\":\"Soak reply " + i + "\",\"visibility\":\"public\"}")
                    .status()).isEqualTo(201);
        }
        List<JsonNode> replies = await(() -> outbox("chat", "Soak reply "), l -> l.size() >= ROUNDS, "every chat reply sent");

        Set<String> ticketsWritten = new HashSet<>(apiTickets);
        ticketsWritten.addAll(chatTickets);
        Map<String, Integer> created = await(SoakIT::ticketCreatedOnTheBus, m -> m.keySet().containsAll(ticketsWritten), "every TicketCreated delivered");
        List<String> eventIds = new ArrayList<>();
        for (JsonNode e : anonymous.get("/_local/events").json()) eventIds.add(e.get("event").get("detail").path("eventId").asText());
        List<Message> parked = await(() -> sqs.receiveMessage(b -> b.queueUrl(queueUrl("InboundDeadLetterQueue")).maxNumberOfMessages(10)
                .visibilityTimeout(0).messageAttributeNames("All")).messages(), l -> !l.isEmpty(), "the poison message parked");

        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("mail in", ROUNDS);
        figures.put("mail stored", mailStored);
        figures.put("chat in (each delivered twice)", ROUNDS);
        figures.put("chat stored", chatStored);
        figures.put("api tickets written", apiTickets.size());
        figures.put("chat replies written", ROUNDS);
        figures.put("chat replies sent", replies.size());
        figures.put("tickets written", ticketsWritten.size());
        figures.put("TicketCreated delivered for them", ticketsWritten.stream().filter(created::containsKey).count());
        figures.put("events on the bus", eventIds.size());
        figures.put("duplicate events on the bus", eventIds.size() - new HashSet<>(eventIds).size());
        figures.put("duplicate tickets or messages", duplicates);
        figures.put("dead letters", parked.size());
        parked.forEach(m -> figures.put("dead letter " + m.messageId(), m.messageAttributes().containsKey("reason") ? m.messageAttributes().get("reason").stringValue() : "(no reason)"));
        System.out.println("soak figures: " + figures);

        assertThat(mailStored).isEqualTo(ROUNDS);
        assertThat(chatStored).isEqualTo(ROUNDS);
        assertThat(duplicates).isZero();
        assertThat(replies).hasSize(ROUNDS);
        assertThat(ticketsWritten).allSatisfy(id -> assertThat(created.get(id)).as("TicketCreated of " + id).isEqualTo(1));
        assertThat(eventIds).doesNotHaveDuplicates();
        assertThat(parked).as("poison message %s", poisonId).anySatisfy(m -> {
            assertThat(m.body()).isEqualTo(POISON);
            assertThat(m.messageAttributes().get("reason").stringValue()).isNotBlank();
        });
    }

    private static void fault(String body) {
        assertThat(anonymous.send("POST", "/_local/faults", body, Map.of()).status()).isEqualTo(200);
    }

    private static String mail(int i) {
        return "From: Soak Customer <soak-mail-" + i + "@example.com>\r\nTo: Shop Support <support@help.example.com>\r\nSubject: Soak order " + i
                + "\r\nMessage-ID: <soak-" + i + "@example.com>\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: text/plain; charset=utf-8\r\n\r\nWhere is order " + i + "?\r\n";
    }

    private static AgentApiClient.Reply chat(int i) {
        String body = "{\"eventId\":\"soak-e-" + i + "\",\"conversationId\":\"soak-" + i + "\",\"customer\":{\"id\":\"soak-cust-" + i
                + "\",\"email\":\"soak-chat-" + i + "@example.com\"},\"message\":{\"id\":\"soak-m-" + i + "\",\"text\":\"Hello " + i + "\"}}";
        String signature = WebhookSignatures.generic("soak-secret", Instant.now().getEpochSecond(), body.getBytes(StandardCharsets.UTF_8));
        return anonymous.send("POST", "/webhooks/chat/soak", body, Map.of("X-Helpdesk-Signature", signature));
    }

    private static List<JsonNode> tickets(String requester) {
        List<JsonNode> out = new ArrayList<>();
        agent.get("/tickets?requester=" + requester).json().get("items").forEach(out::add);
        return out;
    }

    /** The customer's messages on a ticket with this text (an acknowledgment sent back is a message too, so count by text). */
    private static int messagesSaying(JsonNode ticket, String text) {
        int n = 0;
        for (JsonNode m : agent.get("/tickets/" + ticket.get("id").asText()).json().get("messages")) if (m.path("body").asText().strip().equals(text)) n++;
        return n;
    }

    private static List<JsonNode> outbox(String channel, String text) {
        List<JsonNode> out = new ArrayList<>();
        anonymous.get("/_local/outbox").json().forEach(e -> {
            if (channel.equals(e.path("channel").asText()) && e.path("body").asText().contains(text)) out.add(e);
        });
        return out;
    }

    private static Map<String, Integer> ticketCreatedOnTheBus() {
        Map<String, Integer> count = new LinkedHashMap<>();
        for (JsonNode e : anonymous.get("/_local/events").json()) {
            if ("TicketCreated".equals(e.get("event").get("detail-type").asText())) {
                count.merge(e.get("event").get("detail").get("ticketId").asText(), 1, Integer::sum);
            }
        }
        return count;
    }

    /** A queue's Ref, as CloudFormation gives it: its URL. */
    private static String queueUrl(String logicalId) {
        String ref = stack.stack().physicalName(logicalId);
        return ref.startsWith("http") ? ref : sqs.getQueueUrl(b -> b.queueName(ref)).queueUrl();
    }
}
