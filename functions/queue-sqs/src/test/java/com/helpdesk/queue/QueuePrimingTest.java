package com.helpdesk.queue;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.NotFoundException;
import com.helpdesk.runtime.Json;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class QueuePrimingTest {
    @Test
    void theBusEventNamesTheNeverIssuedTicket() throws Exception {
        JsonNode event = Json.mapper().readTree(QueuePriming.busEvent("TicketCreated"));
        assertThat(event.path("detail-type").asText()).isEqualTo("TicketCreated");
        assertThat(event.path("detail").path("ticketId").asText()).isEqualTo(QueuePriming.NEVER_ISSUED_TICKET);
        assertThat(event.path("detail").path("data").path("authorType").asText()).isEqualTo("customer");
        // a whole domain event, as consumers that decode one (the SLA timer) require
        assertThat(event.path("detail").path("eventId").asText()).startsWith("evt_");
        assertThat(java.time.Instant.parse(event.path("detail").path("occurredAt").asText())).isNotNull();
    }

    @Test
    void aPathMustEndWithTheTicketNotFound() {
        assertThatCode(() -> QueuePriming.onNeverIssuedTicket(() -> {
            throw new NotFoundException("no ticket " + QueuePriming.NEVER_ISSUED_TICKET);
        })).doesNotThrowAnyException();
        assertThatThrownBy(() -> QueuePriming.onNeverIssuedTicket(() -> { }))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("not to be found");
        assertThatThrownBy(() -> QueuePriming.onNeverIssuedTicket(() -> {
            throw new IllegalArgumentException("throttled");
        })).isInstanceOf(IllegalArgumentException.class);
    }
}
