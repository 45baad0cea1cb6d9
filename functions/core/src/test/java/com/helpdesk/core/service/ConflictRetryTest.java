package com.helpdesk.core.service;

import com.helpdesk.core.ContentionException;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.TicketChange;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Unconditional writes that lose races: retried with growing, jittered waits within a budget, then refused as busy. */
class ConflictRetryTest {
    /** Time that passes only when the retry waits: the test sees every wait and never sleeps. */
    private static final class FakePacer implements ConflictRetry.Pacer {
        long now;
        final List<Duration> waits = new ArrayList<>();

        @Override
        public long nanoTime() {
            return now;
        }

        @Override
        public void sleep(Duration delay) {
            waits.add(delay);
            now += delay.toNanos();
        }
    }

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final FakePacer pacer = new FakePacer();
    private final TicketCommands commands = new TicketCommands(repo, new UlidGenerator(clock), clock,
            ConflictRetry.commands().pacedBy(pacer, new Random(42)));
    private final Actor alice = Actor.agent("alice");
    private final TicketChange raise = new TicketChange(null, Priority.HIGH, null, null, null, null, null);

    private String ticket() {
        return commands.create(new NewTicket("Where is my order?", Requester.of("requester", "jane@example.com", null, "Jane", null),
                Channel.PHONE, null, null, null, null, null, "Caller asks", null, null, null), alice, null).thread().ticket().id();
    }

    @Test
    void aWriteThatLosesSomeRacesSucceedsAfterWaitingBetweenAttempts() {
        String id = ticket();
        repo.conflictsToInject = 7; // more than the five fixed attempts there used to be
        assertThat(commands.update(id, raise, OptionalLong.empty(), alice).ticket().priority()).isEqualTo(Priority.HIGH);
        assertThat(pacer.waits).hasSize(7);
        for (int i = 0; i < pacer.waits.size(); i++) {
            Duration bound = Duration.ofMillis(Math.min(250, 10L << i));
            assertThat(pacer.waits.get(i)).as("wait %d is at most its exponential bound", i).isBetween(Duration.ZERO, bound);
        }
        assertThat(repo.tickets.get(id).version()).isEqualTo(2);
    }

    @Test
    void aWriteThatKeepsLosingGivesUpWithinTheBudgetAsBusyAndWritesNothing() {
        String id = ticket();
        int events = repo.events.size();
        repo.conflictsToInject = 100_000;
        assertThatThrownBy(() -> commands.update(id, raise, OptionalLong.empty(), alice))
                .isInstanceOf(ContentionException.class)
                .hasMessageContaining("busy")
                .satisfies(e -> assertThat(((ContentionException) e).retryAfter()).isEqualTo(ConflictRetry.RETRY_AFTER));
        assertThat(Duration.ofNanos(pacer.now)).isLessThanOrEqualTo(Duration.ofSeconds(2));
        assertThat(pacer.waits.size()).as("it kept trying for most of the budget").isGreaterThan(7);
        assertThat(repo.tickets.get(id).version()).isEqualTo(1);
        assertThat(repo.events).hasSize(events);
    }

    @Test
    void aSlowStoreStillGetsItsMinimumAttemptsBeforeBusy() {
        String id = ticket();
        ConflictRetry.Pacer slow = new ConflictRetry.Pacer() {
            long now;

            @Override
            public long nanoTime() {
                return now += Duration.ofSeconds(3).toNanos(); // every attempt alone outlasts the budget
            }

            @Override
            public void sleep(Duration delay) {
                pacer.sleep(delay);
            }
        };
        TicketCommands slowCommands = new TicketCommands(repo, new UlidGenerator(clock), clock, ConflictRetry.commands().pacedBy(slow, new Random(7)));
        repo.conflictsToInject = 3;
        assertThat(slowCommands.update(id, raise, OptionalLong.empty(), alice).ticket().priority()).isEqualTo(Priority.HIGH);
        repo.conflictsToInject = 100_000;
        int waitsBefore = pacer.waits.size();
        TicketChange urgent = new TicketChange(null, Priority.URGENT, null, null, null, null, null);
        assertThatThrownBy(() -> slowCommands.update(id, urgent, OptionalLong.empty(), alice)).isInstanceOf(ContentionException.class)
                .hasMessageContaining("4 times");
        assertThat(pacer.waits.size() - waitsBefore).isEqualTo(3);
    }

    @Test
    void anApiRequestKeepsRetryingPastTwoSecondsUntilItsDeadline() {
        TicketCommands withDeadline = new TicketCommands(repo, new UlidGenerator(clock), clock,
                ConflictRetry.commandsUntil(() -> Duration.ofSeconds(20).toNanos()).pacedBy(pacer, new Random(42)));
        String id = ticket();
        repo.conflictsToInject = 40; // about five seconds of lost races at these delays
        assertThat(withDeadline.update(id, raise, OptionalLong.empty(), alice).ticket().priority()).isEqualTo(Priority.HIGH);
        assertThat(pacer.waits).hasSize(40);
        assertThat(Duration.ofNanos(pacer.now)).isGreaterThan(Duration.ofSeconds(2)).isLessThan(Duration.ofSeconds(20));
        assertThat(repo.tickets.get(id).version()).isEqualTo(2);
    }

    @Test
    void anApiRequestThatKeepsLosingIsBusyBeforeItsDeadlineAndWritesNothing() {
        TicketCommands withDeadline = new TicketCommands(repo, new UlidGenerator(clock), clock,
                ConflictRetry.commandsUntil(() -> Duration.ofSeconds(5).toNanos()).pacedBy(pacer, new Random(42)));
        String id = ticket();
        int events = repo.events.size();
        repo.conflictsToInject = 100_000;
        assertThatThrownBy(() -> withDeadline.update(id, raise, OptionalLong.empty(), alice)).isInstanceOf(ContentionException.class);
        assertThat(Duration.ofNanos(pacer.now)).isGreaterThan(Duration.ofSeconds(2)).isLessThanOrEqualTo(Duration.ofSeconds(5));
        assertThat(repo.tickets.get(id).version()).isEqualTo(1);
        assertThat(repo.events).hasSize(events);
    }

    @Test
    void aPinnedVersionIsNeverRetried() {
        String id = ticket();
        repo.conflictsToInject = 1;
        assertThatThrownBy(() -> commands.update(id, raise, OptionalLong.of(1), alice)).isInstanceOf(VersionConflictException.class);
        assertThat(pacer.waits).isEmpty();
    }

    @Test
    void otherRefusalsAreNotRetried() {
        assertThatThrownBy(() -> commands.update("tkt_nope", raise, OptionalLong.empty(), alice))
                .isInstanceOf(com.helpdesk.core.NotFoundException.class);
        assertThat(pacer.waits).isEmpty();
    }
}
