package com.helpdesk.store;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.ConflictRetry;
import com.helpdesk.core.service.NewMessage;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Many writers on one ticket, none pinning a version, each through its own client and service as separate API
 * instances would be (issue 12): every change answered as applied is on the ticket afterwards, once, and its event
 * is in the history once. The version condition on the ticket item and the retry of lost races carry this; no
 * timing is asserted, a slow machine only makes the writers retry more.
 */
class ConcurrentWritesTest {
    private static final Actor CAROL = Actor.agent("carol");
    private static final int INSTANCES = 4;
    private static final int WRITERS = 16;
    private static final int DISTINCT_TAGS = 8;
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("busy");
    private static final List<DynamoDbClient> clients = new ArrayList<>();
    private static final List<TicketDesk> desks = new ArrayList<>();

    /**
     * Waits the retry's jittered delays for real but reads a clock that never moves: what is tested is that every lost
     * race is retried on fresh state until it wins, not how long a loaded machine takes (the budget has its own tests).
     */
    private static final ConflictRetry.Pacer UNHURRIED = new ConflictRetry.Pacer() {
        @Override
        public long nanoTime() {
            return 0;
        }

        @Override
        public void sleep(java.time.Duration delay) throws InterruptedException {
            Thread.sleep(delay.toMillis());
        }
    };

    @BeforeAll
    static void start() {
        for (int i = 0; i < INSTANCES; i++) {
            DynamoDbClient c = DYNAMO.newClient();
            clients.add(c);
            desks.add(TicketDesk.wire(new DynamoDbTicketRepository(c, "busy"), new UlidGenerator(Clock.systemUTC()), Clock.systemUTC(),
                    ConflictRetry.commands().pacedBy(UNHURRIED, new java.util.Random())));
        }
    }

    @Test
    void concurrentTagAdditionsAndRepliesWithoutAVersionAllLandOnce() throws Exception {
        String id = desks.get(0).commands().create(new NewTicket("Busy", Requester.of("r", "busy@example.com", null, "Jane", null),
                Channel.PHONE, null, List.of(), null, null, null, "first", null, null, null), CAROL, null).thread().ticket().id();
        List<Callable<Object>> writes = new ArrayList<>();
        Set<String> tags = new TreeSet<>();
        for (int i = 0; i < WRITERS; i++) {
            TicketDesk desk = desks.get(i % INSTANCES);
            String tag = "burst-" + i % DISTINCT_TAGS; // most tags added by two writers: one adds, the other finds it there
            tags.add(tag);
            writes.add(() -> desk.commands().update(id, new TicketChange(null, null, null, null, null, List.of(tag), null),
                    OptionalLong.empty(), CAROL));
            String body = "reply " + i;
            writes.add(() -> desk.commands().addMessage(id, new NewMessage(body, null, Visibility.PUBLIC, null, null),
                    OptionalLong.empty(), CAROL));
        }
        releaseAtOnce(writes);

        DynamoDbTicketRepository repo = new DynamoDbTicketRepository(clients.get(0), "busy");
        TicketThread after = repo.find(id).orElseThrow();
        assertThat(after.ticket().tags()).containsExactlyInAnyOrderElementsOf(tags);
        assertThat(after.messages()).extracting(Message::body).doesNotHaveDuplicates().hasSize(WRITERS + 1);
        assertThat(after.ticket().version()).as("the create, each reply, each tag added once").isEqualTo(1 + WRITERS + DISTINCT_TAGS);
        List<Object> added = new ArrayList<>();
        for (DomainEvent e : repo.history(id, 500, null).entries()) {
            if (EventTypes.TAGGED.equals(e.type())) added.addAll((List<?>) e.detail().get("added"));
        }
        assertThat(added).as("one Tagged addition per tag in the history").containsExactlyInAnyOrderElementsOf(tags);
    }

    /**
     * Runs the writes on two threads per instance, all starting at one gate: as racing as API instances get (each runs
     * one request at a time; two per instance keeps every instance busy while another of its writes waits to retry).
     */
    private static void releaseAtOnce(List<Callable<Object>> writes) throws Exception {
        ExecutorService threads = Executors.newFixedThreadPool(2 * INSTANCES);
        try {
            CountDownLatch gate = new CountDownLatch(1);
            List<Future<Object>> pending = new ArrayList<>();
            for (Callable<Object> w : writes) {
                pending.add(threads.submit(() -> {
                    gate.await();
                    return w.call();
                }));
            }
            gate.countDown();
            for (Future<Object> f : pending) f.get();
        } finally {
            threads.shutdownNow();
        }
    }
}
