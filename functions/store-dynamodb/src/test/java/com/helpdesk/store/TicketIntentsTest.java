package com.helpdesk.store;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.IntentName;
import com.helpdesk.core.triage.IntentScore;
import com.helpdesk.core.triage.IntentSource;
import com.helpdesk.core.triage.TicketIntents;
import com.helpdesk.localaws.DynamoDbLocal;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Tickets' intents on the ticket's item collection, with their outbox event, against DynamoDB Local. */
class TicketIntentsTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00.123Z");
    private static DynamoDbLocal dynamo;
    private static DynamoDbClient client;
    private static DynamoDbTicketIntents intents;

    @BeforeAll
    static void start() {
        dynamo = DynamoDbLocal.start(0);
        client = NoScanClient.against(dynamo);
        client.createTable(TableSchema.createTableRequest("intents"));
        intents = new DynamoDbTicketIntents(client, "intents");
    }

    @AfterAll
    static void stop() {
        client.close();
        dynamo.close();
    }

    private static DomainEvent event(String ticketId, String id) {
        return new DomainEvent(id, EventTypes.INTENT_CLASSIFIED, ticketId, 1001, AT, Actor.system("triage"), Map.of("source", "auto"));
    }

    @Test
    void anAgentsCorrectionRoundTripsWithWhatTheModelSaid() {
        Intent corrected = new Intent(IntentName.MISSING_ITEM, 1.0, IntentSource.AGENT, "de", "maxent-abc", List.of(),
                new Intent.Correction(null, 0.41, List.of(new IntentScore(IntentName.WISMO, 0.41), new IntentScore(IntentName.MISSING_ITEM, 0.3)), "alice"), AT);

        intents.save("T1", corrected, 0, event("T1", "E1"));

        TicketIntents.Stored stored = intents.find("T1").orElseThrow();
        assertThat(stored.intent()).isEqualTo(corrected);
        assertThat(stored.version()).isEqualTo(1);
        var collection = client.query(b -> b.tableName("intents").keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TICKET#T1")))).items();
        assertThat(collection).extracting(i -> i.get("type").s()).containsExactlyInAnyOrder("TicketIntent", "OutboxEvent");
    }

    @Test
    void aStaleWriteIsRefusedAndWritesNoEvent() {
        Intent auto = new Intent(IntentName.WISMO, 0.9, IntentSource.AUTO, "en", "maxent-abc", List.of(), null, AT);
        intents.save("T2", auto, 0, event("T2", "E2"));

        assertThatThrownBy(() -> intents.save("T2", auto, 0, event("T2", "E3"))).isInstanceOf(VersionConflictException.class);

        var events = client.query(b -> b.tableName("intents").keyConditionExpression("PK = :pk AND begins_with(SK, :e)")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TICKET#T2"), ":e", AttributeValue.fromS("EVENT#")))).items();
        assertThat(events).extracting(i -> i.get("eventId").s()).containsExactly("E2");
    }
}
