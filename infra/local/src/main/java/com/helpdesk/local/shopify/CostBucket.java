package com.helpdesk.local.shopify;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Shopify's leaky query-cost bucket, as the stub shop reports it in {@code extensions.cost}. */
final class CostBucket {
    private final double maximum;
    private final double restorePerSecond;
    private double available;
    private long lastNanos = System.nanoTime();

    CostBucket(double maximum, double restorePerSecond) {
        this.maximum = maximum;
        this.restorePerSecond = restorePerSecond;
        this.available = maximum;
    }

    /** Takes {@code cost} points if the bucket holds them. */
    synchronized boolean take(double cost) {
        refill();
        if (available < cost) return false;
        available -= cost;
        return true;
    }

    synchronized ObjectNode extensions(double requested, double actual) {
        refill();
        ObjectNode extensions = new ObjectMapper().createObjectNode();
        ObjectNode cost = extensions.putObject("cost");
        cost.put("requestedQueryCost", requested).put("actualQueryCost", actual);
        cost.putObject("throttleStatus").put("maximumAvailable", maximum).put("currentlyAvailable", Math.floor(available))
                .put("restoreRate", restorePerSecond);
        return extensions;
    }

    private void refill() {
        long now = System.nanoTime();
        available = Math.min(maximum, available + (now - lastNanos) / 1e9 * restorePerSecond);
        lastNanos = now;
    }
}
