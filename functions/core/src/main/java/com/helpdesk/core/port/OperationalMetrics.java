package com.helpdesk.core.port;

/**
 * What an operator watches of the plumbing, counted where it happens (docs/runbook.md#metrics names each
 * metric and its breakdown). The support numbers, tickets created among them, are the metrics function's
 * (core.metrics.SupportMetrics): it sees the tickets of every channel. The values passed are the wire names of the breakdown: a channel ("email"), an
 * inbound outcome ("threaded", "opened", "duplicate", "unthreaded"), a dead-letter reason code.
 */
public interface OperationalMetrics {
    /** One inbound message came to this outcome (InboundMessages by Outcome). */
    void inboundMessage(String outcome);

    /** A reply was delivered on this channel (RepliesSent by Channel). */
    void replySent(String channel);

    /** A reply was marked failed on this channel (RepliesFailed by Channel). */
    void replyFailed(String channel);

    /** Events put on the bus (EventsRelayed). */
    void eventsRelayed(int count);

    /** A message was parked in a dead-letter queue for this reason code (DeadLetterParks by Reason). */
    void deadLetterParked(String reason);
}
