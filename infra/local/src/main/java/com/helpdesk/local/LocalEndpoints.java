package com.helpdesk.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.local.schedule.Scheduler;
import com.helpdesk.local.api.LocalHttp;
import com.helpdesk.local.api.LocalJwt;
import com.helpdesk.local.api.Route;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The local-only endpoints under /_local/: tokens, health, service endpoints, the event log and the clock. */
final class LocalEndpoints {
    static final Set<String> ROLES = Set.of("agent", "lead", "admin", "integration");
    private final ObjectMapper json = new ObjectMapper();
    private final LocalStack stack;

    /** The control endpoints this class serves (the banner lists them). */
    public static final List<String> ROUTES = List.of("POST /_local/token", "GET /_local/health", "GET /_local/endpoints",
            "GET /_local/events", "GET /_local/clock", "POST /_local/clock", "POST /_local/faults", "POST /_local/ses/inbound",
            "GET /_local/outbox");

    LocalEndpoints(LocalStack stack) {
        this.stack = stack;
    }

    void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        switch (method + " " + path) {
            case "POST /_local/token" -> token(ex);
            case "GET /_local/health" -> health(ex);
            case "GET /_local/endpoints" -> LocalHttp.json(ex, 200, stack.endpoints());
            case "GET /_local/events" -> LocalHttp.json(ex, 200, stack.bus().log());
            case "GET /_local/clock" -> LocalHttp.json(ex, 200, Map.of("now", stack.clock().get().toString()));
            case "POST /_local/clock" -> clock(ex);
            case "POST /_local/faults" -> faults(ex);
            case "POST /_local/ses/inbound" -> sesInbound(ex);
            case "GET /_local/outbox" -> LocalHttp.json(ex, 200, stack.ses().outbox());
            default -> {
                boolean known = ROUTES.stream().anyMatch(r -> r.endsWith(" " + path));
                LocalHttp.problem(ex, known ? 405 : 404, known ? "method-not-allowed" : "not-found",
                        known ? "Method Not Allowed" : "Not Found", method + " " + path + " is not a local endpoint");
            }
        }
    }

    private JsonNode body(HttpExchange ex) throws IOException {
        try (InputStream in = ex.getRequestBody()) {
            byte[] b = in.readNBytes(64 * 1024);
            JsonNode n = json.readTree(b);
            if (n == null || !n.isObject()) throw new IllegalArgumentException("the body must be a JSON object");
            return n;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
    }

    private void token(HttpExchange ex) throws IOException {
        try {
            JsonNode b = body(ex);
            String sub = b.path("sub").asText("");
            String role = b.path("role").asText("");
            if (sub.isBlank() || !b.get("sub").isTextual()) throw new IllegalArgumentException("sub is required (a string)");
            if (!ROLES.contains(role)) throw new IllegalArgumentException("role must be one of agent, lead, admin, integration");
            LocalJwt.Issued t = stack.jwt().issue(sub, role, stack.defaultAudience());
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("token", t.token());
            out.put("expiresAt", t.expiresAt().toString());
            out.put("sub", sub);
            out.put("role", role);
            LocalHttp.json(ex, 200, out);
        } catch (IllegalArgumentException e) {
            LocalHttp.problem(ex, 400, "bad-request", "Bad Request", e.getMessage());
        }
    }

    private void health(HttpExchange ex) throws IOException {
        if (stack.startedAt() == null) {
            // still starting (functions warming, event sources not yet polling): like a function's cold start, not an error
            ex.getResponseHeaders().set("Retry-After", "1");
            LocalHttp.problem(ex, 503, "starting", "Service Unavailable", "the local stack is starting; try again in a moment");
            return;
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("status", "ok");
        out.put("uptimeMs", Duration.between(stack.startedAt(), Instant.now()).toMillis());
        out.put("startupMs", stack.startupMillis());
        out.put("now", stack.clock().get().toString());
        out.put("functions", stack.functionIds());
        out.put("routes", stack.routes().stream().map(Route::routeKey).toList());
        out.put("rules", stack.bus().rules().stream().map(r -> r.name()).toList());
        out.put("schedules", stack.scheduler().schedules().stream().map(s -> s.name()).toList());
        out.put("dynamodb", stack.dynamoDbEndpoint().toString());
        out.put("sqs", stack.sqsEndpoint().toString());
        LocalHttp.json(ex, 200, out);
    }

    /**
     * {"service": "eventbridge", "failNext": 3}: the next 3 PutEvents calls fail (to test that nothing is lost);
     * {"service": "ses", "failNext": 2, "error": "throttle"|"reject"}: the next 2 sends are throttled or refused;
     * {"service": "shopify", "failNext": 1, "error": "throttle"|"unavailable"|"timeout"|"unauthorized"}: the stub shop fails;
     * {"service": "dynamodb", "failNext": 5, "error": "throttle"}: the functions' next 5 DynamoDB attempts are throttled (their SDK backs off);
     * {"service": "dynamodb", "failNext": 1, "error": "crash-after-write", "operation": "TransactWriteItems", "function": "TicketApiFunction"}:
     * the next such write (of that function; operation and function are optional) is applied, then the function crashes.
     */
    private void faults(HttpExchange ex) throws IOException {
        try {
            JsonNode b = body(ex);
            String service = b.path("service").asText();
            if (!List.of("eventbridge", "ses", "chat", "shopify", "dynamodb").contains(service)) {
                throw new IllegalArgumentException("service must be \"eventbridge\", \"ses\", \"chat\", \"shopify\" or \"dynamodb\"");
            }
            if (!b.path("failNext").canConvertToInt() || b.get("failNext").asInt() < 0) {
                throw new IllegalArgumentException("failNext must be a number of calls (0 clears)");
            }
            int n = b.get("failNext").asInt();
            if (service.equals("shopify")) {
                String error = b.path("error").asText("unavailable");
                stack.shopify().failNext(n, error);
                LocalHttp.json(ex, 200, Map.of("service", service, "failNext", n, "error", error));
                return;
            }
            if (service.equals("dynamodb")) {
                String error = b.path("error").asText(com.helpdesk.local.lambda.SdkFaults.THROTTLE);
                String operation = b.hasNonNull("operation") ? b.get("operation").asText() : null;
                String function = null;
                if (b.hasNonNull("function")) {
                    if (!stack.functionIds().contains(b.get("function").asText())) {
                        throw new IllegalArgumentException("function must be one of the template's functions " + stack.functionIds());
                    }
                    function = stack.physicalName(b.get("function").asText());
                }
                stack.sdkFaults().failNext(n, error, operation, function);
                LocalHttp.json(ex, 200, Map.of("service", service, "failNext", n, "error", error));
                return;
            }
            if (service.equals("ses") || service.equals("chat")) {
                String error = b.path("error").asText("throttle");
                if (!error.equals("throttle") && !error.equals("reject")) throw new IllegalArgumentException("error must be throttle or reject");
                if (service.equals("ses")) stack.ses().failNext(n, error);
                else stack.ses().failNextChat(n, error);
                LocalHttp.json(ex, 200, Map.of("service", service, "failNext", n, "error", error));
                return;
            }
            stack.bus().failNextPutEvents(n);
            LocalHttp.json(ex, 200, Map.of("service", "eventbridge", "failNext", n));
        } catch (IllegalArgumentException e) {
            LocalHttp.problem(ex, 400, "bad-request", "Bad Request", e.getMessage());
        }
    }

    /** SES accepts messages up to 40 MB. */
    static final int MAX_MAIL_BYTES = 40 * 1024 * 1024;

    /**
     * Delivers a raw RFC 5322 message as SES would: stored by the receipt rule's S3 action, then the rule's
     * function invoked with a receipt event. Verdicts are PASS unless X-SES-Spam-Verdict, -Virus-, -SPF-,
     * -DKIM- or -DMARC-Verdict headers say otherwise; X-SES-Recipients (comma-separated) and X-SES-Source
     * set the envelope, which otherwise comes from To/Cc (the addresses the rule accepts) and From.
     */
    private void sesInbound(HttpExchange ex) throws IOException {
        LocalStack.ReceiptRule rule = stack.receiptRule();
        if (rule == null) {
            LocalHttp.problem(ex, 404, "no-receipt-rule", "Not Found", "template.yaml has no SES receipt rule with S3 and Lambda actions");
            return;
        }
        byte[] raw;
        try (InputStream in = ex.getRequestBody()) {
            raw = in.readNBytes(MAX_MAIL_BYTES + 1);
        }
        if (raw.length > MAX_MAIL_BYTES) {
            LocalHttp.problem(ex, 413, "too-large", "Payload Too Large", "SES accepts messages up to 40 MB");
            return;
        }
        if (raw.length == 0) {
            LocalHttp.problem(ex, 400, "bad-request", "Bad Request", "send the raw message (RFC 5322) as the request body");
            return;
        }
        Map<String, String> verdicts;
        try {
            verdicts = SesReceiptEvent.verdicts(ex.getRequestHeaders()::getFirst);
        } catch (IllegalArgumentException e) {
            LocalHttp.problem(ex, 400, "bad-request", "Bad Request", e.getMessage());
            return;
        }
        SesReceiptEvent.Envelope envelope;
        try {
            envelope = SesReceiptEvent.envelope(raw, rule.recipients(), ex.getRequestHeaders().getFirst("X-SES-Recipients"),
                    ex.getRequestHeaders().getFirst("X-SES-Source"));
        } catch (IllegalArgumentException e) {
            LocalHttp.problem(ex, 400, "bad-request", "Bad Request", e.getMessage());
            return;
        }
        String messageId = SesReceiptEvent.newMessageId();
        String key = rule.prefix() + messageId;
        stack.s3().put(rule.bucket(), key, raw, "message/rfc822");
        String event = SesReceiptEvent.json(messageId, raw, envelope, verdicts, stack.clock().get(),
                "arn:aws:lambda:" + LocalStack.REGION + ":" + LocalStack.ACCOUNT + ":function:" + stack.physicalName(rule.functionId()));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("messageId", messageId);
        out.put("bucket", rule.bucket());
        out.put("key", key);
        try {
            out.put("result", json.readTree(stack.invokeFunction(rule.functionId(), event)));
            LocalHttp.json(ex, 200, out);
        } catch (com.helpdesk.local.lambda.FunctionError e) {
            LocalHttp.problem(ex, 502, "function-error", "Bad Gateway", rule.functionId() + " failed (" + e.getMessage()
                    + "); the message is kept at s3://" + rule.bucket() + "/" + key);
        }
    }

    private void clock(HttpExchange ex) throws IOException {
        try {
            JsonNode b = body(ex);
            if (b.has("advance") == b.has("set")) throw new IllegalArgumentException("send either {\"advance\": \"PT2H\"} or {\"set\": \"2026-12-01T09:00:00Z\"}");
            int catchUp = b.path("catchUp").asInt(Scheduler.MAX_CATCH_UP);
            if (b.has("catchUp") && (!b.get("catchUp").isIntegralNumber() || catchUp < 1 || catchUp > Scheduler.MAX_CATCH_UP)) {
                throw new IllegalArgumentException("catchUp must be a whole number from 1 to " + Scheduler.MAX_CATCH_UP);
            }
            Instant target;
            if (b.has("advance")) {
                Duration d;
                try {
                    d = Duration.parse(b.get("advance").asText());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("advance must be an ISO-8601 duration such as PT2H or P1D");
                }
                if (d.isNegative()) throw new IllegalArgumentException("the clock only moves forward");
                target = stack.clock().get().plus(d);
            } else {
                try {
                    target = Instant.parse(b.get("set").asText());
                } catch (DateTimeParseException e) {
                    throw new IllegalArgumentException("set must be an ISO-8601 instant such as 2026-12-01T09:00:00Z");
                }
            }
            List<Map<String, Object>> fired;
            try {
                // the schedules fire on the way, each at its own time (Scheduler.moveClockTo)
                fired = stack.scheduler().moveClockTo(target, catchUp);
            } catch (IllegalArgumentException backwards) {
                LocalHttp.problem(ex, 409, "clock-backwards", "Conflict", backwards.getMessage());
                return;
            }
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("fired", fired);
            out.put("now", stack.clock().get().toString());
            LocalHttp.json(ex, 200, out);
        } catch (IllegalArgumentException e) {
            LocalHttp.problem(ex, 400, "bad-request", "Bad Request", e.getMessage());
        }
    }
}
