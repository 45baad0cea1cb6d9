package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** The agents' API through the local or a deployed stack, over HTTP, as an agent would drive it. */
@Tag("deployable")
class TicketApiIT {
    private static HelpdeskDriver stack;
    private static AgentApiClient agent;

    @BeforeAll
    static void start() {
        stack = HelpdeskDriver.start();
        agent = stack.client(stack.token("alice", "agent"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static String newTicket(String subject, String tag) {
        return """
                {"subject": "%s", "requester": {"email": "jane@example.com", "name": "Jane Doe"},
                 "channel": "phone", "priority": "high", "tags": ["%s"],
                 "message": {"body": "Customer called: parcel not delivered"}}""".formatted(subject, tag);
    }

    private static JsonNode create(String subject, String tag) {
        AgentApiClient.Reply r = agent.post("/tickets", newTicket(subject, tag));
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        return r.json();
    }

    /**
     * The ticket's version once triage has classified it: triage tags a new ticket by its intent through the
     * bus (a change of its own), so a test that counts versions starts from the settled one.
     */
    private static long settledVersion(JsonNode ticket) {
        String path = "/tickets/" + ticket.get("id").asText();
        agent.awaitIntent(path);
        return Long.parseLong(agent.get(path).header("ETag").replace("\"", ""));
    }

    private static String etag(long version) {
        return "\"" + version + "\"";
    }

    private static void assertProblem(AgentApiClient.Reply r, int status) {
        assertThat(r.status()).as(r.body()).isEqualTo(status);
        assertThat(r.header("Content-Type")).startsWith("application/problem+json");
        JsonNode p = r.json();
        assertThat(p.get("status").asInt()).isEqualTo(status);
        assertThat(p.get("title").asText()).isNotBlank();
        assertThat(p.get("detail").asText()).isNotBlank();
        assertThat(r.body()).doesNotContain("Exception").doesNotContain("\tat ");
    }

    @Test
    void createReadAndTheLocationHeader() {
        AgentApiClient.Reply created = agent.post("/tickets", newTicket("Where is my order?", "wismo"));
        assertThat(created.status()).isEqualTo(201);
        JsonNode t = created.json();
        assertThat(t.get("id").asText()).startsWith("tkt_");
        assertThat(t.get("number").asLong()).isGreaterThan(1000);
        assertThat(t.get("status").asText()).isEqualTo("new");
        assertThat(t.get("requester").get("email").asText()).isEqualTo("jane@example.com");
        assertThat(t.get("messages").get(0).get("author").get("id").asText()).isEqualTo(stack.subject("alice", "agent"));
        assertThat(created.header("ETag")).isEqualTo("\"1\"");

        AgentApiClient.Reply read = agent.get(created.header("Location"));
        assertThat(read.status()).isEqualTo(200);
        // 1 until triage's classification (a version of its own) lands, which may already have happened
        assertThat(read.header("ETag")).isEqualTo(etag(read.json().get("version").asLong()));
        assertThat(read.json().get("subject").asText()).isEqualTo("Where is my order?");
        assertThat(agent.get("/tickets/" + t.get("number").asLong()).json().get("id")).isEqualTo(t.get("id"));
    }

    @Test
    void listPagesThroughEveryTicketOnceNewestUpdatedFirst() {
        String tag = "paging-" + UUID.randomUUID().toString().substring(0, 8);
        List<String> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) created.add(create("Paging " + i, tag).get("id").asText());
        // triage's tag is a change of each ticket, in the order triage gets to them: the list is paged once it is done
        created.forEach(id -> agent.awaitIntent("/tickets/" + id));
        // touching the oldest makes it the most recently updated
        assertThat(agent.patch("/tickets/" + created.get(0), "{\"priority\":\"urgent\"}", null).status()).isEqualTo(200);

        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            AgentApiClient.Reply page = agent.get("/tickets?tag=" + tag + "&limit=3" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(i -> seen.add(i.get("id").asText()));
            JsonNode next = page.json().get("nextCursor");
            cursor = next == null || next.isNull() ? null : next.asText();
            assertThat(++pages).isLessThan(20);
        } while (cursor != null);

        assertThat(seen).hasSize(7).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(created);
        assertThat(seen.get(0)).isEqualTo(created.get(0));
        // newest-updated first, as each ticket reads now (the view's key: updatedAt to the millisecond, then the id)
        List<String> newestFirst = created.stream().map(id -> agent.get("/tickets/" + id).json())
                .sorted(java.util.Comparator.comparing((JsonNode j) -> java.time.Instant.parse(j.get("updatedAt").asText())
                                .truncatedTo(java.time.temporal.ChronoUnit.MILLIS))
                        .thenComparing(j -> j.get("id").asText()).reversed())
                .map(j -> j.get("id").asText()).toList();
        assertThat(seen).containsExactlyElementsOf(newestFirst);

        AgentApiClient.Reply byStatus = agent.get("/tickets?status=new&limit=100");
        assertThat(byStatus.status()).isEqualTo(200);
        byStatus.json().get("items").forEach(i -> assertThat(i.get("status").asText()).isEqualTo("new"));
        AgentApiClient.Reply byRequester = agent.get("/tickets?requester=JANE@example.com&limit=5");
        assertThat(byRequester.json().get("items")).isNotEmpty();
    }

    @Test
    void updatesWithIfMatchRefuseStaleCopies() {
        JsonNode t = create("Damaged item", "damage");
        String path = "/tickets/" + t.get("id").asText();
        long v = settledVersion(t);

        AgentApiClient.Reply ok = agent.patch(path, "{\"status\":\"open\",\"assignee\":\"bob\",\"addTags\":[\"VIP\"]}", etag(v));
        assertThat(ok.status()).as(ok.body()).isEqualTo(200);
        assertThat(ok.header("ETag")).isEqualTo(etag(v + 1));
        assertThat(ok.json().get("tags")).extracting(JsonNode::asText).contains("vip", "damage");

        AgentApiClient.Reply stale = agent.patch(path, "{\"priority\":\"low\"}", etag(v));
        assertProblem(stale, 412);
        JsonNode after = agent.get(path).json();
        assertThat(after.get("priority").asText()).isEqualTo("high");
        assertThat(after.get("version").asLong()).isEqualTo(v + 1);

        AgentApiClient.Reply fresh = agent.patch(path, "{\"priority\":\"low\",\"assignee\":null,\"removeTags\":[\"vip\"]}", ok.header("ETag"));
        assertThat(fresh.status()).isEqualTo(200);
        assertThat(fresh.json().get("assignee").isNull()).isTrue();
        assertThat(fresh.json().get("priority").asText()).isEqualTo("low");
    }

    @Test
    void repliesAndInternalNotesAreThreaded() {
        JsonNode t = create("Refund status", "billing");
        String path = "/tickets/" + t.get("id").asText();
        AgentApiClient.Reply note = agent.post(path + "/messages", "{\"body\":\"Refund issued in Shopify\",\"visibility\":\"internal\"}");
        assertThat(note.status()).as(note.body()).isEqualTo(201);
        assertThat(note.json().get("status").asText()).isEqualTo("new");
        AgentApiClient.Reply reply = agent.post(path + "/messages", "{\"body\":\"Your refund is on its way\",\"visibility\":\"public\"}");
        assertThat(reply.status()).isEqualTo(201);
        JsonNode thread = agent.get(path).json();
        assertThat(thread.get("status").asText()).isEqualTo("open");
        assertThat(thread.get("messages")).extracting(m -> m.get("visibility").asText())
                .containsExactly("public", "internal", "public");
        assertThat(thread.get("firstResponseAt").isNull()).isFalse();
    }

    @Test
    void everyKindOfBadInputIsAProblemAndChangesNothing() {
        JsonNode t = create("Bad input target", "bad-input");
        String path = "/tickets/" + t.get("id").asText();
        agent.awaitIntent(path); // triage's own change of the ticket, through the bus, is not one of the requests below
        String before = withoutClocks(agent.get(path).body());

        assertProblem(agent.post("/tickets", "{\"subject\": "), 400);
        assertProblem(agent.post("/tickets", "{\"subject\": 5, \"requester\": {\"email\": \"a@b.co\"}, \"channel\": \"phone\", \"message\": {\"body\": \"x\"}}"), 400);
        assertProblem(agent.post("/tickets", newTicket("x", "y").replace("\"phone\"", "\"fax\"")), 400);
        assertProblem(agent.patch(path, "{\"priority\":\"whenever\"}", null), 400);
        assertProblem(agent.patch(path, "{\"tags\":[\"x\"]}", null), 400);
        assertProblem(agent.patch(path, "{\"status\":\"closed\"}", "W/\"1\""), 412);
        assertProblem(agent.post(path + "/messages", "{\"body\":\"hi\",\"visibility\":\"secret\"}"), 400);
        assertProblem(agent.post(path + "/messages", "{\"body\":\"\",\"visibility\":\"public\"}"), 400);
        assertProblem(agent.get("/tickets/tkt_00000000000000000000000000"), 404);
        assertProblem(agent.get("/tickets/999999"), 404);
        assertProblem(agent.patch("/tickets/tkt_00000000000000000000000000", "{\"priority\":\"low\"}", null), 404);
        assertProblem(agent.get("/tickets?limit=0"), 400);
        assertProblem(agent.get("/tickets?limit=abc"), 400);
        assertProblem(agent.get("/tickets?status=sleeping"), 400);
        assertProblem(agent.send("POST", "/tickets", "x".repeat(300 * 1024), Map.of()), 413);
        assertProblem(agent.send("POST", "/tickets", newTicket("a", "b"), Map.of("Content-Type", "text/plain")), 415);

        // cursors: garbage, tampered, and one that belongs to another query
        for (int i = 0; i < 3; i++) create("Cursor " + i, "cursor-a");
        String cursor = agent.get("/tickets?tag=cursor-a&limit=1").json().get("nextCursor").asText();
        assertProblem(agent.get("/tickets?tag=cursor-a&limit=1&cursor=garbage"), 400);
        byte[] raw = cursor.getBytes(StandardCharsets.US_ASCII);
        raw[3] = (byte) (raw[3] == 'A' ? 'B' : 'A');
        assertProblem(agent.get("/tickets?tag=cursor-a&limit=1&cursor=" + new String(raw, StandardCharsets.US_ASCII)), 400);
        assertProblem(agent.get("/tickets?tag=other&limit=1&cursor=" + cursor), 400);

        // illegal status move: close, then try to reopen
        assertThat(agent.patch(path, "{\"status\":\"resolved\"}", null).status()).isEqualTo(200);
        assertProblem(agent.patch(path, "{\"status\":\"new\"}", null), 409);
        String resolved = withoutClocks(agent.get(path).body());

        // tokens: none, garbage, forged signature, wrong role
        assertProblem(agent.as(null).get("/tickets"), 401);
        assertProblem(agent.as("not-a-jwt").get("/tickets"), 401);
        String[] parts = stack.token("mallory", "agent").split("\\.");
        String forgedClaims = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "{\"sub\":\"mallory\",\"role\":\"admin\"}".getBytes(StandardCharsets.UTF_8));
        assertProblem(agent.as(parts[0] + "." + forgedClaims + "." + parts[2]).get("/tickets"), 401);
        assertProblem(agent.as(null).patch(path, "{\"status\":\"open\"}", null), 401);
        assertProblem(agent.as(stack.token("bot", "integration")).get("/tickets"), 403);

        assertThat(withoutClocks(agent.get(path).body())).isEqualTo(resolved);
        assertThat(before).isNotEqualTo(resolved); // only the deliberate resolve changed it
    }

    @Test
    void idempotentCreatesDoNotDuplicate() {
        String key = UUID.randomUUID().toString();
        String body = newTicket("Charged twice", "billing");
        AgentApiClient.Reply first = agent.send("POST", "/tickets", body, Map.of("Idempotency-Key", key));
        AgentApiClient.Reply retry = agent.send("POST", "/tickets", body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.json().get("id")).isEqualTo(first.json().get("id"));
        assertThat(retry.header("Idempotent-Replayed")).isEqualTo("true");
        assertProblem(agent.send("POST", "/tickets", newTicket("Other", "billing"), Map.of("Idempotency-Key", key)), 422);
    }

    @Test
    void escalationIsRecordedInTheHistoryWithWhoWhenWhatAndWhy() {
        JsonNode t = create("Chargeback threat", "billing");
        String path = "/tickets/" + t.get("id").asText();
        long v = settledVersion(t);
        assertThat(agent.patch(path, "{\"assignee\":\"bob\"}", etag(v)).status()).isEqualTo(200);
        assertProblem(agent.send("POST", path + "/escalate", "{\"reason\":\"x\"}", Map.of("If-Match", etag(v))), 412);
        assertProblem(agent.post(path + "/escalate", "{}"), 400);

        AgentApiClient.Reply escalated = agent.send("POST", path + "/escalate",
                "{\"reason\":\"Customer threatens a chargeback\"}", Map.of("If-Match", etag(v + 1)));
        assertThat(escalated.status()).as(escalated.body()).isEqualTo(200);
        assertThat(escalated.header("ETag")).isEqualTo(etag(v + 2));
        JsonNode e = escalated.json();
        assertThat(e.get("escalationLevel").asInt()).isEqualTo(1);
        assertThat(e.get("priority").asText()).isEqualTo("urgent"); // it was high: one step up
        assertThat(e.get("group").asText()).isEqualTo("escalations");
        assertThat(e.get("assignee").isNull()).isTrue();

        List<JsonNode> entries = new ArrayList<>();
        String cursor = null;
        do {
            AgentApiClient.Reply page = agent.get(path + "/history?limit=2" + (cursor == null ? "" : "&cursor=" + cursor));
            assertThat(page.status()).as(page.body()).isEqualTo(200);
            page.json().get("items").forEach(entries::add);
            cursor = page.json().get("nextCursor").isNull() ? null : page.json().get("nextCursor").asText();
        } while (cursor != null);
        // triage's classification is a change of the ticket too, by its own actor (with its tag when the model is sure
        // enough, which depends on the model); every other entry is the agent's
        List<JsonNode> byTriage = entries.stream().filter(x -> x.get("actor").get("id").asText().equals("triage")).toList();
        List<JsonNode> byAgent = entries.stream().filter(x -> !x.get("actor").get("id").asText().equals("triage")).toList();
        assertThat(entries.get(2).get("action").asText()).isEqualTo("IntentClassified");
        assertThat(byTriage).extracting(x -> x.get("action").asText()).first().isEqualTo("IntentClassified");
        assertThat(byTriage).extracting(x -> x.get("action").asText()).isSubsetOf("IntentClassified", "Tagged");
        assertThat(byAgent).extracting(x -> x.get("action").asText())
                .containsExactly("TicketCreated", "MessageAdded", "Assigned", "StatusChanged",
                        "Escalated", "PriorityChanged", "Assigned", "TicketUpdated");
        assertThat(byAgent).allSatisfy(x -> {
            assertThat(x.get("actor").get("id").asText()).isEqualTo("alice");
            assertThat(x.get("at").asText()).isNotBlank();
        });
        JsonNode priority = byAgent.get(5);
        assertThat(priority.get("field").asText()).isEqualTo("priority");
        assertThat(priority.get("from").asText()).isEqualTo("high");
        assertThat(priority.get("to").asText()).isEqualTo("urgent");
        assertThat(priority.get("reason").asText()).isEqualTo("escalated: Customer threatens a chargeback");
        assertProblem(agent.get("/tickets/tkt_00000000000000000000000000/history"), 404);
        assertProblem(agent.get(path + "/history?cursor=forged"), 400);
    }

    @Test
    void mergeFoldsTicketsIntoOneAndLinksConnectBothSides() {
        JsonNode target = create("Order 1001 missing", "wismo");
        AgentApiClient.Reply dup = agent.post("/tickets", """
                {"subject": "Where is my parcel", "requester": {"email": "jane.work@example.com"},
                 "channel": "email", "tags": ["vip"], "message": {"body": "Written from my work address"}}""");
        JsonNode source = dup.json();
        String targetPath = "/tickets/" + target.get("id").asText();
        long targetVersion = settledVersion(target);
        settledVersion(source);

        assertProblem(agent.send("POST", targetPath + "/merge", "{\"ticketIds\":[\"" + source.get("id").asText() + "\"]}",
                Map.of("If-Match", "\"9\"")), 412);
        assertProblem(agent.post(targetPath + "/merge", "{\"ticketIds\":[\"" + target.get("number").asText() + "\"]}"), 409);
        assertProblem(agent.post(targetPath + "/merge", "{\"ticketIds\":[]}"), 400);
        assertProblem(agent.post(targetPath + "/merge", "{\"ticketIds\":[\"999999\"]}"), 404);

        AgentApiClient.Reply merged = agent.send("POST", targetPath + "/merge",
                "{\"ticketIds\":[\"" + source.get("number").asText() + "\"]}", Map.of("If-Match", etag(targetVersion)));
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        JsonNode m = merged.json();
        assertThat(m.get("mergedFrom").get(0).asText()).isEqualTo(source.get("id").asText());
        assertThat(m.get("ccs").toString()).contains("jane.work@example.com");
        assertThat(m.get("tags").toString()).contains("vip", "wismo");
        assertThat(m.get("messages")).extracting(x -> x.get("body").asText())
                .containsExactly("Customer called: parcel not delivered", "Written from my work address");

        JsonNode closed = agent.get("/tickets/" + source.get("id").asText()).json();
        assertThat(closed.get("status").asText()).isEqualTo("closed");
        assertThat(closed.get("mergedInto").asText()).isEqualTo(target.get("id").asText());
        assertProblem(agent.post(targetPath + "/merge", "{\"ticketIds\":[\"" + source.get("id").asText() + "\"]}"), 409);
        assertProblem(agent.post("/tickets/" + source.get("id").asText() + "/messages", "{\"body\":\"x\",\"visibility\":\"public\"}"), 409);
        assertThat(agent.get(targetPath + "/history").body()).contains("\"action\":\"Merged\"");

        JsonNode related = create("Related", "wismo");
        AgentApiClient.Reply linked = agent.post(targetPath + "/links", "{\"ticketId\":\"" + related.get("number").asText() + "\"}");
        assertThat(linked.status()).as(linked.body()).isEqualTo(200);
        assertThat(linked.json().get("linkedTicketIds").get(0).asText()).isEqualTo(related.get("id").asText());
        assertThat(agent.get("/tickets/" + related.get("id").asText()).json().get("linkedTicketIds").get(0).asText())
                .isEqualTo(target.get("id").asText());
        assertProblem(agent.post(targetPath + "/links", "{\"ticketId\":\"" + target.get("id").asText() + "\"}"), 400);
        AgentApiClient.Reply unlinked = agent.send("DELETE", targetPath + "/links/" + related.get("id").asText(), null, Map.of());
        assertThat(unlinked.status()).isEqualTo(200);
        assertThat(unlinked.json().get("linkedTicketIds")).isEmpty();
    }

    @Test
    void bulkUpdatesReportEveryTicketsOutcome() {
        JsonNode a = create("Spam 1", "bulk");
        JsonNode b = create("Spam 2", "bulk");
        JsonNode c = create("Already closed", "bulk");
        assertThat(agent.patch("/tickets/" + c.get("id").asText(), "{\"status\":\"closed\"}", null).status()).isEqualTo(200);
        String body = "{\"ticketIds\":[\"" + a.get("id").asText() + "\",\"" + b.get("number").asText() + "\",\""
                + c.get("id").asText() + "\",\"999999\"],\"changes\":{\"status\":\"closed\",\"addTags\":[\"spam\"]}}";
        AgentApiClient.Reply r = agent.post("/tickets/bulk", body);
        assertThat(r.status()).as(r.body()).isEqualTo(200);
        JsonNode out = r.json();
        assertThat(out.get("succeeded").asInt()).isEqualTo(2);
        assertThat(out.get("failed").asInt()).isEqualTo(2);
        assertThat(out.get("results")).extracting(x -> x.get("status").asInt()).containsExactly(200, 200, 409, 404);
        assertThat(out.get("results").get(2).get("problem").get("detail").asText()).contains("closed");
        assertThat(agent.get("/tickets/" + a.get("id").asText()).json().get("tags").toString()).contains("spam");
        assertProblem(agent.post("/tickets/bulk", "{\"ticketIds\":[\"1\"],\"changes\":{\"status\":\"sleeping\"}}"), 400);
        assertProblem(agent.post("/tickets/bulk", "{\"ticketIds\":[\"1\"],\"changes\":{}}"), 400);
    }

    @Test
    void splitMovesMessagesIntoAChildTicket() {
        JsonNode parent = create("Two problems", "split");
        String path = "/tickets/" + parent.get("id").asText();
        long v = settledVersion(parent);
        JsonNode withReply = agent.post(path + "/messages", "{\"body\":\"About the refund: issued\",\"visibility\":\"public\"}").json();
        String moving = withReply.get("messages").get(1).get("id").asText();

        assertProblem(agent.send("POST", path + "/split", "{\"messageIds\":[\"" + moving + "\"]}", Map.of("If-Match", etag(v))), 412);
        assertProblem(agent.post(path + "/split", "{\"messageIds\":[\"msg_unknown\"]}"), 400);
        AgentApiClient.Reply split = agent.send("POST", path + "/split",
                "{\"messageIds\":[\"" + moving + "\"],\"subject\":\"Refund\"}", Map.of("If-Match", etag(v + 1)));
        assertThat(split.status()).as(split.body()).isEqualTo(201);
        JsonNode child = split.json();
        assertThat(split.header("Location")).isEqualTo("/tickets/" + child.get("id").asText());
        assertThat(child.get("parentId").asText()).isEqualTo(parent.get("id").asText());
        assertThat(child.get("subject").asText()).isEqualTo("Refund");
        assertThat(child.get("messages")).extracting(m -> m.get("id").asText()).containsExactly(moving);
        JsonNode after = agent.get(path).json();
        assertThat(after.get("childIds").get(0).asText()).isEqualTo(child.get("id").asText());
        assertThat(after.get("messages")).extracting(m -> m.get("id").asText()).doesNotContain(moving).hasSize(1);
        String last = after.get("messages").get(0).get("id").asText();
        assertProblem(agent.post(path + "/split", "{\"messageIds\":[\"" + last + "\"]}"), 409);
    }

    @Test
    void theOpenApiDescriptionIsServed() {
        AgentApiClient.Reply r = agent.get("/openapi.yaml");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.body()).startsWith("openapi: 3.1").contains("/tickets/{id}/messages:");
    }

