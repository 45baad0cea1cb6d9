package com.helpdesk.relay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.AttributeValue;
import com.amazonaws.services.lambda.runtime.events.models.dynamodb.StreamRecord;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.helpdesk.bus.EventBusPublisher;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequest;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResultEntry;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

class OutboxRelayHandlerTest {

    /** Records what was put; refuses the entries the predicate names, as EventBridge reports partial failures. */
    static final class RecordingBus implements EventBridgeClient {
        final List<PutEventsRequestEntry> accepted = new ArrayList<>();
        final List<Integer> callSizes = new ArrayList<>();
        Predicate<PutEventsRequestEntry> refuse = e -> false;
        boolean unavailable;

        @Override
        public PutEventsResponse putEvents(PutEventsRequest request) {
            if (unavailable) throw new IllegalStateException("service unavailable");
            callSizes.add(request.entries().size());
            List<PutEventsResultEntry> results = new ArrayList<>();
            int failed = 0;
            for (PutEventsRequestEntry e : request.entries()) {
                if (refuse.test(e)) {
                    failed++;
                    results.add(PutEventsResultEntry.builder().errorCode("InternalFailure").errorMessage("try again").build());
                } else {
                    accepted.add(e);
                    results.add(PutEventsResultEntry.builder().eventId("id-" + accepted.size()).build());
                }
            }
            return PutEventsResponse.builder().failedEntryCount(failed).entries(results).build();
        }

        @Override
        public String serviceName() {
            return "events";
        }

        @Override
        public void close() {}
    }

    private final RecordingBus bus = new RecordingBus();
    private final RecordingMetrics metrics = new RecordingMetrics();
    private final OutboxRelayHandler handler = new OutboxRelayHandler(new EventBusPublisher(bus, "helpdesk-bus"), metrics);

    @Test
    void relaysTheSampleStreamEventsOutboxInsertAndIgnoresTicketChanges() {
        DynamodbEvent event = EventLoader.loadDynamoDbEvent(
                Path.of(System.getProperty("helpdesk.root", "../.."), "events/stream/outbox-insert.json").toString());
        StreamsEventResponse response = handler.handle(event, null);

        assertThat(response.getBatchItemFailures()).isEmpty();
        assertThat(bus.accepted).singleElement().satisfies(e -> {
            assertThat(e.eventBusName()).isEqualTo("helpdesk-bus");
            assertThat(e.source()).isEqualTo("helpdesk.tickets");
            assertThat(e.detailType()).isEqualTo("TicketCreated");
            assertThat(e.detail()).contains("\"eventId\"").contains("\"ticketId\"");
            assertThat(e.time()).isNotNull();
        });
    }

    @Test
    void refusedEntriesAreReportedAsBatchItemFailuresAndTheRestGoThrough() {
        List<DynamodbEvent.DynamodbStreamRecord> records = new ArrayList<>();
        for (int i = 1; i <= 23; i++) records.add(outboxInsert("seq-" + i, "evt_" + i));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(records);
        bus.refuse = e -> Set.of("evt_4", "evt_17").stream().anyMatch(id -> e.detail().contains(id));

        StreamsEventResponse response = handler.handle(event, null);

        assertThat(bus.callSizes).containsExactly(10, 10, 3);
        assertThat(bus.accepted).hasSize(21);
        assertThat(metrics.recorded).containsExactly("EventsRelayed:21");
        assertThat(response.getBatchItemFailures()).extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier)
                .containsExactly("seq-4", "seq-17");
    }

    @Test
    void anUnreachableBusFailsEveryEntrySoLambdaRetriesThem() {
        bus.unavailable = true;
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(outboxInsert("seq-1", "evt_1"), outboxInsert("seq-2", "evt_2")));
        assertThat(handler.handle(event, null).getBatchItemFailures())
                .extracting(StreamsEventResponse.BatchItemFailure::getItemIdentifier).containsExactly("seq-1", "seq-2");
    }

    @Test
    void malformedOutboxItemsAreSkippedNotRetriedForever() {
        DynamodbEvent.DynamodbStreamRecord broken = outboxInsert("seq-1", "evt_1");
        broken.getDynamodb().getNewImage().remove("detail");
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(broken, outboxInsert("seq-2", "evt_2")));
        assertThat(handler.handle(event, null).getBatchItemFailures()).isEmpty();
        assertThat(bus.accepted).hasSize(1);
    }

    @Test
    void aTicketsHistoryItemIsItsOutboxAndAnOlderOneWithoutSourceIsNotRelayedAgain() {
        DynamodbEvent.DynamodbStreamRecord history = outboxInsert("seq-1", "evt_1");
        history.getDynamodb().getNewImage().put("type", new AttributeValue().withS("HistoryEntry"));
        history.getDynamodb().getNewImage().put("SK", new AttributeValue().withS("HISTORY#000000000002#000#evt_1"));
        // written before the history became the outbox: its event went out through its own outbox item
        DynamodbEvent.DynamodbStreamRecord older = outboxInsert("seq-2", "evt_2");
        older.getDynamodb().getNewImage().put("type", new AttributeValue().withS("HistoryEntry"));
        older.getDynamodb().getNewImage().remove("source");
        older.getDynamodb().getNewImage().put("action", new AttributeValue().withS("StatusChanged"));
        DynamodbEvent event = new DynamodbEvent();
        event.setRecords(List.of(history, older));
        assertThat(handler.handle(event, null).getBatchItemFailures()).isEmpty();
        assertThat(bus.accepted).hasSize(1);
        assertThat(bus.accepted.get(0).detail()).contains("\"eventId\":\"evt_1\"");
    }

    private static DynamodbEvent.DynamodbStreamRecord outboxInsert(String seq, String eventId) {
        Map<String, AttributeValue> image = new HashMap<>();
        image.put("PK", new AttributeValue().withS("TICKET#tkt_1"));
        image.put("SK", new AttributeValue().withS("EVENT#2026-11-22T09:00:00.000Z#" + eventId));
        image.put("type", new AttributeValue().withS("OutboxEvent"));
        image.put("eventId", new AttributeValue().withS(eventId));
        image.put("detailType", new AttributeValue().withS("StatusChanged"));
        image.put("source", new AttributeValue().withS("helpdesk.tickets"));
        image.put("occurredAt", new AttributeValue().withS("2026-11-22T09:00:00.000Z"));
        image.put("detail", new AttributeValue().withS("{\"eventId\":\"" + eventId + "\",\"ticketId\":\"tkt_1\"}"));
        StreamRecord sr = new StreamRecord();
        sr.setSequenceNumber(seq);
        sr.setNewImage(image);
        DynamodbEvent.DynamodbStreamRecord r = new DynamodbEvent.DynamodbStreamRecord();
        r.setEventName("INSERT");
        r.setDynamodb(sr);
        return r;
    }
}
