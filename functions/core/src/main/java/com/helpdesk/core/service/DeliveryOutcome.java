package com.helpdesk.core.service;

import com.helpdesk.core.ticket.DeliveryStatus;

import java.util.List;
import java.util.Objects;

/**
 * What became of a reply on its way out, as one provider report: its status; the provider's id for it;
 * why it failed or is retried; the id it really went out with (an email's Message-ID as SES wrote
 * it); and the thread keys that should lead answers to its ticket from now on.
 */
public record DeliveryOutcome(DeliveryStatus status, String providerId, String detail, String externalId, List<String> threadKeys) {
    public DeliveryOutcome {
        Objects.requireNonNull(status, "status");
        threadKeys = threadKeys == null ? List.of() : List.copyOf(threadKeys);
    }

    /** The provider took it. */
    public static DeliveryOutcome sent(String providerId, String externalId, List<String> threadKeys) {
        return new DeliveryOutcome(DeliveryStatus.SENT, providerId, null, externalId, threadKeys);
    }

    /** Refused, or given up: the reply shows why. */
    public static DeliveryOutcome failed(String reason) {
        return new DeliveryOutcome(DeliveryStatus.FAILED, null, reason, null, List.of());
    }

    /** A transient failure: back in the queue for another attempt. */
    public static DeliveryOutcome queuedAgain(String reason) {
        return new DeliveryOutcome(DeliveryStatus.QUEUED, null, reason, null, List.of());
    }

    /** A provider's later status callback (delivered, read, failed). */
    public static DeliveryOutcome reported(DeliveryStatus status, String detail) {
        return new DeliveryOutcome(status, null, detail, null, List.of());
    }
}
