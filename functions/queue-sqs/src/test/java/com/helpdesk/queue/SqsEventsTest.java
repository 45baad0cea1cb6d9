package com.helpdesk.queue;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.helpdesk.runtime.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The project's reading of Lambda's SQS event against Lambda's own serializer, on the repository's real-shaped events. */
class SqsEventsTest {
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../.."));

    @ParameterizedTest
    @ValueSource(strings = {"events/sqs/bus-event.json", "events/sqs/inbound-fifo.json"})
    void readsTheEventAsLambdasSerializerDoes(String name) throws IOException {
        Path file = ROOT.resolve(name);
        SQSEvent lambdas = EventLoader.loadSQSEvent(file.toString());
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(SqsEvents.read(in)).usingRecursiveComparison().isEqualTo(lambdas);
        }
    }

    @Test
    void theFifoSampleCarriesInboundMessagesInTheirGroups() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("events/sqs/inbound-fifo.json"))) {
            SQSEvent event = SqsEvents.read(in);
            assertThat(event.getRecords()).hasSize(2).allSatisfy(m -> {
                assertThat(InboundMessageCodec.decode(m.getBody()).requester().email()).isNotBlank();
                assertThat(m.getAttributes().get("MessageGroupId")).isEqualTo("email:" + InboundMessageCodec.decode(m.getBody()).requester().email());
            });
        }
    }

    @Test
    void binaryMessageAttributesAreDecodedFromBase64() throws IOException {
        try (InputStream in = Files.newInputStream(ROOT.resolve("events/sqs/bus-event.json"))) {
            SQSEvent.MessageAttribute origin = SqsEvents.read(in).getRecords().get(0).getMessageAttributes().get("origin");
            assertThat(StandardCharsets.UTF_8.decode(origin.getBinaryValue()).toString()).isEqualTo("helpdesk-bus");
        }
    }

    @Test
    void inputThatIsNoSqsEventIsRefusedNamingWhy() {
        assertThatThrownBy(() -> read("{\"Records\":")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> read("{\"detail-type\":\"TicketCreated\"}")).hasMessageContaining("no Records list");
        assertThatThrownBy(() -> read("{\"Records\":[1]}")).hasMessageContaining("a record is not an object");
        assertThatThrownBy(() -> read("{\"Records\":[{\"messageAttributes\":{\"a\":{\"binaryValue\":\"%%%\"}}}]}"))
                .hasMessageContaining("message attribute a").hasMessageContaining("not base64");
    }

    @Test
    void writesTheBatchItemFailuresLambdaReads() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SqsEvents.serve(new ByteArrayInputStream("{\"Records\":[{\"messageId\":\"m1\"},{\"messageId\":\"m2\"}]}".getBytes(StandardCharsets.UTF_8)),
                out, event -> new SQSBatchResponse(List.of(new SQSBatchResponse.BatchItemFailure(event.getRecords().get(1).getMessageId()))));

        assertThat(Json.mapper().readTree(out.toByteArray()).toString()).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"}]}");
    }

    @Test
    void noFailuresIsAnEmptyList() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        SqsEvents.write(new SQSBatchResponse(List.of()), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[]}");
    }

    private static SQSEvent read(String json) throws IOException {
        return SqsEvents.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
