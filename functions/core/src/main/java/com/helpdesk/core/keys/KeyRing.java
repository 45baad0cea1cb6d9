package com.helpdesk.core.keys;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The keys of one kind of token (list cursors, survey links, reply addresses): the current key, which
 * signs, and the keys it replaced, each still accepted until its grace deadline so that what was
 * handed out before a rotation (an e-mail's reply address, a survey link) keeps working for a while.
 */
public final class KeyRing {
    /** A replaced key: verifies tokens until {@code validUntil} (exclusive), never signs. */
    public record Retired(SigningKey key, Instant validUntil) {}

    private final SigningKey current;
    private final List<Retired> previous;

    public KeyRing(SigningKey current, List<Retired> previous) {
        this.current = current;
        this.previous = List.copyOf(previous);
        Set<String> ids = new HashSet<>();
        ids.add(current.id());
        for (Retired r : this.previous) {
            if (!ids.add(r.key().id())) throw new IllegalArgumentException("key id " + r.key().id() + " is in the ring twice");
        }
    }

    public static KeyRing of(SigningKey current) {
        return new KeyRing(current, List.of());
    }

    public SigningKey current() {
        return current;
    }

    public List<Retired> previous() {
        return previous;
    }

    public boolean knows(String id) {
        return current.id().equals(id) || previous.stream().anyMatch(r -> r.key().id().equals(id));
    }

    /** The key that verifies a token carrying {@code id}: the current one, or a replaced one within its grace. */
    public Optional<SigningKey> forVerifying(String id, Instant now) {
        if (current.id().equals(id)) return Optional.of(current);
        return previous.stream().filter(r -> r.key().id().equals(id) && now.isBefore(r.validUntil()))
                .map(Retired::key).findFirst();
    }

    /**
     * This ring after {@code next} takes over: the current key is accepted for {@code grace} more
     * (a zero grace drops it at once: a leaked key), replaced keys keep their own deadlines, and
     * those already past them are dropped.
     */
    public KeyRing rotatedTo(SigningKey next, Duration grace, Instant now) {
        if (grace.isNegative()) throw new IllegalArgumentException("the grace period cannot be negative: " + grace);
        if (knows(next.id())) throw new IllegalArgumentException("key id " + next.id() + " is already in the ring");
        List<Retired> kept = new ArrayList<>();
        if (!grace.isZero()) kept.add(new Retired(current, now.plus(grace)));
        for (Retired r : previous) {
            if (now.isBefore(r.validUntil())) kept.add(r);
        }
        return new KeyRing(next, kept);
    }

    /** This ring with one more replaced key (a key from before key ids, moved into the ring at its first rotation). */
    public KeyRing withRetired(Retired retired) {
        List<Retired> all = new ArrayList<>(previous);
        all.add(retired);
        return new KeyRing(current, all);
    }

    public Set<String> ids() {
        Set<String> ids = new HashSet<>();
        ids.add(current.id());
        previous.forEach(r -> ids.add(r.key().id()));
        return ids;
    }

    @Override
    public String toString() {
        return "KeyRing[current=" + current.id() + ", previous=" + previous.stream().map(r -> r.key().id() + " until " + r.validUntil()).toList() + "]";
    }
}
