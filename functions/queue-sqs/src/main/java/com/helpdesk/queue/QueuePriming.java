package com.helpdesk.queue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.NotFoundException;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.SnapStartPriming;

/**
 * SnapStart priming of a function fed by the bus through a queue (functions/runtime {@code SnapStartPriming}): a bus
 * event as the consumer's decoder reads it, and the consumer's own path run on a ticket that is never issued, so the
 * path reads (the SDK's marshallers, signer and HTTP client, the core's classes), finds nothing and stops before it
 * could write. Priming runs against the deployed table: it must never change it.
 */
public final class QueuePriming {
    /** The ticket the queue consumers' primers run on: {@link SnapStartPriming#NEVER_ISSUED_TICKET}. */
    public static final String NEVER_ISSUED_TICKET = SnapStartPriming.NEVER_ISSUED_TICKET;

    private QueuePriming() {
    }

    /** An EventBridge event of the given type about the never-issued ticket, as the bus puts it on a consumer's queue (a whole domain event). */
    public static String busEvent(String detailType) {
        return "{\"version\":\"0\",\"id\":\"snapstart-priming\",\"detail-type\":\"" + detailType + "\",\"source\":\"helpdesk.tickets\","
                + "\"account\":\"000000000000\",\"time\":\"2026-01-01T00:00:00Z\",\"region\":\"us-east-1\",\"resources\":[],"
                + "\"detail\":{\"eventId\":\"evt_00000000000000000000000000\",\"ticketId\":\"" + NEVER_ISSUED_TICKET + "\","
                + "\"occurredAt\":\"2026-01-01T00:00:00Z\",\"data\":{\"messageId\":\"msg_00000000000000000000000000\","
                + "\"authorType\":\"customer\"}}}";
    }

    /** {@link #busEvent} read as a tree with the project's mapper, as a consumer reading the record's body does. */
    public static JsonNode busEventTree(String detailType) {
        try {
            return Json.mapper().readTree(busEvent(detailType));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the priming event is not JSON", e);
        }
    }

    /**
     * Runs a consumer's path on {@link #NEVER_ISSUED_TICKET}: it must end with the ticket not found. A path that ends
     * otherwise is reported as a failed priming step (logged by SnapStartPriming), never taken for a warm one.
     */
    public static void onNeverIssuedTicket(Runnable path) {
        try {
            path.run();
        } catch (NotFoundException expected) {
            return;
        }
        throw new IllegalStateException("priming expected " + NEVER_ISSUED_TICKET + " not to be found");
    }
}
