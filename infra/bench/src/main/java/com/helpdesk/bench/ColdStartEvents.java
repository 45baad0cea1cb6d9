package com.helpdesk.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.local.LocalStack;
import com.helpdesk.queue.InboundMessageCodec;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One real-shaped event per function for the cold-start runs: the samples in events/ where one fits as it is,
 * else the trigger's shape (SQS, scheduled, HTTP API) wrapped around a sample body. Events whose effect is
 * deduplicated (an inbound mail, an inbound message) get fresh ids before every run, so each run does the work.
 */
final class ColdStartEvents {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SAMPLE_SES_ID = "o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g81";
    /** The ticket id of events/bus/TicketCreated.json. */
    private static final String SAMPLE_TICKET_ID = "tkt_01kamc4v8z9r3s5t7w2y6x0q1b";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    /**
     * The bus's consumers, each with the bus event that starts its work (events/bus): RoutingEventsRule sends routing
     * new tickets (and intents, order contexts, assignments, statuses), AutoAnswerRule the auto-answer only
     * IntentClassified events of intent wismo, as that sample is. Triage gets an order context's arrival, which it
     * classifies and records whatever the verdict: its TicketCreated would find the verdict the stack's own triage
     * recorded meanwhile and write nothing.
     */
    private static final Map<String, String> ON_A_TICKET = Map.of("TriageFunction", "OrderContextUpdated",
            "OrderLookupFunction", "TicketCreated", "MetricsFunction", "TicketCreated", "SlaTimerFunction", "TicketCreated",
            "RoutingFunction", "TicketCreated", "AutoAnswerFunction", "IntentClassified");
    private final LocalStack stack;
    private final Path folder;

    ColdStartEvents(LocalStack stack, Path folder) {
        this.stack = stack;
        this.folder = folder;
    }

    Path bare() throws IOException {
        return Files.writeString(folder.resolve("bare.json"), "{\"ticket\":\"bench\"}");
    }

    /** The event file for a function, or null when the bench knows no trigger shape for it. */
    Path forFunction(String logicalId) throws IOException {
        Path file = folder.resolve(logicalId + ".json");
        String event = switch (logicalId) {
            case "TicketApiFunction" -> Files.readString(Path.of("events/api/list-tickets.json"));
            case "CsatSurveyFunction" -> httpApi("GET", "/csat/{token}", "/csat/not-a-survey-token", null);
            case "ChatWebhookFunction" -> httpApi("POST", "/webhooks/chat/{channelId}", "/webhooks/chat/generic",
                    Files.readString(Path.of("events/chat/generic-message.json")));
            case "InboundEmailFunction", "InboundProcessorFunction" -> "{}"; // rewritten before each run
            case "OutboundEmailFunction", "OutboundChatFunction" -> sqs(Files.readString(Path.of("events/bus/MessageAdded.json")));
            case "AutoCloseFunction", "BacklogCensusFunction" -> scheduled();
            case "OutboxRelayFunction" -> Files.readString(Path.of("events/stream/outbox-insert.json"));
            case "SlaAdminFunction" -> httpApi("GET", "/business-hours", "/business-hours", null);
            case "MetricsApiFunction" -> httpApi("GET", "/metrics", "/metrics", null);
            case "OrdersApiFunction" -> httpApi("GET", "/stores", "/stores", null);
            case "IntentsApiFunction" -> Files.readString(Path.of("events/api/classify-intent.json"));
            // unsigned: answered 401 after the signature check, as a forged delivery would be
            case "ShopifyWebhookFunction" -> httpApi("POST", "/webhooks/shopify/{storeId}", "/webhooks/shopify/demo",
                    Files.readString(Path.of("events/shopify/orders-updated.json")));
            default -> ON_A_TICKET.containsKey(logicalId) ? "{}" : null; // rewritten before each run, about a ticket of the stack's own
        };
        return event == null ? null : Files.writeString(file, event);
    }

