package com.helpdesk.store;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.sla.BusinessCalendarWire;
import com.helpdesk.core.sla.SlaActions;
import com.helpdesk.core.sla.SlaPolicyWire;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.SlaTimer;
import com.helpdesk.core.sla.TicketFacts;
import com.helpdesk.core.sla.TicketSlaStore;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.localaws.DynamoDbLocal;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SLA settings and ticket SLA state against DynamoDB Local (on the client that fails any Scan). */
class SlaStoreTest {
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("sla");
    private static DynamoDbClient client;
    private static DynamoDbSlaSettings settings;
    private static DynamoDbTicketSla tickets;
    private static final AtomicInteger IDS = new AtomicInteger();

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        settings = new DynamoDbSlaSettings(client, "sla");
        tickets = new DynamoDbTicketSla(client, "sla");
    }

    private static Map<String, Object> calendarBody(String zone) {
        return Map.of("name", "Office", "timezone", zone, "weekly", Map.of("mon", List.of(List.of("09:00", "17:00"))));
    }

    private static Map<String, Object> policyBody(String calendar) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "P", "order", 1, "targets", Map.of("firstResponse", "PT1H")));
        body.put("businessHours", calendar);
        return body;
    }

    @Test
    void aCalendarUsedByAPolicyCannotBeDeletedUntilThePolicyLetsGo() {
        settings.saveCalendar(BusinessCalendarWire.fromWire("emea", calendarBody("Europe/Berlin")));
        settings.saveCalendar(BusinessCalendarWire.fromWire("amer", calendarBody("America/New_York")));
        settings.savePolicy(SlaPolicyWire.parse("p1", policyBody("emea")));
        settings.savePolicy(SlaPolicyWire.parse("p2", policyBody("emea")));
        assertThatThrownBy(() -> settings.deleteCalendar("emea")).isInstanceOf(StateConflictException.class)
                .hasMessageContaining("p1, p2");
        settings.savePolicy(SlaPolicyWire.parse("p1", policyBody("amer")));
        assertThatThrownBy(() -> settings.deleteCalendar("emea")).hasMessageContaining("used by the SLA policy p2");
        settings.saveCalendar(BusinessCalendarWire.fromWire("emea", calendarBody("Europe/Paris"))); // a replace keeps the count
        assertThat(settings.deletePolicy("p2")).isTrue();
        assertThat(settings.deletePolicy("p2")).isFalse();
        assertThat(settings.deleteCalendar("emea")).isTrue();
        assertThat(settings.deleteCalendar("emea")).isFalse();
        assertThat(settings.calendar("amer").orElseThrow().zone().getId()).isEqualTo("America/New_York");
        settings.savePolicy(SlaPolicyWire.parse("p1", policyBody(null)));
        assertThat(settings.deleteCalendar("amer")).isTrue();
        assertThat(settings.policies()).extracting(p -> p.id()).contains("p1").doesNotContain("p2");
    }

    @Test
    void aPolicyNamingAMissingCalendarIsRefusedAndNothingIsWritten() {
        assertThatThrownBy(() -> settings.savePolicy(SlaPolicyWire.parse("orphan", policyBody("nowhere"))))
                .isInstanceOf(ValidationException.class).hasMessageContaining("businessHours");
        assertThat(settings.policy("orphan")).isEmpty();
        assertThat(settings.calendar("nowhere")).isEmpty();
    }

    @Test
    void ticketStateIsVersionedAndIndexedWhileSomethingIsLeftToFire() {
        TicketFacts facts = new TicketFacts(Priority.URGENT, Channel.EMAIL, Set.of("vip"));
        Instant created = Instant.parse("2026-11-30T09:00:00Z");
        Instant fireAt = created.plusSeconds(2700);
        TicketSlaStore.Stored first = new TicketSlaStore.Stored("tkt_idx", 7, 1, created, facts, Map.of("k", "v"), List.of("evt_a"));
        tickets.save(new TicketSlaStore.Write(first, 0, fireAt, List.of(), List.of()));
        assertThatThrownBy(() -> tickets.save(new TicketSlaStore.Write(first, 0, fireAt, List.of(), List.of())))
                .isInstanceOfSatisfying(VersionConflictException.class, e -> assertThat(e.currentVersion()).isEqualTo(1));
        assertThat(tickets.find("tkt_idx").orElseThrow()).isEqualTo(first);
        int shard = Keys.slaDueShard("tkt_idx");
        assertThat(tickets.due(shard, fireAt.minusMillis(1), 10)).extracting(TicketSlaStore.Due::ticketId).doesNotContain("tkt_idx");
        assertThat(tickets.due(shard, fireAt, 10)).contains(new TicketSlaStore.Due("tkt_idx", fireAt));
        TicketSlaStore.Stored second = new TicketSlaStore.Stored("tkt_idx", 7, 2, created, facts, Map.of("k", "w"), List.of("evt_a", "evt_b"));
        tickets.save(new TicketSlaStore.Write(second, 1, null, List.of(), List.of()));
        assertThat(tickets.due(shard, fireAt.plusSeconds(3600), 10)).extracting(TicketSlaStore.Due::ticketId).doesNotContain("tkt_idx");
    }

    @Test
    void aSweepCostsTheSameRequestsWhateverTheNumberOfOpenTicketsNotDue() {
        DynamoDbLocal other = DynamoDbLocal.start(0);
        try (DynamoDbClient c = NoScanClient.against(other)) {
            c.createTable(TableSchema.createTableRequest("sweep"));
            DynamoDbTicketSla store = new DynamoDbTicketSla(c, "sweep");
            SlaTimer timer = new SlaTimer(new SlaSettings(new DynamoDbSlaSettings(c, "sweep"), ZoneOffset.UTC), store,
                    new SlaActions() {
                        @Override public java.util.Optional<com.helpdesk.core.ticket.Status> statusNow(String t) { return java.util.Optional.of(com.helpdesk.core.ticket.Status.OPEN); }
                        @Override public void escalate(String t, String g, String r) { }
                        @Override public void tag(String t, String tag) { }
                        @Override public void notApplied(String t, String reason) { }
                    }, p -> p + "_" + IDS.incrementAndGet());
            Instant now = Instant.parse("2026-11-30T09:00:00Z");
            NoScanClient.OPERATIONS.clear();
            timer.sweep(now, 1000);
            List<String> empty = List.copyOf(NoScanClient.OPERATIONS);
            TicketFacts facts = new TicketFacts(Priority.NORMAL, Channel.EMAIL, Set.of());
            for (int i = 0; i < 300; i++) {
                String id = "tkt_open" + i;
                store.save(new TicketSlaStore.Write(new TicketSlaStore.Stored(id, 2000 + i, 1, now, facts, Map.of(), List.of()),
                        0, now.plusSeconds(3600 + i), List.of(), List.of()));
            }
            NoScanClient.OPERATIONS.clear();
            assertThat(timer.sweep(now.plusSeconds(60), 1000)).isZero();
            assertThat(NoScanClient.OPERATIONS).as("300 open tickets, none due").isEqualTo(empty).hasSize(Keys.SLA_DUE_SHARDS);
        } finally {
            other.close();
        }
    }

    @Test
    void theTimerWritesLedgerAndOutboxEventsWithTheState() {
        List<String> acted = new ArrayList<>();
        SlaSettings slaSettings = new SlaSettings(settings, ZoneOffset.UTC);
        slaSettings.savePolicy(SlaPolicyWire.parse("urgent-e2e", Map.of("name", "Urgent", "order", 0,
                "match", Map.of("priority", List.of("urgent")), "targets", Map.of("firstResponse", "PT1H"),
                "onBreach", Map.of("escalate", true))));
        SlaTimer timer = new SlaTimer(slaSettings, tickets, new SlaActions() {
            @Override public java.util.Optional<com.helpdesk.core.ticket.Status> statusNow(String t) { return java.util.Optional.of(com.helpdesk.core.ticket.Status.OPEN); }
            @Override public void escalate(String t, String g, String r) { acted.add("escalate " + t); }
            @Override public void tag(String t, String tag) { acted.add("tag " + tag); }
            @Override public void notApplied(String t, String reason) { }
        }, p -> p + "_" + IDS.incrementAndGet());
        Instant created = Instant.parse("2026-11-30T09:00:00Z");
        timer.apply(new DomainEvent("evt_c", "TicketCreated", "tkt_timer", 9, created, Actor.agent("a"),
                Map.of("status", "new", "priority", "urgent", "channel", "email", "tags", List.of())));
        NoScanClient.OPERATIONS.clear();
        assertThat(timer.sweep(created.plusSeconds(3601), 100)).isGreaterThanOrEqualTo(1);
        assertThat(NoScanClient.OPERATIONS).as("one Query per due shard, a read and one transaction for the ticket")
                .filteredOn("Query"::equals).hasSize(Keys.SLA_DUE_SHARDS);
        assertThat(tickets.ledger("tkt_timer")).extracting(e -> e.target().wire() + " " + e.kind().wire())
                .containsExactly("firstResponse start", "firstResponse warning", "firstResponse breach");
        var outbox = client.query(b -> b.tableName("sla").keyConditionExpression("PK = :pk AND begins_with(SK, :e)")
                .expressionAttributeValues(Map.of(":pk", ItemMapper.s("TICKET#tkt_timer"), ":e", ItemMapper.s("EVENT#")))).items();
        assertThat(outbox).extracting(i -> i.get("detailType").s()).containsExactly("SlaWarning", "SlaBreached");
        assertThat(outbox.get(1).get("detail").s()).contains("\"target\":\"firstResponse\"").contains("\"ticketNumber\":9");
        assertThat(timer.sweep(created.plusSeconds(7200), 100)).as("fired once").isZero();
    }
}
