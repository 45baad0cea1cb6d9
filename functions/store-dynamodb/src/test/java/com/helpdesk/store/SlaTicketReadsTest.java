package com.helpdesk.store;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.NewMessage;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.sla.AroundTheClock;
import com.helpdesk.core.sla.SlaPolicy;
import com.helpdesk.core.sla.SlaTicketReads;
import com.helpdesk.core.sla.TicketFacts;
import com.helpdesk.core.sla.TicketSla;
import com.helpdesk.core.sla.TicketSlaStore;
import com.helpdesk.core.sla.TicketSlaWire;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Random;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The reads of tickets with their clocks against DynamoDB Local: one Query for thread + clocks, and the breaching-soon view. */
class SlaTicketReadsTest {
    private static final Instant T0 = Instant.parse("2026-11-30T09:00:00Z");
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("slaviews");
    private static DynamoDbClient client;
    private static DynamoDbTicketRepository repo;
    private static DynamoDbTicketSla clocks;
    private static DynamoDbSlaTicketReads reads;
    private static TicketDesk desk;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        repo = new DynamoDbTicketRepository(client, "slaviews");
        clocks = new DynamoDbTicketSla(client, "slaviews");
        reads = new DynamoDbSlaTicketReads(client, "slaviews");
        desk = TicketDesk.wire(repo, new UlidGenerator(Clock.systemUTC()), Clock.systemUTC());
    }

    private static String ticket(String email) {
        return desk.commands().create(new NewTicket("Where is my order?", Requester.of("r", email, null, "Jane", null), Channel.EMAIL, null,
                List.of(), null, null, null, "first", null, null, null), Actor.agent("alice"), null).thread().ticket().id();
    }

    private static void clocksDue(String ticketId, long version, Instant nextDueAt) {
        TicketSla sla = TicketSla.create(SlaPolicy.BUILT_IN_DEFAULT, AroundTheClock.INSTANCE, Status.NEW, T0, "TicketCreated").sla();
        clocks.save(new TicketSlaStore.Write(new TicketSlaStore.Stored(ticketId, 1, version, T0,
                new TicketFacts(Priority.NORMAL, Channel.EMAIL, Set.of()), TicketSlaWire.toWire(sla), List.of()),
                version - 1, null, nextDueAt, List.of(), List.of()));
    }

    @Test
    void oneQueryReadsTheThreadAndItsClocksWhileCommandsReadTheThreadAlone() {
        String id = ticket("one-query@example.com");
        desk.commands().addMessage(id, new NewMessage("It ships today", null, Visibility.PUBLIC, null, null), OptionalLong.empty(), Actor.agent("alice"));
        assertThat(reads.threadWithSla(id).orElseThrow().slaState()).as("no clocks yet").isEmpty();
        clocksDue(id, 1, T0.plusSeconds(3600));
        NoScanClient.OPERATIONS.clear();
        SlaTicketReads.ThreadWithSla shown = reads.threadWithSla(id).orElseThrow();
        assertThat(NoScanClient.OPERATIONS).containsExactly("Query");
        assertThat(shown.thread().messages()).hasSize(2);
        assertThat(TicketSlaWire.fromWire(shown.slaState(), c -> AroundTheClock.INSTANCE).policy().id()).isEqualTo("default");
        assertThat(repo.find(id).orElseThrow().messages()).as("the SLA item is never taken for a message").hasSize(2);
        assertThat(reads.threadWithSla("tkt_missing")).isEmpty();
    }

    @Test
    void theBreachingSoonViewPagesEveryTicketBelowTheBoundEarliestFirst() {
        Instant base = Instant.parse("2031-01-01T00:00:00Z"); // a range of its own in this table
        List<Integer> minutes = new ArrayList<>();
        for (int i = 0; i < 37; i++) minutes.add(i * 7);
        Collections.shuffle(minutes, new Random(13));
        Map<String, Instant> due = new LinkedHashMap<>();
        for (int m : minutes) {
            String id = ticket("view" + m + "@example.com");
            Instant at = base.plus(Duration.ofMinutes(m));
            clocksDue(id, 1, at);
            due.put(id, at);
        }
        Instant bound = base.plus(Duration.ofMinutes(30 * 7)); // 30 tickets are due before it, 7 at or after
        List<String> expected = due.entrySet().stream().filter(e -> e.getValue().isBefore(bound))
                .sorted(Map.Entry.comparingByValue()).map(Map.Entry::getKey).toList();

        List<String> seen = new ArrayList<>();
        List<Instant> dueAts = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            NoScanClient.OPERATIONS.clear();
            SlaTicketReads.DuePage page = reads.dueBefore(bound, 4, cursor);
            assertThat(NoScanClient.OPERATIONS).filteredOn("Scan"::equals).isEmpty();
            assertThat(page.items().size()).isLessThanOrEqualTo(4);
            page.items().forEach(d -> {
                seen.add(d.ticket().id());
                dueAts.add(d.dueAt());
            });
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null && pages < 40);
        List<String> inRange = seen.stream().filter(due::containsKey).toList();
        assertThat(inRange).as("every ticket below the bound once, earliest due first").containsExactlyElementsOf(expected);
        assertThat(dueAts).isSorted();
        assertThat(new HashSet<>(seen)).hasSameSizeAs(seen);

        String first = expected.get(0);
        clocksDue(first, 2, null); // its clocks stopped: out of the view
        assertThat(reads.dueBefore(bound, 100, null).items()).extracting(d -> d.ticket().id()).doesNotContain(first).contains(expected.get(1));
    }

    @Test
    void aCursorOnlyFitsItsOwnBound() {
        String id = ticket("cursor@example.com");
        clocksDue(id, 1, Instant.parse("2030-06-01T00:00:00Z"));
        String other = ticket("cursor2@example.com");
        clocksDue(other, 1, Instant.parse("2030-06-01T00:01:00Z"));
        SlaTicketReads.DuePage page = reads.dueBefore(Instant.parse("2030-06-02T00:00:00Z"), 1, null);
        assertThat(page.nextCursor()).isNotNull();
        assertThatThrownBy(() -> reads.dueBefore(Instant.parse("2030-06-03T00:00:00Z"), 1, page.nextCursor()))
                .isInstanceOf(ValidationException.class).extracting(e -> ((ValidationException) e).errors().get(0).field()).isEqualTo("cursor");
        assertThatThrownBy(() -> reads.dueBefore(Instant.parse("2030-06-02T00:00:00Z"), 1, page.nextCursor() + "x"))
                .isInstanceOf(ValidationException.class);
    }
}
