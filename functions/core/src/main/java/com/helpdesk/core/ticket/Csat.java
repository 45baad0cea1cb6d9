package com.helpdesk.core.ticket;

import java.time.Instant;

/**
 * The customer's satisfaction rating of a resolution: 1 (bad) to 5 (great), an optional comment, and
 * whom it is about ({@code resolvedBy}: the agent or AI who resolved the ticket).
 */
public record Csat(int rating, String comment, Instant resolvedAt, Actor resolvedBy, Instant respondedAt) {
    public static final int MAX_COMMENT = 2000;
}
