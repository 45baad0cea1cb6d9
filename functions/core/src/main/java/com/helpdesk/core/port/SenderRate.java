package com.helpdesk.core.port;

import java.time.Instant;

/** Counts a sender's messages per window (atomically, across concurrent intakes). */
public interface SenderRate {
    /** Counts one more message of {@code sender} in the window starting at {@code windowStart}; returns the count so far. */
    long countOne(String sender, Instant windowStart);
}
