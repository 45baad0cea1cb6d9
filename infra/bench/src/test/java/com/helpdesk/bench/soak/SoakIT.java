package com.helpdesk.bench.soak;

import com.helpdesk.local.LocalStack;
import com.helpdesk.local.LocalStackOptions;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The short soak the build runs (8 rounds, two waves of faults): counted, not timed. The longer one is
 * {@code java -jar infra/bench/target/bench.jar soak [rounds]}. Moved here from infra/local, keeping its goals:
 * every mail and chat conversation stored once, every reply sent once, each ticket's TicketCreated delivered
 * once, no event twice on the bus, the poison messages parked with their reasons; and now also every event the
 * outbox wrote delivered (through a bus outage and the API crashing right after its writes), DynamoDB throttled
 * through the functions' SDK clients, and the poison redriven by the operators' tool and parked again, once.
 */
class SoakIT {
    private static final int ROUNDS = 8;

    @Test
    void aMixUnderFaultsLosesNothingDuplicatesNothingAndParksThePoisonWithItsReason() {
        Path root = Path.of(System.getProperty("helpdesk.root", "../..")).toAbsolutePath().normalize();
        SoakFigures f;
        try (LocalStack stack = LocalStack.start(new LocalStackOptions("127.0.0.1", 0, root.resolve("template.yaml"), Map.of()))) {
            f = new Soak(stack, Soak.opsJar(root)).run(ROUNDS);
        }
        System.out.print(f.print());

        assertThat(f.refused()).isEmpty();
        assertThat(f.mailStored()).isEqualTo(ROUNDS);
        assertThat(f.chatStored()).isEqualTo(ROUNDS);
        assertThat(f.apiStored()).isEqualTo(f.apiIn()).isEqualTo(ROUNDS);
        assertThat(f.duplicates()).isZero();
        assertThat(f.repliesSent()).isEqualTo(f.repliesIn()).isEqualTo(2 * ROUNDS);
        assertThat(f.ticketsWithoutOneTicketCreated()).isZero();
        assertThat(f.eventsWritten()).isPositive();
        assertThat(f.eventsDelivered()).isEqualTo(f.eventsWritten());
        assertThat(f.duplicateEventsOnBus()).isZero();
        assertThat(f.faults()).containsEntry("dynamodb crash-after-write (injected)", 2)
                .hasEntrySatisfying("dynamodb throttle (injected)", n -> assertThat(n).isPositive());
        assertThat(f.clientRetries()).as("the API's crashed writes were resent").isPositive();
        assertThat(f.poisonIn()).isEqualTo(ROUNDS / Soak.WAVE);
        assertThat(f.poisonParked()).isEqualTo(f.poisonIn());
        assertThat(f.deadLetters()).filteredOn(d -> d.body().startsWith("{\"soak\""))
                .hasSize(f.poisonIn())
                .allSatisfy(d -> {
                    assertThat(d.queue()).isEqualTo("InboundDeadLetterQueue");
                    assertThat(d.reason()).isNotBlank().doesNotStartWith("(none");
                });
        assertThat(f.redriven()).isGreaterThanOrEqualTo(f.poisonIn());
        assertThat(f.parkedAfterRedrive()).isEqualTo(f.poisonIn());
        assertThat(f.lost()).isZero();
        assertThat(f.duplicated()).isZero();
        assertThat(f.missedGoals()).isEmpty();
    }
}