    @Test
    void anEventBridgeOutageAfterTheWriteLosesNoEvent() throws Exception {
        stack.assume(HelpdeskDriver.Capability.FAULTS);
        assertThat(agent.send("POST", "/_local/faults", "{\"service\":\"eventbridge\",\"failNext\":4}", Map.of()).status()).isEqualTo(200);
        String id = create("During an outage", "outage").get("id").asText();
        assertThat(agent.patch("/tickets/" + id, "{\"priority\":\"low\"}", null).status()).isEqualTo(200);
        // Only the changes this test made are counted: triage's classification of the new ticket reaches the bus too,
        // sooner or later than these depending on how long the relay retries.
        Set<String> caused = Set.of("TicketCreated", "MessageAdded", "PriorityChanged");
        List<String> eventIds = new ArrayList<>();
        List<String> types = new ArrayList<>();
        long deadline = System.currentTimeMillis() + 60_000;
        while (System.currentTimeMillis() < deadline && !types.containsAll(caused)) {
            types.clear();
            eventIds.clear();
            for (JsonNode e : agent.get("/_local/events").json()) {
                JsonNode detail = e.get("event").get("detail");
                String type = e.get("event").get("detail-type").asText();
                if (detail.path("ticketId").asText().equals(id)) {
                    eventIds.add(detail.get("eventId").asText());
                    if (caused.contains(type)) {
                        types.add(type);
                    }
                }
            }
            Thread.sleep(200);
        }
        assertThat(types).containsExactlyInAnyOrderElementsOf(caused);
        assertThat(eventIds).doesNotHaveDuplicates();
        assertProblem(agent.send("POST", "/_local/faults", "{\"service\":\"s3\",\"failNext\":1}", Map.of()), 400);
    }

