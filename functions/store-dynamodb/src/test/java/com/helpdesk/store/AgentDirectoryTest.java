package com.helpdesk.store;

import com.helpdesk.core.agents.Agent;
import com.helpdesk.core.agents.AgentDirectory.Claim;
import com.helpdesk.core.agents.AgentProfile;
import com.helpdesk.core.agents.AssignStrategy;
import com.helpdesk.core.agents.Assignment;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** Agents, slots and loads against DynamoDB Local, with real concurrent claims: no slot is taken twice. */
class AgentDirectoryTest {
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("agents");
    private static DynamoDbClient client;
    private static DynamoDbAgentDirectory agents;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        agents = new DynamoDbAgentDirectory(client, "agents");
    }

    @Test
    void aProfileSavedAgainKeepsTheLoadAndAvailabilityIsTheAgentsOwn() {
        agents.save(new AgentProfile("ana", "Ana", List.of("claims"), true, 2));
        assertThat(agents.claim("ana", "tkt_keep", false)).isEqualTo(Claim.CLAIMED);
        Agent again = agents.save(new AgentProfile("ana", "Ana B.", List.of("claims", "vip"), true, 3));
        assertThat(again).isEqualTo(new Agent("ana", "Ana B.", List.of("claims", "vip"), true, 3, 1));
        assertThat(agents.setAvailable("ana", false)).map(Agent::available).contains(false);
        assertThat(agents.setAvailable("nobody", false)).isEmpty();
        assertThat(agents.claim("ana", "tkt_other", false)).as("unavailable").isEqualTo(Claim.REFUSED);
        assertThat(agents.claim("ana", "tkt_manual", true)).as("assigned by hand").isEqualTo(Claim.CLAIMED);
        assertThat(agents.find("ana")).map(Agent::load).contains(2);
        agents.release("tkt_keep");
        agents.release("tkt_keep");
        assertThat(agents.find("ana")).map(Agent::load).contains(1);
        assertThat(agents.slotHolder("tkt_manual")).contains("ana");
        assertThat(agents.delete("ana")).isTrue();
        agents.release("tkt_manual"); // the agent is gone: the slot goes alone
        assertThat(agents.slotHolder("tkt_manual")).isEmpty();
        assertThat(agents.delete("ana")).isFalse();
    }

    @Test
    void aTicketHoldsOneSlotWhateverTheRedelivery() {
        agents.save(new AgentProfile("bo", "Bo", List.of("once"), true, 5));
        agents.save(new AgentProfile("cy", "Cy", List.of("once"), true, 5));
        assertThat(agents.claim("bo", "tkt_once", false)).isEqualTo(Claim.CLAIMED);
        assertThat(agents.claim("bo", "tkt_once", false)).isEqualTo(Claim.TICKET_HOLDS_ONE);
        assertThat(agents.claim("cy", "tkt_once", false)).isEqualTo(Claim.TICKET_HOLDS_ONE);
        assertThat(new Assignment(agents).assign("tkt_once", "once", AssignStrategy.LEAST_LOADED)).contains("bo");
        assertThat(agents.find("bo")).map(Agent::load).contains(1);
        assertThat(agents.find("cy")).map(Agent::load).contains(0);
    }

    @Test
    void concurrentTicketsNeverTakeTheSameLastSlot() throws Exception {
        agents.save(new AgentProfile("dee", "Dee", List.of("rush"), true, 2));
        agents.save(new AgentProfile("eli", "Eli", List.of("rush"), true, 3));
        agents.save(new AgentProfile("fay", "Fay", List.of("rush"), false, 10)); // unavailable: takes nothing
        Assignment assignment = new Assignment(agents);
        int tickets = 10;
        List<Optional<String>> picked = race(tickets, i -> assignment.assign("tkt_rush" + i, "rush",
                i % 2 == 0 ? AssignStrategy.LEAST_LOADED : AssignStrategy.ROUND_ROBIN));
        Map<String, Long> byAgent = picked.stream().flatMap(Optional::stream).collect(Collectors.groupingBy(a -> a, Collectors.counting()));
        assertThat(byAgent).isEqualTo(Map.of("dee", 2L, "eli", 3L));
        assertThat(agents.find("dee")).map(Agent::load).contains(2);
        assertThat(agents.find("eli")).map(Agent::load).contains(3);
        assertThat(agents.find("fay")).map(Agent::load).contains(0);
        for (int i = 0; i < tickets; i++) {
            Optional<String> holder = agents.slotHolder("tkt_rush" + i);
            assertThat(holder).isEqualTo(picked.get(i));
        }
    }

    @Test
    void concurrentReleasesAndClaimsKeepTheLoadExact() throws Exception {
        agents.save(new AgentProfile("gus", "Gus", List.of("churn"), true, 4));
        for (int i = 0; i < 4; i++) assertThat(agents.claim("gus", "tkt_old" + i, false)).isEqualTo(Claim.CLAIMED);
        Assignment assignment = new Assignment(agents);
        // four tickets are resolved while six new ones race for the room
        List<Optional<String>> picked = race(10, i -> {
            if (i < 4) {
                agents.release("tkt_old" + i);
                return Optional.empty();
            }
            return assignment.assign("tkt_new" + i, "churn", AssignStrategy.LEAST_LOADED);
        });
        long taken = picked.stream().filter(Optional::isPresent).count();
        assertThat(taken).isBetween(0L, 4L);
        assertThat(agents.find("gus")).map(Agent::load).contains((int) taken);
    }

    @Test
    void roundRobinTurnsAreHandedOutOnce() throws Exception {
        List<Optional<String>> turns = race(12, i -> Optional.of(Long.toString(agents.nextTurn("turns", "tkt_" + i))));
        assertThat(turns.stream().map(Optional::get).map(Long::parseLong).sorted().toList())
                .containsExactly(0L, 1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L);
    }

    @Test
    void theTicketThatTookTheLatestTurnGetsItAgainAndTheNextTicketTheNextOne() {
        assertThat(agents.nextTurn("again", "tkt_a")).isZero();
        assertThat(agents.nextTurn("again", "tkt_a")).as("its second routing, at once").isZero();
        assertThat(agents.nextTurn("again", "tkt_b")).isEqualTo(1);
        assertThat(agents.nextTurn("again", "tkt_a")).as("no longer the latest").isEqualTo(2);
    }

    /** Runs {@code work} for 0..n-1 on n threads released at once; answers the results in index order. */
    private static List<Optional<String>> race(int n, Function<Integer, Optional<String>> work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(n);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Optional<String>>> futures = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                int index = i;
                Callable<Optional<String>> task = () -> {
                    start.await();
                    return retryOnConflict(() -> work.apply(index));
                };
                futures.add(pool.submit(task));
            }
            start.countDown();
            List<Optional<String>> out = new ArrayList<>();
            for (Future<Optional<String>> f : futures) out.add(f.get());
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    /** A transaction conflict (two transactions on one item at once) is retried, as the queue would redeliver. */
    private static Optional<String> retryOnConflict(java.util.function.Supplier<Optional<String>> work) {
        for (int attempt = 0; ; attempt++) {
            try {
                return work.get();
            } catch (software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException conflict) {
                if (attempt > 50) throw conflict;
            }
        }
    }
}
