package com.helpdesk.local.bus;

import com.helpdesk.local.Pause;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.local.lambda.FunctionError;
import com.helpdesk.local.lambda.FunctionInvoker;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.event.ruler.Machine;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * EventBridge on this machine: PutEvents over the AWS JSON protocol (what the SDK's EventBridgeClient
 * speaks), rule patterns matched by AWS's own Event Ruler, delivery to the rules' targets with retries,
 * and a log of every event with the rules it matched (GET /_local/events).
 */
public final class EventBusEmulator implements HttpHandler, AutoCloseable {
    static final int MAX_ENTRIES = 10;
    static final int MAX_REQUEST_BYTES = 256 * 1024;
    private static final int LOG_LIMIT = 10_000;
    private static final int DELIVERY_ATTEMPTS = 3;

    private final ObjectMapper json = new ObjectMapper();
    private final Supplier<Instant> clock;
    private final FunctionInvoker functions;
    private final SqsClient sqs;
    private final String account;
    private final String region;
    private final Set<String> buses = new LinkedHashSet<>(List.of("default"));
    private final Map<String, Machine> machines = new LinkedHashMap<>();
    private final Map<String, BusRule> rules = new LinkedHashMap<>();
    private final Deque<Map<String, Object>> log = new ArrayDeque<>();
    private final java.util.concurrent.atomic.AtomicInteger failNext = new java.util.concurrent.atomic.AtomicInteger();
    private final ExecutorService delivery = Executors.newFixedThreadPool(2, r -> {
        Thread t = new Thread(r, "local-bus-delivery");
        t.setDaemon(true);
        return t;
    });

    public EventBusEmulator(Supplier<Instant> clock, FunctionInvoker functions, SqsClient sqs, String account, String region) {
        this.clock = clock;
        this.functions = functions;
        this.sqs = sqs;
        this.account = account;
        this.region = region;
    }

    /** Fault injection: the next {@code n} PutEvents calls fail as EventBridge does when it is unavailable. */
    public void failNextPutEvents(int n) {
        failNext.set(Math.max(0, n));
    }

    public synchronized void addBus(String name) {
        buses.add(name);
    }

    public synchronized void addRule(BusRule rule) {
        buses.add(rule.bus());
        try {
            machines.computeIfAbsent(rule.bus(), b -> new Machine()).addRule(rule.name(), rule.patternJson());
        } catch (Exception e) {
            throw new IllegalArgumentException("rule " + rule.name() + " has an invalid event pattern: " + e.getMessage(), e);
        }
        rules.put(rule.name(), rule);
    }

    public synchronized List<BusRule> rules() {
        return List.copyOf(rules.values());
    }

    /** Every event put on any bus, oldest first, with the rules it matched and how delivery went. */
    public List<Map<String, Object>> log() {
        synchronized (log) {
            List<Map<String, Object>> out = new ArrayList<>();
            for (Map<String, Object> e : log) {
                Map<String, Object> copy = new LinkedHashMap<>(e);
                @SuppressWarnings("unchecked")
                List<Object> deliveries = (List<Object>) e.get("deliveries");
                synchronized (deliveries) {
                    copy.put("deliveries", new ArrayList<>(deliveries));
                }
                out.add(copy);
            }
            return out;
        }
    }

    /** PutEvents semantics: each entry is accepted (its event id) or refused (error code and message). */
    public List<Map<String, String>> putEvents(JsonNode entries) {
        List<Map<String, String>> results = new ArrayList<>();
        for (JsonNode entry : entries) {
            Map<String, String> r = new LinkedHashMap<>();
            String refusal = validate(entry);
            if (refusal != null) {
                r.put("ErrorCode", refusal.startsWith("bus") ? "ResourceNotFoundException" : "MalformedDetail");
                r.put("ErrorMessage", refusal);
            } else {
                r.put("EventId", accept(entry));
            }
            results.add(r);
        }
        return results;
    }

    private String validate(JsonNode entry) {
        for (String field : List.of("Source", "DetailType", "Detail")) {
            if (!entry.hasNonNull(field) || entry.get(field).asText().isBlank()) return field + " is required";
        }
        try {
            JsonNode detail = json.readTree(entry.get("Detail").asText());
            if (detail == null || !detail.isObject()) return "Detail must be a JSON object";
        } catch (IOException e) {
            return "Detail is not valid JSON";
        }
        String bus = busName(entry);
        synchronized (this) {
            if (!buses.contains(bus)) return "bus " + bus + " does not exist";
        }
        return null;
    }

    private String busName(JsonNode entry) {
        return busName(entry.hasNonNull("EventBusName") ? entry.get("EventBusName").asText() : null);
    }

    /** A bus named by name or by ARN (as PutEvents and rules allow); absent means the default bus. */
    public static String busName(String nameOrArn) {
        if (nameOrArn == null) return "default";
        int slash = nameOrArn.lastIndexOf('/');
        return nameOrArn.startsWith("arn:") && slash >= 0 ? nameOrArn.substring(slash + 1) : nameOrArn;
    }

