package com.helpdesk.shopify;

import com.helpdesk.core.orders.OrderDirectoryException;
import com.helpdesk.core.orders.OrderDirectoryException.Kind;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Shopify's cost-based rate limit, per shop: a bucket of {@code maximumAvailable} points refilled at
 * {@code restoreRate} per second, reported with every answer in {@code extensions.cost.throttleStatus}.
 * Before a request we wait until the bucket holds what the last query of that kind cost; after a
 * THROTTLED answer we wait for the missing points. A wait longer than {@code maxWait} is not sat out in
 * the function: it fails as THROTTLED and the queue retries later.
 */
final class CostThrottle {
    /** What a query costs before we have seen it answered: enough for the customer query with its orders. */
    static final double FIRST_GUESS = 100;

    interface Sleeper {
        void sleep(Duration d) throws InterruptedException;
    }

    record Status(double maximumAvailable, double currentlyAvailable, double restoreRate, Instant seenAt) {
        double availableAt(Instant now) {
            double seconds = Math.max(0, Duration.between(seenAt, now).toMillis() / 1000.0);
            return Math.min(maximumAvailable, currentlyAvailable + seconds * restoreRate);
        }
    }

    private final Map<String, Status> byShop = new ConcurrentHashMap<>();
    private final Clock clock;
    private final Sleeper sleeper;
    private final Duration maxWait;

    CostThrottle(Clock clock, Sleeper sleeper, Duration maxWait) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.maxWait = maxWait;
    }

    /** Waits, if needed, until the shop's bucket holds {@code cost} points. */
    void beforeRequest(String shop, double cost) throws OrderDirectoryException {
        Status s = byShop.get(shop);
        if (s == null) return;
        waitFor(shop, s, cost);
    }

    /** Records what Shopify reported after an answer. */
    void observed(String shop, double maximumAvailable, double currentlyAvailable, double restoreRate) {
        if (restoreRate <= 0 || maximumAvailable <= 0) return; // not a status we can plan with
        byShop.put(shop, new Status(maximumAvailable, currentlyAvailable, restoreRate, clock.instant()));
    }

    /** After THROTTLED: waits for the points the refused query asked for. */
    void afterThrottled(String shop, double requestedCost) throws OrderDirectoryException {
        Status s = byShop.get(shop);
        if (s == null) {
            // Throttled without a status (a bare 429): back off by one second, as Shopify's Retry-After does.
            sleep(Duration.ofSeconds(1));
            return;
        }
        waitFor(shop, s, requestedCost);
    }

    private void waitFor(String shop, Status s, double cost) throws OrderDirectoryException {
        double needed = Math.min(cost, s.maximumAvailable()) - s.availableAt(clock.instant());
        if (needed <= 0) return;
        Duration wait = Duration.ofMillis((long) Math.ceil(needed / s.restoreRate() * 1000));
        if (wait.compareTo(maxWait) > 0) {
            throw new OrderDirectoryException(Kind.THROTTLED, "shopify: " + shop + " is throttled; its query budget refills in "
                    + wait.toSeconds() + "s");
        }
        sleep(wait);
    }

    private void sleep(Duration d) throws OrderDirectoryException {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new OrderDirectoryException(Kind.THROTTLED, "shopify: interrupted while waiting for the query budget");
        }
    }
}
