package com.helpdesk.runtime;

import org.junit.jupiter.api.Test;

import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LazyTest {
    @Test
    void buildsOnFirstUseOnlyAndKeepsTheValue() {
        AtomicInteger builds = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> "client " + builds.incrementAndGet());

        assertThat(builds).hasValue(0);
        assertThat(lazy.get()).isEqualTo("client 1");
        assertThat(lazy.get()).isEqualTo("client 1");
        assertThat(builds).hasValue(1);
    }

    @Test
    void aFailedBuildIsTriedAgainOnTheNextUse() {
        AtomicInteger attempts = new AtomicInteger();
        Lazy<String> lazy = Lazy.of(() -> {
            if (attempts.incrementAndGet() == 1) throw new IllegalStateException("no region");
            return "client";
        });

        assertThatThrownBy(lazy::get).hasMessage("no region");
        assertThat(lazy.get()).isEqualTo("client");
    }
}
