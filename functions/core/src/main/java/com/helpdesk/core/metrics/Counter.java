package com.helpdesk.core.metrics;

/** The counted figures of a day and dimension (definitions: docs/metrics.md). */
public enum Counter {
    CREATED, RESOLVED, REOPENED, ESCALATED, ONE_TOUCH,
    CSAT_RESPONSES, CSAT_RATING_SUM, CSAT_SATISFIED,
    /** met / breached come with the SLA capability's events (SlaBreached, ...): nothing feeds them yet. */
    SLA_MET, SLA_BREACHED,
    AI_HANDLED, AI_DEFLECTED, AI_HANDED_OFF
}
