package com.helpdesk.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.local.LocalStack;
import com.helpdesk.local.LocalStackOptions;
import com.helpdesk.queue.DeadLetters;
import com.helpdesk.queue.InboundMessageCodec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import java.util.function.Supplier;

import static org.assertj.core.api.Assertions.assertThat;

/** Every command of the ops tool, run in-process against the local stack (template.yaml, the function jars). */
class OpsToolIT {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static LocalStack stack;
    private static String url;
    private static SqsClient sqs;

    record Run(int exit, String out, String err) {}

    @BeforeAll
    static void start() {
        Path root = Path.of(System.getProperty("helpdesk.root", "../..")).toAbsolutePath().normalize();
        stack = LocalStack.start(new LocalStackOptions("127.0.0.1", 0, root.resolve("template.yaml"), Map.of()));
        url = "http://127.0.0.1:" + stack.port();
        sqs = SqsClient.builder().endpointOverride(stack.sqsEndpoint()).region(Region.US_EAST_1).httpClient(UrlConnectionHttpClient.create())
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))).build();
    }

    @AfterAll
    static void stop() {
        sqs.close();
        stack.close();
    }

    private static Run ops(String... args) {
        List<String> all = new ArrayList<>(List.of(args));
        all.add("--local");
        all.add(url);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = OpsMain.run(all.toArray(String[]::new), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Polls what the stack does asynchronously (queues, the bus) until it is done, for at most 30 seconds. */
    private static <T> T await(Supplier<T> read, Predicate<T> done, String what) {
        long deadline = System.currentTimeMillis() + 30_000;
        T last = read.get();
        while (!done.test(last) && System.currentTimeMillis() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
            last = read.get();
        }
        assertThat(done.test(last)).as(what + ": " + last).isTrue();
        return last;
    }

    private static JsonNode http(String method, String path, String body, String contentType) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url + path)).header("Authorization", "Bearer " + stack.token("ops", "admin"))
                    .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
            if (contentType != null) b.header("Content-Type", contentType);
            HttpResponse<String> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(method + " " + path + ": " + r.body()).isBetween(200, 299);
            return JSON.readTree(r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private static List<JsonNode> ticketsOf(String email) {
        List<JsonNode> out = new ArrayList<>();
        http("GET", "/tickets?requester=" + email, null, null).path("items").forEach(out::add);
        return out;
    }

    @Test
    void dlqListShowsEveryDeadLetterQueueWithItsSource() {
        Run r = ops("dlq", "list");
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("InboundDeadLetterQueue +\\d+ +InboundQueue")
                .containsPattern("OutboundEmailDeadLetterQueue +\\d+ +OutboundEmailQueue")
                .containsPattern("OutboundChatDeadLetterQueue +\\d+ +OutboundChatQueue")
                .containsPattern("OutboxRelayDLQ +\\d+ +- \\(failure records")
                .containsPattern("InboundEmailFailures +\\d+ +- \\(failure records")
                .doesNotContainPattern("(?m)^InboundQueue ");
    }

    @Test
    void aPoisonedMessageIsParkedWithItsReasonAndARedrivenOneIsProcessedOnce() {
        String inbound = stack.physicalName("InboundQueue");
        String dlq = stack.physicalName("InboundDeadLetterQueue");
        sqs.sendMessage(b -> b.queueUrl(inbound).messageBody("{\"not\": \"an inbound message\"").messageGroupId("poison")
                .messageDeduplicationId(UUID.randomUUID().toString()));
        Run parked = await(() -> ops("dlq", "list", "--queue", "InboundDeadLetterQueue"),
                r -> r.out().contains("reason") && r.out().contains("an inbound message\""), "the poisoned message is parked");
        assertThat(parked.out()).containsPattern("reason +\\S.*").contains("first received ").contains("receives ");

        // a message parked while the table was throttled: sound, so a redrive processes it
        InboundMessage valid = new InboundMessage("test:redrive-" + UUID.randomUUID(), List.of(), Channel.EMAIL,
                Requester.of("requester", "rita.redrive@example.com", null, "Rita", Map.of()), "Parked while throttled",
                "Where is my parcel?", null, List.of(), Instant.parse("2026-11-30T10:00:00Z"), List.of());
        new DeadLetters(sqs, dlq).park(InboundMessageCodec.encode(valid), "source-message-1",
                "ProvisionedThroughputExceededException: the table was throttled");
        Run both = ops("dlq", "list", "--queue", "InboundDeadLetterQueue");
        assertThat(both.out()).contains("InboundDeadLetterQueue: 2 message(s), 2 shown")
                .contains("reason         ProvisionedThroughputExceededException: the table was throttled")
                .contains("(source message source-message-1)");

        Run dry = ops("dlq", "redrive", "--queue", "InboundDeadLetterQueue", "--dry-run");
        assertThat(dry.exit()).isZero();
        assertThat(dry.out()).contains("dry run: 2 message(s) would move from InboundDeadLetterQueue to InboundQueue");
        assertThat(ops("dlq", "list").out()).containsPattern("InboundDeadLetterQueue +2 ");

        Run moved = ops("dlq", "redrive", "--queue", "InboundDeadLetterQueue");
        assertThat(moved.exit()).as(moved.err()).isZero();
        assertThat(moved.out()).contains("moved 2 message(s) from InboundDeadLetterQueue to InboundQueue");

        List<JsonNode> tickets = await(() -> ticketsOf("rita.redrive@example.com"), t -> !t.isEmpty(), "the redriven message opens a ticket");
        assertThat(tickets).hasSize(1);
        assertThat(tickets.get(0).get("subject").asText()).isEqualTo("Parked while throttled");
        // the poisoned one is parked again, with its reason; the processed one is gone from the queue
        Run after = await(() -> ops("dlq", "list", "--queue", "InboundDeadLetterQueue"),
                r -> r.out().contains("InboundDeadLetterQueue: 1 message(s), 1 shown"), "only the poisoned message is parked again");
        assertThat(after.out()).contains("an inbound message\"").doesNotContain("Parked while throttled");
    }

    @Test
    void replayPutsTheStoredEventsOfARangeOnTheBusAgain() {
        JsonNode created = http("POST", "/tickets", """
                {"subject": "Replay me", "requester": {"email": "replay@example.com", "name": "Ray"},
                 "channel": "phone", "message": {"body": "called about a refund"}}""", "application/json");
        String ticketId = created.get("id").asText();
        Supplier<List<JsonNode>> createdEvents = () -> {
            List<JsonNode> out = new ArrayList<>();
            http("GET", "/_local/events", null, null).forEach(e -> {
                JsonNode ev = e.get("event");
                if (ev.path("detail-type").asText().equals("TicketCreated") && ev.path("detail").path("ticketId").asText().equals(ticketId)) {
                    out.add(ev);
                }
            });
            return out;
        };
        JsonNode first = await(createdEvents, l -> l.size() == 1, "the relay puts TicketCreated on the bus").get(0);
        Instant at = Instant.parse(first.get("detail").get("occurredAt").asText());
        String from = at.minusSeconds(1).toString();
        String to = at.plusSeconds(1).toString();

        Run dry = ops("replay", "--from", from, "--to", to, "--type", "TicketCreated", "--dry-run");
        assertThat(dry.exit()).as(dry.err()).isZero();
        assertThat(dry.out()).containsPattern("TicketCreated +\\d+").contains("would be put on").doesNotContain("MessageAdded");
        assertThat(createdEvents.get()).hasSize(1);

        Run replay = ops("replay", "--from", from, "--to", to, "--type", "TicketCreated");
        assertThat(replay.exit()).as(replay.err()).isZero();
        assertThat(replay.out()).containsPattern("replayed (\\d+) of \\1 event\\(s\\) onto ");
        List<JsonNode> again = await(createdEvents, l -> l.size() == 2, "the replayed TicketCreated is on the bus again");
        assertThat(again.get(1).get("detail")).isEqualTo(first.get("detail"));
        assertThat(again.get(1).get("source").asText()).isEqualTo("helpdesk.tickets");
    }

    @Test
    void exportWritesTheTicketThreadHistoryAndAttachmentLinksAsOneDocument(@TempDir Path dir) throws Exception {
        String raw = "From: Erika Export <erika.export@example.com>\r\nTo: support@help.example.com\r\nSubject: Broken vase\r\n"
                + "Message-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\nIt arrived broken.\r\n--b\r\n"
                + "Content-Type: image/png\r\nContent-Disposition: attachment; filename=\"vase.png\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r\n--b--\r\n";
        http("POST", "/_local/ses/inbound", raw, "message/rfc822");
        JsonNode summary = await(() -> ticketsOf("erika.export@example.com"), t -> !t.isEmpty(), "the mail opens a ticket").get(0);
        http("PATCH", "/tickets/" + summary.get("id").asText(), "{\"status\": \"pending\"}", "application/json");

        Path file = dir.resolve("ticket.json");
        Run r = ops("export", "--ticket", summary.get("number").asText(), "--out", file.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        JsonNode doc = JSON.readTree(Files.readString(file));
        assertThat(doc.get("exportedAt").asText()).isNotBlank();
        JsonNode ticket = doc.get("ticket");
        assertThat(ticket.get("id").asText()).isEqualTo(summary.get("id").asText());
        assertThat(ticket.get("subject").asText()).isEqualTo("Broken vase");
        assertThat(ticket.get("status").asText()).isEqualTo("pending");
        JsonNode message = ticket.get("messages").get(0);
        assertThat(message.get("body").asText()).isEqualTo("It arrived broken.");
        JsonNode attachment = message.get("attachments").get(0);
        assertThat(attachment.get("filename").asText()).isEqualTo("vase.png");
        HttpResponse<byte[]> png = HTTP.send(HttpRequest.newBuilder(URI.create(attachment.get("downloadUrl").asText())).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.body()).hasSize(70);
        assertThat(message.get("original").get("downloadUrl").asText()).startsWith("http://");
        List<String> actions = new ArrayList<>();
        doc.get("history").forEach(h -> actions.add(h.get("action").asText()));
        assertThat(actions).startsWith("TicketCreated").contains("StatusChanged");

        Run byId = ops("export", "--ticket", summary.get("id").asText());
        assertThat(JSON.readTree(byId.out()).get("ticket").get("number")).isEqualTo(ticket.get("number"));
    }

    @Test
    void mistakesGetClearErrorsAndExitCodes() {
        Run unknownTicket = ops("export", "--ticket", "987654");
        assertThat(unknownTicket.exit()).isEqualTo(OpsMain.NOT_FOUND);
        assertThat(unknownTicket.err()).contains("no ticket number 987654");
        Run unknownQueue = ops("dlq", "redrive", "--queue", "NoSuchQueue");
        assertThat(unknownQueue.exit()).isEqualTo(OpsMain.NOT_FOUND);
        assertThat(unknownQueue.err()).contains("no dead-letter queue NoSuchQueue").contains("InboundDeadLetterQueue");
        Run noSource = ops("dlq", "redrive", "--queue", "OutboxRelayDLQ");
        assertThat(noSource.exit()).isEqualTo(OpsMain.NOT_FOUND);
        assertThat(noSource.err()).contains("has no source queue");
        Run badTime = ops("replay", "--from", "yesterday", "--to", "2026-12-01T00:00:00Z");
        assertThat(badTime.exit()).isEqualTo(OpsMain.USAGE);
        assertThat(badTime.err()).contains("--from must be an ISO-8601 instant");
        Run typo = ops("dlq", "list", "--queeu", "x");
        assertThat(typo.exit()).isEqualTo(OpsMain.USAGE);
        assertThat(typo.err()).contains("unknown option --queeu");
    }
}
