package com.helpdesk.store;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboxTimelineTest {
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("helpdesk");
    private static DynamoDbClient client;
    private static DynamoDbTicketRepository repo;
    private static OutboxTimeline timeline;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        repo = new DynamoDbTicketRepository(client, "helpdesk");
        timeline = new OutboxTimeline(client, "helpdesk");
    }

    /** A ticket created at {@code at}, with one TicketCreated event in the outbox. */
    private static String eventAt(Instant at, String type) {
        String id = "tkt_" + at.toEpochMilli() + type;
        Ticket t = Ticket.builder().id(id).number(repo.allocateNumber()).subject("s").status(Status.NEW).priority(Priority.NORMAL)
                .channel(Channel.EMAIL).requester(Requester.of("r", "r@example.com", null, "R", Map.of())).tags(List.of())
                .createdAt(at).updatedAt(at).version(1).lastMessageAt(at).messageCount(0).build();
        String eventId = "evt_" + id;
        repo.commit(TicketWrite.create(t, List.of(), List.of(new DomainEvent(eventId, type, id, t.number(), at, Actor.agent("a"),
                Map.of("status", "new")))));
        return eventId;
    }

    private static List<OutboxTimeline.StoredEvent> read(Instant from, Instant to, String type) {
        List<OutboxTimeline.StoredEvent> out = new ArrayList<>();
        for (OutboxTimeline.Partition p : OutboxTimeline.partitions(from, to)) timeline.read(p, from, to, type, out::addAll);
        return out;
    }

    @Test
    void aRangeReturnsTheEventsWithinItAcrossDaysAndShardsHalfOpenAndByQueryOnly() {
        Instant base = Instant.parse("2026-03-09T23:59:59.500Z");
        String before = eventAt(base.minusSeconds(60), "TicketCreated");
        String atStart = eventAt(base, "TicketCreated");
        String nextDay = eventAt(base.plusSeconds(3600), "StatusChanged");
        String atEnd = eventAt(base.plusSeconds(7200), "TicketCreated");

        NoScanClient.OPERATIONS.clear();
        List<OutboxTimeline.StoredEvent> events = read(base, base.plusSeconds(7200), null);
        assertThat(events).extracting(OutboxTimeline.StoredEvent::eventId).containsExactlyInAnyOrder(atStart, nextDay)
                .doesNotContain(before, atEnd);
        assertThat(NoScanClient.OPERATIONS).isNotEmpty().allMatch("Query"::equals);
        OutboxTimeline.StoredEvent first = events.stream().filter(e -> e.eventId().equals(atStart)).findFirst().orElseThrow();
        assertThat(first.source()).isEqualTo("helpdesk.tickets");
        assertThat(first.detailType()).isEqualTo("TicketCreated");
        assertThat(first.occurredAt()).isEqualTo(base);
        assertThat(first.detailJson()).contains("\"eventId\":\"" + atStart + "\"");

        assertThat(read(base, base.plusSeconds(7200), "StatusChanged")).extracting(OutboxTimeline.StoredEvent::eventId)
                .containsExactly(nextDay);
    }

    @Test
    void aChangesEventsAreFoundThroughItsFirstWhichAloneIsIndexed() {
        Instant at = Instant.parse("2026-04-02T08:00:00.250Z");
        String id = "tkt_change" + at.toEpochMilli();
        Ticket t = Ticket.builder().id(id).number(repo.allocateNumber()).subject("s").status(Status.NEW).priority(Priority.NORMAL)
                .channel(Channel.EMAIL).requester(Requester.of("r", "r@example.com", null, "R", Map.of())).tags(List.of())
                .createdAt(at).updatedAt(at).version(1).lastMessageAt(at).messageCount(0).build();
        List<DomainEvent> events = List.of(
                new DomainEvent("evt_a" + id, "TicketCreated", id, t.number(), at, Actor.agent("a"), Map.of()),
                new DomainEvent("evt_b" + id, "MessageAdded", id, t.number(), at, Actor.agent("a"), Map.of()),
                new DomainEvent("evt_c" + id, "MessageAdded", id, t.number(), at, Actor.agent("a"), Map.of()),
                new DomainEvent("evt_d" + id, "Linked", id, t.number(), at.plusSeconds(1), Actor.agent("a"), Map.of()));
        repo.commit(TicketWrite.create(t, List.of(), events));

        List<Map<String, software.amazon.awssdk.services.dynamodb.model.AttributeValue>> history = client.query(b -> b.tableName("helpdesk")
                .keyConditionExpression("PK = :pk AND begins_with(SK, :h)").expressionAttributeValues(Map.of(
                        ":pk", ItemMapper.s(Keys.ticketPk(id)), ":h", ItemMapper.s("HISTORY#")))).items();
        assertThat(history).filteredOn(i -> i.containsKey("GSI1PK")).as("the first event, and the one at another time")
                .extracting(i -> i.get("eventId").s()).containsExactlyInAnyOrder("evt_a" + id, "evt_d" + id);

        assertThat(read(at, at.plusSeconds(2), null)).extracting(OutboxTimeline.StoredEvent::eventId)
                .containsExactlyInAnyOrder("evt_a" + id, "evt_b" + id, "evt_c" + id, "evt_d" + id);
        assertThat(read(at, at.plusSeconds(2), "MessageAdded")).extracting(OutboxTimeline.StoredEvent::eventId)
                .containsExactlyInAnyOrder("evt_b" + id, "evt_c" + id);
        assertThat(read(at, at.plusMillis(1), null)).as("the range: the change's time is in it, the later event's is not")
                .extracting(OutboxTimeline.StoredEvent::eventId).containsExactlyInAnyOrder("evt_a" + id, "evt_b" + id, "evt_c" + id);
    }

    @Test
    void partitionsCoverEachUtcDayOfTheRangeOnceWithEveryShard() {
        List<OutboxTimeline.Partition> ps = OutboxTimeline.partitions(Instant.parse("2026-03-09T23:00:00Z"),
                Instant.parse("2026-03-11T00:00:00Z"));
        assertThat(ps).hasSize(2 * Keys.SHARDS);
        assertThat(ps).extracting(OutboxTimeline.Partition::day).containsOnly(LocalDate.parse("2026-03-09"), LocalDate.parse("2026-03-10"));
        assertThatThrownBy(() -> OutboxTimeline.partitions(Instant.EPOCH, Instant.EPOCH)).isInstanceOf(IllegalArgumentException.class);
    }
}
