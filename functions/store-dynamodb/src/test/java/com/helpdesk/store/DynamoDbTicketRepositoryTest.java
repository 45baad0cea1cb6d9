package com.helpdesk.store;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.port.DuplicateRequestException;
import com.helpdesk.core.port.IdempotencyKey;
import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DynamoDbTicketRepositoryTest {
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("helpdesk");
    private static DynamoDbClient client;
    private static DynamoDbTicketRepository repo;
    private static final UlidGenerator ids = new UlidGenerator(Clock.systemUTC());
    private static Instant clock = Instant.parse("2026-11-22T08:00:00Z");

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        repo = new DynamoDbTicketRepository(client, "helpdesk");
    }

    private static synchronized Instant tick() {
        clock = clock.plusSeconds(7);
        return clock;
    }

    private static Ticket ticket(String subject, Status status, String assignee, List<String> tags, String email) {
        Instant now = tick();
        return Ticket.builder().id(ids.newId("tkt")).number(repo.allocateNumber()).subject(subject).status(status)
                .priority(Priority.NORMAL).channel(Channel.EMAIL)
                .requester(Requester.of("r", email, "+15551234567", "Jane", Map.of("shopify", "7001")))
                .assignee(assignee).tags(tags).createdAt(now).updatedAt(now).version(1).lastMessageAt(now).messageCount(1)
                .build();
    }

    private static Message message(Ticket t, String body) {
        return new Message(ids.newId("msg"), t.id(), new Actor(ActorType.CUSTOMER, "cus_1", "Jane", "jane@example.com"),
                Visibility.PUBLIC, body, "<p>" + body + "</p>", Channel.EMAIL, tick(),
                List.of(new Attachment("att_1", "photo.jpg", "image/jpeg", 12345, "cid-1")));
    }

    private static DomainEvent event(Ticket t, String type) {
        return new DomainEvent(ids.newId("evt"), type, t.id(), t.number(), t.updatedAt(), Actor.agent("alice"),
                Map.of("status", t.status().wire()));
    }

    private static Ticket created(String subject, Status status, String assignee, List<String> tags, String email) {
        Ticket t = ticket(subject, status, assignee, tags, email);
        repo.commit(TicketWrite.create(t, List.of(message(t, "first")), List.of(event(t, "TicketCreated"))));
        return t;
    }

    private static Ticket touch(Ticket t, java.util.function.UnaryOperator<Ticket.Builder> change) {
        Ticket next = change.apply(t.toBuilder()).updatedAt(tick()).version(t.version() + 1).build();
        repo.commit(new TicketWrite(t, next, List.of(), List.of(event(next, "StatusChanged"))));
        return next;
    }

    private static List<Map<String, AttributeValue>> collection(String ticketId) {
        return client.query(b -> b.tableName("helpdesk").keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TICKET#" + ticketId)))).items();
    }

    @Test
    void aTicketAndItsThreadRoundTripInOneQuery() {
        Ticket t = ticket("Where is my order?", Status.OPEN, "alice", List.of("wismo", "vip"), "jane@example.com");
        t = t.toBuilder().firstResponseAt(t.createdAt()).group("tier1").build();
        Message first = message(t, "first");
        repo.commit(TicketWrite.create(t, List.of(first), List.of(event(t, "TicketCreated"))));
        Message second = message(t, "second");
        Ticket next = t.toBuilder().version(2).messageCount(2).updatedAt(second.createdAt()).build();
        repo.commit(new TicketWrite(t, next, List.of(second), List.of(event(next, "MessageAdded"))));

        NoScanClient.OPERATIONS.clear();
        TicketThread thread = repo.find(t.id()).orElseThrow();
        assertThat(NoScanClient.OPERATIONS).containsExactly("Query");
        assertThat(thread.ticket()).isEqualTo(next);
        assertThat(thread.messages()).containsExactly(first, second);
        assertThat(repo.findIdByNumber(t.number())).contains(t.id());
        assertThat(repo.findIdByNumber(999_999)).isEmpty();
        assertThat(repo.find("tkt_missing")).isEmpty();
    }

    @Test
    void theClientGuardFailsAnyScan() {
        assertThatThrownBy(() -> client.scan(b -> b.tableName("helpdesk"))).hasMessageContaining("issued a Scan");
    }

    @Test
    void historyItemsCarryTheRelayContract() {
        // the history item is the outbox: one item per event, relayed from the stream, replayable by time
        Ticket t = created("Outbox", Status.NEW, null, List.of(), "outbox@example.com");
        assertThat(collection(t.id())).noneMatch(i -> i.get("type").s().equals("OutboxEvent"));
        Map<String, AttributeValue> outbox = collection(t.id()).stream()
                .filter(i -> i.get("type").s().equals("HistoryEntry")).findFirst().orElseThrow();
        assertThat(outbox.get("SK").s()).startsWith("HISTORY#");
        assertThat(outbox.get("detailType").s()).isEqualTo("TicketCreated");
        assertThat(outbox.get("source").s()).isEqualTo("helpdesk.tickets");
        assertThat(outbox.get("ticketId").s()).isEqualTo(t.id());
        assertThat(outbox).doesNotContainKey("expiresAt");
        assertThat(outbox.get("GSI1PK").s()).startsWith("OUTBOX#" + t.createdAt().toString().substring(0, 10) + "#");
        assertThat(outbox.get("detail").s()).contains("\"eventId\":\"" + outbox.get("eventId").s() + "\"")
                .contains("\"ticketNumber\":" + t.number()).contains("\"actor\":{\"type\":\"agent\"").contains("\"data\":{");
    }

    @Test
    void historyWrittenBeforeItBecameTheOutboxStillReadsInOrder() {
        Ticket t = created("Older history", Status.NEW, null, List.of(), "older@example.com");
        // the shape history items had when each event had an outbox item of its own as well
        client.putItem(b -> b.tableName("helpdesk").item(Map.of("PK", AttributeValue.fromS(Keys.ticketPk(t.id())),
                "SK", AttributeValue.fromS(Keys.historySk(0, 0, "evt_legacy")), "type", AttributeValue.fromS("HistoryEntry"),
                "eventId", AttributeValue.fromS("evt_legacy"), "action", AttributeValue.fromS("Imported"),
                "ticketId", AttributeValue.fromS(t.id()), "ticketNumber", AttributeValue.fromN(Long.toString(t.number())),
                "occurredAt", AttributeValue.fromS("2026-01-02T03:04:05.006Z"),
                "actor", AttributeValue.fromM(Map.of("type", AttributeValue.fromS("system"), "id", AttributeValue.fromS("import"))),
                "detail", AttributeValue.fromS("{\"from\":\"old desk\"}"))));
        var history = repo.history(t.id(), 10, null).entries();
        assertThat(history).extracting(DomainEvent::type).containsExactly("Imported", "TicketCreated");
        assertThat(history.get(0).detail()).containsEntry("from", "old desk");
        assertThat(history.get(0).actor()).isEqualTo(Actor.system("import"));
        assertThat(history.get(0).ticketNumber()).isEqualTo(t.number());
        assertThat(history.get(1).actor()).isEqualTo(Actor.agent("alice"));
        assertThat(history.get(1).ticketNumber()).isEqualTo(t.number());
    }

    @Test
    void aStaleWriteIsRefusedAndLeavesNothingBehind() {
        Ticket t = created("Locking", Status.NEW, null, List.of("a"), "lock@example.com");
        Ticket v2 = touch(t, b -> b.status(Status.OPEN));
        int before = collection(t.id()).size();
        Ticket stale = t.toBuilder().status(Status.PENDING).version(2).tags(List.of("b")).build();
        assertThatThrownBy(() -> repo.commit(new TicketWrite(t, stale, List.of(message(t, "lost")), List.of(event(t, "X")))))
                .isInstanceOf(VersionConflictException.class)
                .satisfies(e -> assertThat(((VersionConflictException) e).currentVersion()).isEqualTo(2));
        assertThat(collection(t.id())).hasSize(before);
        assertThat(repo.find(t.id()).orElseThrow().ticket()).isEqualTo(v2);
    }

    @Test
    void historyIsWrittenWithTheChangeAndAFailedWriteLeavesNeither() {
        Ticket t = created("History", Status.NEW, null, List.of(), "history@example.com");
        Ticket v2 = touch(t, b -> b.status(Status.OPEN));
        var history = repo.history(t.id(), 10, null);
        assertThat(history.entries()).extracting(DomainEvent::type).containsExactly("TicketCreated", "StatusChanged");
        assertThat(history.entries().get(0).actor()).isEqualTo(Actor.agent("alice"));
        assertThat(history.entries().get(1).detail()).containsEntry("status", "open");
        assertThat(history.nextCursor()).isNull();

        Ticket stale = t.toBuilder().status(Status.PENDING).version(2).updatedAt(tick()).build();
        assertThatThrownBy(() -> repo.commit(new TicketWrite(t, stale, List.of(), List.of(event(stale, "StatusChanged")))))
                .isInstanceOf(VersionConflictException.class);
        assertThat(repo.history(t.id(), 10, null).entries()).hasSize(2);
        assertThat(repo.find(t.id()).orElseThrow().ticket()).isEqualTo(v2);
    }

    @Test
    void historyPagesOldestFirstWithSignedCursors() {
        Ticket t = created("History pages", Status.NEW, null, List.of(), "pages@example.com");
        for (int i = 0; i < 6; i++) t = touch(t, b -> b.priority(Priority.HIGH));
        List<String> ids = new ArrayList<>();
        String cursor = null;
        do {
            var page = repo.history(t.id(), 3, cursor);
            page.entries().forEach(e -> ids.add(e.id()));
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(ids).hasSize(7).doesNotHaveDuplicates();
        String first = repo.history(t.id(), 3, null).nextCursor();
        String otherId = created("Other", Status.NEW, null, List.of(), "o@example.com").id();
        assertThatThrownBy(() -> repo.history(otherId, 3, first)).isInstanceOf(ValidationException.class);
    }

    @Test
    void aMultiTicketWriteIsAllOrNothingAndMergedThreadsReadAsOne() {
        Ticket target = created("Target", Status.OPEN, null, List.of(), "target@example.com");
        Ticket source = created("Source", Status.NEW, null, List.of(), "source@example.com");
        Ticket staleSource = source.toBuilder().version(5).build();
        Ticket mergedTarget = target.toBuilder().mergedFrom(List.of(source.id())).ccs(List.of("source@example.com"))
                .updatedAt(tick()).version(2).build();
        Ticket closedSource = staleSource.toBuilder().status(Status.CLOSED).mergedInto(target.id()).version(6).build();
        assertThatThrownBy(() -> repo.commitAll(List.of(
                new TicketWrite(target, mergedTarget, List.of(), List.of(event(mergedTarget, "Merged"))),
                new TicketWrite(staleSource, closedSource, List.of(), List.of(event(closedSource, "Merged"))))))
                .isInstanceOf(VersionConflictException.class).hasMessageContaining("#" + source.number());
        assertThat(repo.find(target.id()).orElseThrow().ticket()).isEqualTo(target);
        assertThat(repo.history(target.id(), 10, null).entries()).hasSize(1);

        Ticket closed = source.toBuilder().status(Status.CLOSED).mergedInto(target.id()).updatedAt(mergedTarget.updatedAt())
                .version(2).build();
        repo.commitAll(List.of(new TicketWrite(target, mergedTarget, List.of(), List.of(event(mergedTarget, "Merged"))),
                new TicketWrite(source, closed, List.of(), List.of(event(closed, "Merged")))));
        TicketThread thread = repo.find(target.id()).orElseThrow();
        assertThat(thread.ticket().mergedFrom()).containsExactly(source.id());
        assertThat(thread.messages()).extracting(Message::ticketId).containsExactly(target.id(), source.id());
        assertThat(repo.find(source.id()).orElseThrow().ticket().mergedInto()).isEqualTo(target.id());
        // the CC is an identity of the target now: the requester view finds it
        assertThat(repo.list(new TicketQuery(null, null, "source@example.com", null), 10, null).items())
                .extracting(Ticket::id).containsExactlyInAnyOrder(target.id(), source.id());
    }

    @Test
    void resolvedTicketsAreFoundByTheirResolutionTime() {
        Ticket old = created("Old", Status.NEW, null, List.of(), "old@example.com");
        Instant resolvedAt = tick();
        Ticket oldResolved = touch(old, b -> b.status(Status.RESOLVED).resolvedAt(resolvedAt));
        Instant cutoff = tick();
        Ticket fresh = created("Fresh", Status.NEW, null, List.of(), "fresh@example.com");
        Instant later = tick();
        touch(fresh, b -> b.status(Status.RESOLVED).resolvedAt(later));
        NoScanClient.OPERATIONS.clear();
        List<String> ids = repo.resolvedBefore(cutoff, 100, null).items().stream().map(Ticket::id).toList();
        assertThat(ids).contains(oldResolved.id()).doesNotContain(fresh.id());
        assertThat(NoScanClient.OPERATIONS).containsOnly("Query");
    }

    @Test
    void idempotencyKeysReturnTheFirstTicket() {
        Ticket first = ticket("Idem", Status.NEW, null, List.of(), "idem@example.com");
        IdempotencyKey key = new IdempotencyKey("alice", UUID.randomUUID().toString(), "fp-1");
        repo.commit(TicketWrite.create(first, List.of(), List.of()), key);
        Ticket second = ticket("Idem again", Status.NEW, null, List.of(), "idem@example.com");
        assertThatThrownBy(() -> repo.commit(TicketWrite.create(second, List.of(), List.of()), key))
                .isInstanceOf(DuplicateRequestException.class)
                .satisfies(e -> {
                    assertThat(((DuplicateRequestException) e).ticketId()).isEqualTo(first.id());
                    assertThat(((DuplicateRequestException) e).fingerprint()).isEqualTo("fp-1");
                });
        assertThat(repo.find(second.id())).isEmpty();
        assertThat(repo.findIdByNumber(second.number())).isEmpty();
    }

    @Test
    void numbersAreUniqueUnderConcurrency() throws Exception {
        Set<Long> numbers = java.util.concurrent.ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            Thread th = new Thread(() -> { for (int j = 0; j < 25; j++) numbers.add(repo.allocateNumber()); });
            threads.add(th);
            th.start();
        }
        for (Thread th : threads) th.join();
        assertThat(numbers).hasSize(100).allMatch(n -> n > 1000);
    }

    @Test
    void removedTagsAndIdentitiesLeaveTheirViews() {
        String tag = "gone-" + UUID.randomUUID().toString().substring(0, 6);
        Ticket t = created("Tags", Status.NEW, null, List.of(tag, "keep"), "tags-" + tag + "@example.com");
        assertThat(repo.list(new TicketQuery(null, null, null, tag), 10, null).items()).hasSize(1);
        Ticket next = touch(t, b -> b.tags(List.of("keep")).requester(Requester.of("r", "new-" + tag + "@example.com", null, null, null)));
        assertThat(repo.list(new TicketQuery(null, null, null, tag), 10, null).items()).isEmpty();
        assertThat(repo.list(new TicketQuery(null, null, "tags-" + tag + "@example.com", null), 10, null).items()).isEmpty();
        assertThat(repo.list(new TicketQuery(null, null, "new-" + tag + "@example.com", null), 10, null).items())
                .singleElement().isEqualTo(next);
        assertThat(collection(t.id())).filteredOn(i -> i.get("SK").s().startsWith("INDEX#"))
                .extracting(i -> i.get("SK").s())
                .containsExactlyInAnyOrder("INDEX#TAG#keep", "INDEX#REQUESTER#new-" + tag + "@example.com");
    }

    /** Pages through a view with a small limit and checks it against the expected order. */
    /** No index has a group key: the group filters the view the other filters pick (every ticket when alone), paged in order. */
    @Test
    void aGroupsQueuePagesThroughItsTicketsWhateverViewServesIt() {
        String run = UUID.randomUUID().toString().substring(0, 6);
        String group = "tier2-" + run, tag = "grouped-" + run, agent = "agent-" + run;
        List<Ticket> all = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            Ticket t = created("Group " + i, i % 2 == 0 ? Status.OPEN : Status.NEW, i % 3 == 0 ? agent : null, List.of(tag), "g" + i + "-" + run + "@example.com");
            all.add(i % 4 == 3 ? t : touch(t, b -> b.group(group)));
        }
        Predicate<Ticket> inGroup = t -> group.equals(t.group());
        assertPagesThrough(new TicketQuery(null, null, null, null, group), all, inGroup, 5);
        assertPagesThrough(new TicketQuery(Status.OPEN, null, null, null, group), all, t -> inGroup.test(t) && t.status() == Status.OPEN, 4);
        assertPagesThrough(new TicketQuery(null, agent, null, null, group), all, t -> inGroup.test(t) && agent.equals(t.assignee()), 3);
        assertPagesThrough(new TicketQuery(null, null, null, tag, group), all, inGroup, 7);
        assertThat(repo.list(new TicketQuery(null, null, null, tag, group.toUpperCase()), 10, null).items()).isEmpty();
    }

    private static void assertPagesThrough(TicketQuery q, List<Ticket> all, Predicate<Ticket> matches, int limit) {
        List<String> expected = all.stream().filter(matches)
                .sorted(Comparator.comparing(Ticket::updatedAt).reversed()).map(Ticket::id).toList();
        List<String> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            TicketPage page = repo.list(q, limit, cursor);
            assertThat(page.items().size()).isLessThanOrEqualTo(limit);
            page.items().forEach(t -> seen.add(t.id()));
            cursor = page.nextCursor();
            assertThat(++pages).as("pages for " + q).isLessThan(200);
        } while (cursor != null);
        assertThat(seen).as(q.toString()).containsExactlyElementsOf(expected);
    }

    @Test
    void everyViewPagesNewestUpdatedFirstWithoutGapsOrRepeats() {
        String tag = "view-" + UUID.randomUUID().toString().substring(0, 6);
        String agent = "agent-" + tag;
        String email = "view-" + tag + "@example.com";
        List<Ticket> all = new ArrayList<>();
        Status[] statuses = {Status.NEW, Status.OPEN, Status.PENDING, Status.RESOLVED};
        for (int i = 0; i < 64; i++) {
            List<String> tags = i % 3 == 0 ? List.of(tag) : List.of(tag, "other-" + tag);
            all.add(created("View " + i, statuses[i % 4], i % 5 == 0 ? null : agent, tags, i % 2 == 0 ? email : "x" + i + email));
        }
        // updates reorder the views
        for (int i = 0; i < 64; i += 9) all.set(i, touch(all.get(i), b -> b.priority(Priority.HIGH)));

        Predicate<Ticket> mine = t -> t.tags().contains(tag);
        assertPagesThrough(new TicketQuery(null, null, null, tag), all, mine, 5);
        assertPagesThrough(new TicketQuery(null, null, null, "other-" + tag), all, t -> t.tags().contains("other-" + tag), 7);
        assertPagesThrough(new TicketQuery(Status.OPEN, null, null, tag), all, t -> mine.test(t) && t.status() == Status.OPEN, 3);
        assertPagesThrough(new TicketQuery(null, agent, null, null), all, t -> agent.equals(t.assignee()), 4);
        assertPagesThrough(new TicketQuery(Status.PENDING, agent, null, null), all,
                t -> agent.equals(t.assignee()) && t.status() == Status.PENDING, 2);
        assertPagesThrough(new TicketQuery(null, TicketQuery.UNASSIGNED, null, tag), all, t -> mine.test(t) && t.assignee() == null, 3);
        assertPagesThrough(new TicketQuery(null, null, email, null), all, t -> email.equals(t.requester().email()), 6);
        assertPagesThrough(new TicketQuery(Status.RESOLVED, null, "+15551234567", tag), all,
                t -> mine.test(t) && t.status() == Status.RESOLVED, 4);

        // unfiltered and by-status views include every other test's tickets too: check order and completeness
        for (TicketQuery q : List.of(TicketQuery.all(), new TicketQuery(Status.NEW, null, null, null))) {
            List<Ticket> items = new ArrayList<>();
            String cursor = null;
            do {
                TicketPage p = repo.list(q, 9, cursor);
                items.addAll(p.items());
                cursor = p.nextCursor();
            } while (cursor != null);
            assertThat(items).extracting(Ticket::id).doesNotHaveDuplicates();
            assertThat(items).isSortedAccordingTo(Comparator.comparing(Ticket::updatedAt).reversed());
            Set<String> ids = new HashSet<>(items.stream().map(Ticket::id).toList());
            all.stream().filter(t -> q.status() == null || t.status() == q.status())
                    .forEach(t -> assertThat(ids).contains(t.id()));
        }
    }

    @Test
    void cursorsThatWereTamperedWithOrBelongElsewhereAreRefused() {
        String tag = "cur-" + UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 5; i++) created("Cursor " + i, Status.NEW, null, List.of(tag), "cursor@example.com");
        TicketQuery q = new TicketQuery(null, null, null, tag);
        String cursor = repo.list(q, 2, null).nextCursor();
        assertThat(cursor).isNotNull();
        char[] c = cursor.toCharArray();
        c[5] = c[5] == 'A' ? 'B' : 'A';
        for (String bad : List.of("garbage", "a.b", new String(c), cursor + "x", "." + cursor)) {
            assertThatThrownBy(() -> repo.list(q, 2, bad)).as(bad).isInstanceOf(ValidationException.class)
                    .hasMessageStartingWith("cursor: ");
        }
        assertThatThrownBy(() -> repo.list(new TicketQuery(null, null, null, tag + "x"), 2, cursor))
                .isInstanceOf(ValidationException.class).hasMessageContaining("different query");
        assertThatThrownBy(() -> repo.list(new TicketQuery(Status.NEW, null, null, tag), 2, cursor))
                .isInstanceOf(ValidationException.class);
        assertThat(repo.list(q, 2, cursor).items()).hasSize(2);
    }
}