    @Test
    void changesReachTheEventBusThroughTheOutbox() throws Exception {
        String id = create("Events", "events").get("id").asText();
        agent.patch("/tickets/" + id, "{\"status\":\"pending\"}", null);
        Set<String> types = new HashSet<>();
        long deadline = System.currentTimeMillis() + 15_000;
        while (System.currentTimeMillis() < deadline && !types.containsAll(Set.of("TicketCreated", "MessageAdded", "StatusChanged"))) {
            types.clear();
            for (HelpdeskDriver.PublishedEvent e : stack.publishedEvents()) {
                if (e.detail().path("ticketId").asText().equals(id)) {
                    types.add(e.detailType());
                    if (stack.supports(HelpdeskDriver.Capability.RULE_MATCHES)) {
                        assertThat(String.join(",", e.matchedRules())).contains("TicketActivityLogRule");
                    }
                }
            }
            Thread.sleep(200);
        }
        assertThat(types).contains("TicketCreated", "MessageAdded", "StatusChanged");
    }

    /** The ticket without its SLA clocks: they start a moment after the ticket (through the bus) and `remaining` moves with time alone. */
    private static String withoutClocks(String ticketJson) {
        try {
            com.fasterxml.jackson.databind.node.ObjectNode t = (com.fasterxml.jackson.databind.node.ObjectNode)
                    new com.fasterxml.jackson.databind.ObjectMapper().readTree(ticketJson);
            t.remove("sla");
            return t.toString();
        } catch (java.io.IOException e) {
            throw new AssertionError("not a ticket: " + ticketJson, e);
        }
    }
}
