package com.helpdesk.queue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.helpdesk.core.inbound.InboundMessage;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz test of what the inbound processor reads off its queue ({@link InboundMessageCodec#decode}): whatever
 * is on the queue (a poison message, an old format, a hand-sent test) either decodes into a message or is refused
 * with the IllegalArgumentException the processor parks with its reason. Any other outcome (another exception,
 * or nothing at all) would be retried until SQS gives up, 5 receives of 6 minutes each, and parked without a
 * reason. Regression mode (seeds in src/test/resources/com/helpdesk/queue/InboundMessageCodecFuzzTestInputs/decode)
 * in the normal build; {@code JAZZER_FUZZ=1} fuzzes. A decoded message survives being encoded again.
 */
class InboundMessageCodecFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void decode(byte[] data) {
        String body = new String(data, StandardCharsets.UTF_8);
        InboundMessage m;
        try {
            m = InboundMessageCodec.decode(body);
        } catch (IllegalArgumentException refused) {
            assertThat(refused.getMessage()).startsWith("not an inbound message");
            return;
        }
        assertThat(m).as("decoded from %s", body).isNotNull();
        String again = InboundMessageCodec.encode(m);
        if (again.getBytes(StandardCharsets.UTF_8).length < InboundMessageCodec.MAX_BYTES) {
            assertThat(InboundMessageCodec.decode(again)).isEqualTo(m);
        }
    }
}
