package com.helpdesk.relay;

import com.helpdesk.bus.OutboxEntry;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** The relay's SnapStart primer decodes its sample as an outbox entry (so the decoders it primes are the ones a batch runs). */
class RelayPrimingTest {
    @Test
    void theSampleStreamInsertDecodesToOneOutboxEntry() {
        assertThat(RelayPriming.prime()).singleElement().satisfies(e -> {
            assertThat(e.detailType()).isEqualTo("TicketCreated");
            assertThat(e.source()).isEqualTo("helpdesk.tickets");
            assertThat(e.key()).isEqualTo("1");
            assertThat(e.detailJson()).contains("tkt_00000000000000000000000000");
        });
    }
}
