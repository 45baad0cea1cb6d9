package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static com.helpdesk.local.e2e.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 12, item 1: a change sent without If-Match is promised to apply to the latest version, so writers
 * racing on one ticket must not be refused. 50 public replies and 50 tag additions, all released at once
 * on the same ticket, through the API as agents send them: every one answered as applied, every reply
 * stored once, every tag on the ticket once, and one event for each on the bus.
 */
class ConcurrentWritesIT {
    private static final int REPLIES = 50;
    private static final int TAG_ADDITIONS = 50;
    /** A ticket holds at most 20 tags: the 50 additions name 20 tags, most of them added by more than one agent. */
    private static final int DISTINCT_TAGS = 20;
    private static LocalStackHarness stack;
    private static AgentApiClient agent;

    @BeforeAll
    static void start() {
        stack = LocalStackHarness.start();
        // the local stack runs at most 4 instances of a function, as a reserved concurrency would: the last of the
        // hundred writes waits for the ones before it, so each may take longer than one request alone
        agent = new AgentApiClient(stack.baseUrl(), stack.token("carol", "agent")).patient(Duration.ofSeconds(120));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void fiftyRepliesAndFiftyTagAdditionsWithoutIfMatchAllLandOnceEach() throws Exception {
        AgentApiClient.Reply created = agent.post("/tickets", "{\"subject\":\"Busy ticket\",\"requester\":{\"email\":\"busy@example.com\"},"
                + "\"channel\":\"phone\",\"message\":{\"body\":\"Customer called twice\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        String id = created.json().get("id").asText();

        List<Callable<AgentApiClient.Reply>> writes = new ArrayList<>();
        for (int i = 0; i < REPLIES; i++) {
            String body = "{\"body\":\"Concurrent reply " + i + "\",\"visibility\":\"public\"}";
            writes.add(() -> agent.post("/tickets/" + id + "/messages", body));
        }
        for (int i = 0; i < TAG_ADDITIONS; i++) {
            String body = "{\"addTags\":[\"burst-" + i % DISTINCT_TAGS + "\"]}";
            writes.add(() -> agent.patch("/tickets/" + id, body, null));
        }
        List<AgentApiClient.Reply> answers = releaseAtOnce(writes);

        Map<Integer, Integer> statuses = new TreeMap<>();
        answers.forEach(a -> statuses.merge(a.status(), 1, Integer::sum));
        System.out.println("concurrent writes without If-Match, answers by status: " + statuses);
        for (int i = 0; i < answers.size(); i++) {
            AgentApiClient.Reply a = answers.get(i);
            assertThat(a.status()).as("write %d: %s", i, a.body()).isEqualTo(i < REPLIES ? 201 : 200);
        }

        JsonNode ticket = agent.get("/tickets/" + id).json();
        for (int i = 0; i < REPLIES; i++) {
            String text = "Concurrent reply " + i;
            assertThat(ticket.get("messages").findValuesAsText("body").stream().filter(text::equals)).as(text).hasSize(1);
        }
        List<String> tags = new ArrayList<>();
        ticket.get("tags").forEach(t -> tags.add(t.asText()));
        List<String> expectedTags = new ArrayList<>();
        for (int i = 0; i < DISTINCT_TAGS; i++) expectedTags.add("burst-" + i);
        assertThat(tags).containsExactlyInAnyOrderElementsOf(expectedTags);

        // the store's own record, written in the same transaction as each change: one Tagged addition per tag
        assertThat(taggedAdditions(historyOf(id))).as("tags added according to the history").containsExactlyInAnyOrderElementsOf(expectedTags);

        // the bus gets the same events through the outbox relay, asynchronously and in no promised order: wait until
        // the last of them arrived (the Tagged events of the last writes may come after every MessageAdded), then
        // check that none came twice (a lost race retried never wrote twice)
        List<JsonNode> events = await(() -> eventsOf(id), e -> count(e, "MessageAdded") >= REPLIES + 1
                && new java.util.HashSet<>(taggedAdditions(e)).containsAll(expectedTags), "every MessageAdded and Tagged delivered");
        assertThat(count(events, "MessageAdded")).isEqualTo(REPLIES + 1);
        assertThat(taggedAdditions(events)).as("tags added according to the bus").containsExactlyInAnyOrderElementsOf(expectedTags);
    }

    /** The tags that the ticket's Tagged events (history entries or bus events) say were added. */
    private static List<String> taggedAdditions(List<JsonNode> events) {
        List<String> added = new ArrayList<>();
        for (JsonNode e : events) {
            boolean history = e.has("action");
            if (!"Tagged".equals((history ? e.get("action") : e.get("detail-type")).asText())) continue;
            JsonNode detail = history ? e.get("detail") : e.get("detail").get("data");
            detail.get("added").forEach(t -> added.add(t.asText()));
        }
        return added;
    }

    /** The ticket's whole audit history, page by page. */
    private static List<JsonNode> historyOf(String ticketId) {
        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            JsonNode page = agent.get("/tickets/" + ticketId + "/history?limit=500"
                    + (cursor == null ? "" : "&cursor=" + java.net.URLEncoder.encode(cursor, java.nio.charset.StandardCharsets.UTF_8))).json();
            page.get("items").forEach(entries::add);
            cursor = page.path("nextCursor").isTextual() ? page.get("nextCursor").asText() : null;
        } while (cursor != null);
        return entries;
    }

    /** Runs every write on a thread of its own, all waiting on one gate, so they reach the API together. */
    private static List<AgentApiClient.Reply> releaseAtOnce(List<Callable<AgentApiClient.Reply>> writes) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(writes.size());
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<AgentApiClient.Reply>> pending = new ArrayList<>();
            for (Callable<AgentApiClient.Reply> w : writes) {
                pending.add(threads.submit(() -> {
                    gate.await();
                    return w.call();
                }));
            }
            gate.countDown();
            List<AgentApiClient.Reply> answers = new ArrayList<>();
            for (Future<AgentApiClient.Reply> f : pending) answers.add(f.get());
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }

    /** The ticket's events on the bus, each once: the relay delivers at least once, a second write would have a new eventId. */
    private static List<JsonNode> eventsOf(String ticketId) {
        Map<String, JsonNode> byEventId = new java.util.LinkedHashMap<>();
        for (JsonNode e : agent.as(null).get("/_local/events").json()) {
            JsonNode detail = e.get("event").get("detail");
            if (ticketId.equals(detail.path("ticketId").asText())) byEventId.putIfAbsent(detail.path("eventId").asText(), e.get("event"));
        }
        return new ArrayList<>(byEventId.values());
    }

    private static long count(List<JsonNode> events, String type) {
        return events.stream().filter(e -> type.equals(e.get("detail-type").asText())).count();
    }
}