    /**
     * Fresh ids for the events whose work is deduplicated, and a fresh ticket for the bus's consumers.
     * @return whether the local stack was set to work (opening a ticket sets off the relay and every consumer)
     */
    boolean beforeEachInvoke(String logicalId) throws IOException {
        if (logicalId.equals("InboundEmailFunction")) {
            LocalStack.ReceiptRule rule = stack.receiptRule();
            String id = UUID.randomUUID().toString().replace("-", "") + "benchbench";
            String mail = "From: Anna Schmidt <anna.schmidt@example.com>\r\nTo: Shop Support <support@help.example.com>\r\n"
                    + "Subject: Damaged vase in order 4711\r\nMessage-ID: <" + id + "@mail.example.com>\r\n"
                    + "Date: Mon, 23 Nov 2026 10:15:00 +0100\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                    + "Hello, the vase in order 4711 arrived broken. Can you send a new one?\r\n";
            stack.s3().put(rule.bucket(), rule.prefix() + id, mail.getBytes(StandardCharsets.UTF_8), "message/rfc822");
            Files.writeString(folder.resolve(logicalId + ".json"),
                    Files.readString(Path.of("events/ses/receipt.json")).replace(SAMPLE_SES_ID, id));
        } else if (ON_A_TICKET.containsKey(logicalId)) {
            // the sample's ticket is one of the stack's own, opened now, so the first event does the function's work
            // (triage reads the thread, runs the model and records the intent) rather than finding no ticket and
            // parking the event in the dead-letter queue, a path of its own (an SQS client, a send)
            String sample = Files.readString(Path.of("events/bus").resolve(ON_A_TICKET.get(logicalId) + ".json"));
            Files.writeString(folder.resolve(logicalId + ".json"), sqs(sample.replace(SAMPLE_TICKET_ID, createTicket())));
            return true;
        } else if (logicalId.equals("InboundProcessorFunction")) {
            String id = UUID.randomUUID().toString();
            InboundMessage m = new InboundMessage("email:" + id, List.of(new ThreadKey("email:<" + id + "@mail.example.com>", "message-id")),
                    Channel.EMAIL, Requester.of("requester", "anna.schmidt@example.com", null, "Anna Schmidt", null), "Damaged vase in order 4711",
                    "Hello, the vase in order 4711 arrived broken.", null, null, Instant.now(), List.of());
            Files.writeString(folder.resolve(logicalId + ".json"), sqs(InboundMessageCodec.encode(m)));
        }
        return false;
    }

    /** @return the id of a ticket opened through the stack's API with the sample request (an agent's phone ticket) */
    private String createTicket() throws IOException {
        String body = JSON.readTree(Files.readString(Path.of("events/api/create-ticket.json"))).path("body").asText();
        try {
            HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/tickets"))
                    .header("Authorization", "Bearer " + stack.token("bench", "agent")).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 201) throw new IllegalStateException("POST /tickets answered " + r.statusCode() + ": " + r.body());
            return JSON.readTree(r.body()).path("id").asText();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while opening a sample's ticket", e);
        }
    }

    private static String httpApi(String method, String route, String path, String body) throws IOException {
        ObjectNode e = JSON.createObjectNode();
        e.put("version", "2.0");
        e.put("routeKey", method + " " + route);
        e.put("rawPath", path);
        e.put("rawQueryString", "");
        e.putObject("headers").put("content-type", "application/json").put("user-agent", "bench");
        ObjectNode ctx = e.putObject("requestContext");
        ctx.put("accountId", "000000000000").put("apiId", "bench").put("domainName", "localhost").put("requestId", UUID.randomUUID().toString())
                .put("routeKey", method + " " + route).put("stage", "$default").put("timeEpoch", System.currentTimeMillis());
        // an admin and agent as the JWT authorizer passes one on: the request reaches the route, not a 401
        ctx.putObject("authorizer").putObject("jwt").putObject("claims").put("sub", "bench").put("cognito:groups", "[admin agent]")
                .put("name", "Bench");
        ctx.putObject("http").put("method", method).put("path", path).put("protocol", "HTTP/1.1").put("sourceIp", "127.0.0.1")
                .put("userAgent", "bench");
        String[] routeParts = route.split("/");
        String[] pathParts = path.split("/");
        ObjectNode parameters = JSON.createObjectNode();
        for (int i = 0; i < routeParts.length && i < pathParts.length; i++) {
            if (routeParts[i].startsWith("{")) parameters.put(routeParts[i].substring(1, routeParts[i].length() - 1), pathParts[i]);
        }
        if (!parameters.isEmpty()) e.set("pathParameters", parameters);
        if (body != null) e.put("body", body);
        e.put("isBase64Encoded", false);
        return JSON.writeValueAsString(e);
    }

    private static String sqs(String body) throws IOException {
        Map<String, Object> record = Map.of("messageId", UUID.randomUUID().toString(), "receiptHandle", "bench", "body", body,
                "attributes", Map.of("ApproximateReceiveCount", "1", "SentTimestamp", String.valueOf(System.currentTimeMillis()),
                        "MessageGroupId", "bench"),
                "messageAttributes", Map.of(), "md5OfBody", "", "eventSource", "aws:sqs",
                "eventSourceARN", "arn:aws:sqs:us-east-1:000000000000:bench", "awsRegion", "us-east-1");
        return JSON.writeValueAsString(Map.of("Records", List.of(record)));
    }

    private static String scheduled() throws IOException {
        return JSON.writeValueAsString(Map.of("version", "0", "id", UUID.randomUUID().toString(), "detail-type", "Scheduled Event",
                "source", "aws.events", "account", "000000000000", "time", Instant.now().toString().replaceAll("\\.\\d+Z$", "Z"),
                "region", "us-east-1", "resources", List.of("arn:aws:events:us-east-1:000000000000:rule/bench"), "detail", Map.of()));
    }
}
