package com.helpdesk.bus;

import java.time.Instant;

/**
 * One committed domain event as the table's outbox holds it, ready for the bus.
 * {@code key} identifies it within a relay batch (the stream record's sequence number).
 */
public record OutboxEntry(String key, String eventId, String source, String detailType, String detailJson, Instant time) {}
