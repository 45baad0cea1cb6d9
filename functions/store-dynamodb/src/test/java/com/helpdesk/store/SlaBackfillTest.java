package com.helpdesk.store;

import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.NewMessage;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.sla.SlaActions;
import com.helpdesk.core.sla.SlaBackfill;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.SlaTimer;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/** Clocks for tickets created before the SLA timer ran: their history applied in order, against DynamoDB Local. */
class SlaBackfillTest {
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("backfill");
    private static DynamoDbClient client;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
    }

    @Test
    void openTicketsGetTheClocksTheirHistoryImpliesOnceAndClosedOnesNone() {
        DynamoDbTicketRepository repo = new DynamoDbTicketRepository(client, "backfill");
        TicketDesk desk = TicketDesk.wire(repo, new UlidGenerator(Clock.systemUTC()), Clock.systemUTC());
        DynamoDbTicketSla clocks = new DynamoDbTicketSla(client, "backfill");
        SlaTimer timer = new SlaTimer(new SlaSettings(new DynamoDbSlaSettings(client, "backfill"), ZoneId.of("UTC")), clocks, new SlaActions() {
            @Override
            public void notApplied(String ticketId, String reason) {
            }

            @Override public Optional<Status> statusNow(String t) { throw new AssertionError("history holds no breach to act on"); }
            @Override public void escalate(String t, String g, String r) { throw new AssertionError("no escalation"); }
            @Override public void tag(String t, String tag) { throw new AssertionError("no tag"); }
        }, p -> p + "_" + System.nanoTime());
        Actor alice = Actor.agent("alice");
        String answered = create(desk, "answered@example.com");
        desk.commands().addMessage(answered, new NewMessage("On its way", null, Visibility.PUBLIC, null, null), OptionalLong.empty(), alice);
        desk.commands().update(answered, new TicketChange(Status.PENDING, null, null, null, null, null, null), OptionalLong.empty(), alice);
        String closed = create(desk, "closed@example.com");
        desk.commands().update(closed, new TicketChange(Status.CLOSED, null, null, null, null, null, null), OptionalLong.empty(), alice);

        SlaBackfill backfill = new SlaBackfill(timer, clocks, repo);
        List<String> counted = new ArrayList<>();
        SlaBackfill.Result dry = backfill.run(true, t -> counted.add(t.id()));
        assertThat(counted).containsExactlyInAnyOrder(answered);
        assertThat(dry.started()).isEqualTo(1);
        assertThat(clocks.find(answered)).as("a dry run writes nothing").isEmpty();

        List<String> started = new ArrayList<>();
        SlaBackfill.Result r = backfill.run(false, t -> started.add(t.id()));
        assertThat(started).containsExactly(answered);
        assertThat(r).isEqualTo(new SlaBackfill.Result(1, 1, 0));
        assertThat(clocks.ledger(answered)).extracting(e -> e.target().wire() + " " + e.kind().wire())
                .containsExactly("firstResponse start", "resolution start", "firstResponse met", "resolution pause");
        assertThat(clocks.find(closed)).isEmpty();

        long version = clocks.find(answered).orElseThrow().version();
        assertThat(backfill.run(false, t -> started.add(t.id()))).isEqualTo(new SlaBackfill.Result(1, 0, 1));
        assertThat(clocks.find(answered).orElseThrow().version()).as("a second run changes nothing").isEqualTo(version);
    }

    private static String create(TicketDesk desk, String email) {
        Ticket t = desk.commands().create(new NewTicket("Where is my order?", Requester.of("r", email, null, "Jane", null), Channel.EMAIL, null,
                List.of(), null, null, null, "first", null, null, null), Actor.agent("alice"), null).thread().ticket();
        return t.id();
    }
}
