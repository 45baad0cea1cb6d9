package com.helpdesk.runtime;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

class SnapStartPrimingTest {
    @Test
    void theCheckpointHookRunsTheHandlersPrimerOnce() {
        AtomicInteger runs = new AtomicInteger();
        SnapStartPriming hook = new SnapStartPriming(runs::incrementAndGet);

        hook.beforeCheckpoint(null);

        assertThat(runs).hasValue(1);
    }

    @Test
    void aFailingPrimerIsReportedNotThrown() {
        SnapStartPriming hook = new SnapStartPriming(() -> {
            throw new IllegalStateException("table not reachable");
        });

        assertThat(hook.prime()).isFalse();
        assertThatCode(() -> hook.beforeCheckpoint(null)).doesNotThrowAnyException();
    }

    @Test
    void aPrimerIsRegisteredWhenLambdaInitialisesForASnapshot() {
        AtomicInteger runs = new AtomicInteger();
        SnapStartPriming.register(runs::incrementAndGet, SnapStartPriming.SNAP_START);

        assertThat(SnapStartPriming.primeRegistered()).isTrue();
        assertThat(runs).hasValue(1);
    }

    @Test
    void aPrimerIsNotRegisteredOnAnOnDemandStart() {
        AtomicInteger runs = new AtomicInteger();
        SnapStartPriming.register(runs::incrementAndGet, "on-demand");
        SnapStartPriming.register(runs::incrementAndGet, null);

        SnapStartPriming.primeRegistered();

        assertThat(runs).hasValue(0);
    }

    @Test
    void theJsonPrimingRoundTripsInstantsAndOptionals() {
        assertThatCode(SnapStartPriming::primeJson).doesNotThrowAnyException();
    }
}
