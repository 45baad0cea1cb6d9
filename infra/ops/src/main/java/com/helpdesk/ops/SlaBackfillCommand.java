package com.helpdesk.ops;

import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.sla.SlaActions;
import com.helpdesk.core.sla.SlaBackfill;
import com.helpdesk.core.sla.SlaSettings;
import com.helpdesk.core.sla.SlaTimer;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.store.DynamoDbSlaSettings;
import com.helpdesk.store.DynamoDbTicketRepository;
import com.helpdesk.store.DynamoDbTicketSla;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.PrintStream;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Optional;

/**
 * {@code sla backfill [--dry-run]}: clocks for the open tickets that have none (created before the SLA timer
 * was deployed), from their history (core {@link SlaBackfill}; docs/sla.md, "Backfill").
 */
final class SlaBackfillCommand {
    private SlaBackfillCommand() {}

    static int run(DynamoDbClient dynamo, String table, boolean dryRun, PrintStream out) {
        DynamoDbTicketRepository tickets = new DynamoDbTicketRepository(dynamo, table);
        DynamoDbTicketSla clocks = new DynamoDbTicketSla(dynamo, table);
        // the shipped calendar's zone only matters while no calendar "default" is stored, and one is stored as soon
        // as a policy names it: clocks never run on the shipped one, so UTC here changes nothing
        SlaSettings settings = new SlaSettings(new DynamoDbSlaSettings(dynamo, table), ZoneId.of("UTC"));
        SlaTimer timer = new SlaTimer(settings, clocks, new HistoryOnly(), new UlidGenerator(Clock.systemUTC()));
        SlaBackfill.Result r = new SlaBackfill(timer, clocks, tickets).run(dryRun,
                t -> out.printf("%s #%d %s%n", dryRun ? "would start" : "started", t.number(), t.id()));
        out.printf("%s: %d open ticket(s) seen, %d %s clocks, %d had them already%n", dryRun ? "dry run" : "backfill",
                r.seen(), r.started(), dryRun ? "would get" : "got", r.alreadyRunning());
        return OpsMain.OK;
    }

    /**
     * A ticket's history holds ticket events only, never an SlaBreached to act on: the warnings and breaches the
     * backfill records go out through the outbox, and SlaTimerFunction applies their onBreach from its queue.
     */
    private static final class HistoryOnly implements SlaActions {
        @Override
        public void notApplied(String ticketId, String reason) {
            System.err.println("  onBreach of " + ticketId + " not applied: " + reason);
        }

        @Override public Optional<Status> statusNow(String ticketId) { throw unexpected(); }
        @Override public void escalate(String ticketId, String group, String reason) { throw unexpected(); }
        @Override public void tag(String ticketId, String tag) { throw unexpected(); }

        private static IllegalStateException unexpected() {
            return new IllegalStateException("the backfill applies ticket events only; onBreach is SlaTimerFunction's");
        }
    }
}
