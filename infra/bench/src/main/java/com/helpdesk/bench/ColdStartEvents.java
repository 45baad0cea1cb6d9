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
            // the bus's consumers, each fed the event that starts its work
            case "TriageFunction", "OrderLookupFunction", "MetricsFunction", "SlaTimerFunction" ->
                    sqs(Files.readString(Path.of("events/bus/TicketCreated.json")));
            // RoutingEventsRule sends it new tickets (and intents, order contexts, assignments, statuses);
            // AutoAnswerRule only IntentClassified events of intent wismo, as the sample is
            case "RoutingFunction" -> sqs(Files.readString(Path.of("events/bus/TicketCreated.json")));
            case "AutoAnswerFunction" -> sqs(Files.readString(Path.of("events/bus/IntentClassified.json")));
            case "SlaAdminFunction" -> httpApi("GET", "/business-hours", "/business-hours", null);
            case "MetricsApiFunction" -> httpApi("GET", "/metrics", "/metrics", null);
            case "OrdersApiFunction" -> httpApi("GET", "/stores", "/stores", null);
            case "IntentsApiFunction" -> Files.readString(Path.of("events/api/classify-intent.json"));
            // unsigned: answered 401 after the signature check, as a forged delivery would be
            case "ShopifyWebhookFunction" -> httpApi("POST", "/webhooks/shopify/{storeId}", "/webhooks/shopify/demo",
                    Files.readString(Path.of("events/shopify/orders-updated.json")));
            default -> null;
        };
        return event == null ? null : Files.writeString(file, event);
    }

    /** Fresh ids for the events whose work is deduplicated. */
    void beforeEachInvoke(String logicalId) throws IOException {
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
        } else if (logicalId.equals("InboundProcessorFunction")) {
            String id = UUID.randomUUID().toString();
            InboundMessage m = new InboundMessage("email:" + id, List.of(new ThreadKey("email:<" + id + "@mail.example.com>", "message-id")),
                    Channel.EMAIL, Requester.of("requester", "anna.schmidt@example.com", null, "Anna Schmidt", null), "Damaged vase in order 4711",
                    "Hello, the vase in order 4711 arrived broken.", null, null, Instant.now(), List.of());
            Files.writeString(folder.resolve(logicalId + ".json"), sqs(InboundMessageCodec.encode(m)));
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
