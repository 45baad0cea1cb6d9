package com.helpdesk.core.metrics;

/** The counted figures of a day and dimension (definitions: docs/metrics.md). */
public enum Counter {
    CREATED, RESOLVED, REOPENED, ESCALATED, ONE_TOUCH,
    CSAT_RESPONSES, CSAT_RATING_SUM, CSAT_SATISFIED,
    /** SLA cycles met within their target (SlaMet) and breached (SlaBreached), every target together... */
    SLA_MET, SLA_BREACHED,
    /** ... and per target. */
    SLA_FIRST_RESPONSE_MET, SLA_FIRST_RESPONSE_BREACHED, SLA_NEXT_RESPONSE_MET, SLA_NEXT_RESPONSE_BREACHED,
    SLA_RESOLUTION_MET, SLA_RESOLUTION_BREACHED,
    AI_HANDLED, AI_DEFLECTED, AI_HANDED_OFF;

    /** The per-target counter of an SLA outcome: {@code target} as on the wire ({@code firstResponse}), met or breached; null for an unknown target. */
    public static Counter sla(String target, boolean met) {
        return switch (target == null ? "" : target) {
            case "firstResponse" -> met ? SLA_FIRST_RESPONSE_MET : SLA_FIRST_RESPONSE_BREACHED;
            case "nextResponse" -> met ? SLA_NEXT_RESPONSE_MET : SLA_NEXT_RESPONSE_BREACHED;
            case "resolution" -> met ? SLA_RESOLUTION_MET : SLA_RESOLUTION_BREACHED;
            default -> null;
        };
    }
}