    private String accept(JsonNode entry) {
        String id = UUID.randomUUID().toString();
        String bus = busName(entry);
        ObjectNode event = json.createObjectNode();
        event.put("version", "0");
        event.put("id", id);
        event.put("detail-type", entry.get("DetailType").asText());
        event.put("source", entry.get("Source").asText());
        event.put("account", account);
        Instant time = clock.get();
        if (entry.hasNonNull("Time")) {
            JsonNode t = entry.get("Time");
            time = t.isNumber() ? Instant.ofEpochMilli((long) (t.asDouble() * 1000)) : Instant.parse(t.asText());
        }
        event.put("time", time.truncatedTo(ChronoUnit.SECONDS).toString());
        event.put("region", region);
        ArrayNode resources = event.putArray("resources");
        if (entry.has("Resources")) entry.get("Resources").forEach(resources::add);
        try {
            event.set("detail", json.readTree(entry.get("Detail").asText()));
        } catch (IOException e) {
            throw new IllegalStateException(e); // validated before
        }
        publish(bus, event);
        return id;
    }

    /** Matches an event against the bus's rules, logs it and hands it to the rules' targets. */
    public void publish(String bus, ObjectNode event) {
        String text = event.toString();
        List<String> matched;
        synchronized (this) {
            Machine m = machines.get(bus);
            try {
                matched = m == null ? List.of() : new ArrayList<>(new java.util.TreeSet<>(m.rulesForJSONEvent(text)));
            } catch (Exception e) {
                matched = List.of();
            }
        }
        List<Object> deliveries = Collections.synchronizedList(new ArrayList<>());
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("bus", bus);
        entry.put("receivedAt", clock.get().toString());
        entry.put("event", json.convertValue(event, Map.class));
        entry.put("matchedRules", matched);
        entry.put("deliveries", deliveries);
        synchronized (log) {
            log.addLast(entry);
            while (log.size() > LOG_LIMIT) log.removeFirst();
        }
        for (String name : matched) {
            BusRule rule;
            synchronized (this) {
                rule = rules.get(name);
            }
            for (BusRule.Target target : rule.targets()) {
                delivery.submit(() -> deliver(rule, target, text, deliveries));
            }
        }
    }

    private void deliver(BusRule rule, BusRule.Target target, String eventJson, List<Object> deliveries) {
        String input = target.inputJson() != null ? target.inputJson() : eventJson;
        String error = null;
        for (int attempt = 1; attempt <= DELIVERY_ATTEMPTS; attempt++) {
            try {
                switch (target.kind()) {
                    case LAMBDA -> functions.invoke(target.ref(), input);
                    case SQS -> sqs.sendMessage(b -> {
                        b.queueUrl(target.ref()).messageBody(input);
                        if (target.ref().endsWith(".fifo")) b.messageGroupId(rule.name()).messageDeduplicationId(UUID.randomUUID().toString());
                    });
                    case LOGS, OTHER -> { /* recorded only: the log is this event log */ }
                }
                error = null;
                break;
            } catch (FunctionError | RuntimeException e) {
                error = e.getMessage();
                Pause.millis(200L * attempt);
            }
        }
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("rule", rule.name());
        d.put("target", target.id());
        d.put("kind", target.kind().name().toLowerCase());
        d.put("status", error == null ? "delivered" : "failed");
        if (error != null) d.put("error", error);
        deliveries.add(d);
    }

    /** The AWS JSON 1.1 endpoint (X-Amz-Target: AWSEvents.PutEvents). */
    @Override
    public void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
            byte[] body;
            try (InputStream in = ex.getRequestBody()) {
                body = in.readNBytes(MAX_REQUEST_BYTES + 1);
            }
            if (failNext.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
                awsError(ex, 500, "InternalException", "injected failure (POST /_local/faults)");
                return;
            }
            if (!"AWSEvents.PutEvents".equals(target)) {
                awsError(ex, 400, "UnknownOperationException", "the local bus supports PutEvents only, not " + target);
                return;
            }
            if (body.length > MAX_REQUEST_BYTES) {
                awsError(ex, 400, "ValidationException", "total size of the entries exceeds 256 KB");
                return;
            }
            JsonNode request;
            try {
                request = json.readTree(body);
            } catch (IOException e) {
                awsError(ex, 400, "SerializationException", "request is not valid JSON");
                return;
            }
            JsonNode entries = request == null ? null : request.get("Entries");
            if (entries == null || !entries.isArray() || entries.isEmpty() || entries.size() > MAX_ENTRIES) {
                awsError(ex, 400, "ValidationException", "Entries must hold 1 to " + MAX_ENTRIES + " entries");
                return;
            }
            List<Map<String, String>> results = putEvents(entries);
            Map<String, Object> response = new LinkedHashMap<>();
            response.put("FailedEntryCount", results.stream().filter(r -> r.containsKey("ErrorCode")).count());
            response.put("Entries", results);
            write(ex, 200, json.writeValueAsBytes(response));
        }
    }

    private void awsError(HttpExchange ex, int status, String type, String message) throws IOException {
        write(ex, status, json.writeValueAsBytes(Map.of("__type", type, "message", message)));
    }

    private static void write(HttpExchange ex, int status, byte[] body) throws IOException {
        ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.1");
        ex.sendResponseHeaders(status, body.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(body);
        }
    }


    @Override
    public void close() {
        delivery.shutdown();
        try {
            delivery.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

}
