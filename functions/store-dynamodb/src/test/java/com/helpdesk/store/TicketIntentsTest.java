package com.helpdesk.store;

import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.ticket.Transition;
import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.IntentName;
import com.helpdesk.core.triage.IntentScore;
import com.helpdesk.core.triage.IntentSource;
import com.helpdesk.core.triage.IntentWire;
import com.helpdesk.core.triage.TicketIntents;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Tickets' intents on the ticket's item collection, written in one transaction with the ticket's classification (its
 * new version, its intent tag, its history and outbox events), against DynamoDB Local.
 */
class TicketIntentsTest {
    private static final Instant AT = Instant.parse("2026-12-01T10:00:00.123Z");
    private static final Clock CLOCK = Clock.fixed(AT, ZoneOffset.UTC);
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("intents");
    private static DynamoDbClient client;
    private static DynamoDbTicketRepository tickets;
    private static DynamoDbTicketIntents intents;
    private static TicketDesk desk;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        tickets = new DynamoDbTicketRepository(client, "intents");
        intents = new DynamoDbTicketIntents(client, "intents");
        desk = TicketDesk.wire(tickets, new UlidGenerator(CLOCK), CLOCK);
    }

    private static Ticket ticket() {
        Requester ana = Requester.of("requester", "ana@example.com", null, "Ana Demo", null);
        return desk.commands().create(new NewTicket("where is the rest of my order", ana, Channel.EMAIL, null, List.of("vip"), null,
                null, null, "one item is missing", null, null, null), Actor.customer(ana), null).thread().ticket();
    }

    private static TicketWrite classification(Ticket read, Intent intent) {
        EventStamp stamp = new EventStamp(new UlidGenerator(CLOCK), Actor.system("triage"), AT);
        Transition classified = read.classify(intent.tag(), IntentWire.of(intent), stamp);
        return new TicketWrite(read, classified.ticket(), List.of(), classified.events());
    }

    private static Ticket reread(Ticket t) {
        return tickets.find(t.id()).orElseThrow().ticket();
    }

    private static List<String> historyTypes(Ticket t) {
        return tickets.history(t.id(), 100, null).entries().stream().map(DomainEvent::type).toList();
    }

    @Test
    void anAgentsCorrectionRoundTripsWithWhatTheModelSaidInOneVersionWithItsTag() {
        Ticket t = ticket();
        Intent corrected = new Intent(IntentName.MISSING_ITEM, 1.0, IntentSource.AGENT, "de", "maxent-abc", List.of(),
                new Intent.Correction(null, 0.41, List.of(new IntentScore(IntentName.WISMO, 0.41), new IntentScore(IntentName.MISSING_ITEM, 0.3)), "alice"), AT);

        intents.save(corrected, 0, classification(t, corrected));

        TicketIntents.Stored stored = intents.find(t.id()).orElseThrow();
        assertThat(stored.intent()).isEqualTo(corrected);
        assertThat(stored.version()).isEqualTo(1);
        assertThat(reread(t).version()).isEqualTo(t.version() + 1);
        assertThat(reread(t).tags()).containsExactly("intent:missing_item", "vip");
        assertThat(historyTypes(t)).endsWith(EventTypes.INTENT_CLASSIFIED, EventTypes.TAGGED);
        var collection = client.query(b -> b.tableName("intents").keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", AttributeValue.fromS("TICKET#" + t.id())))).items();
        assertThat(collection).extracting(i -> i.get("type").s()).contains("TicketIntent");
        assertThat(tickets.find(t.id()).orElseThrow().messages()).hasSize(1); // the thread reader skips the intent item
    }

    @Test
    void aStaleIntentWriteIsRefusedAndWritesNoEventNorTag() {
        Ticket t = ticket();
        Intent auto = new Intent(IntentName.WISMO, 0.9, IntentSource.AUTO, "en", "maxent-abc", List.of(), null, AT);
        intents.save(auto, 0, classification(t, auto));
        Intent other = new Intent(IntentName.DAMAGE_CLAIM, 0.9, IntentSource.AUTO, "en", "maxent-abc", List.of(), null, AT);

        assertThatThrownBy(() -> intents.save(other, 0, classification(reread(t), other))).isInstanceOf(VersionConflictException.class);

        assertThat(historyTypes(t).stream().filter(EventTypes.INTENT_CLASSIFIED::equals)).hasSize(1);
        assertThat(reread(t).tags()).containsExactly("intent:wismo", "vip");
        assertThat(intents.find(t.id()).orElseThrow().intent()).isEqualTo(auto);
    }

    @Test
    void aClassificationOfATicketChangedMeanwhileWritesNeitherTheIntentNorItsTag() {
        Ticket t = ticket();
        desk.commands().update(t.id(), new TicketChange(null, Priority.HIGH, null, null, null, null, null), OptionalLong.empty(),
                Actor.agent("alice"));
        Intent auto = new Intent(IntentName.WISMO, 0.9, IntentSource.AUTO, "en", "maxent-abc", List.of(), null, AT);

        assertThatThrownBy(() -> intents.save(auto, 0, classification(t, auto))).isInstanceOf(VersionConflictException.class);

        assertThat(intents.find(t.id())).isEmpty();
        assertThat(reread(t).tags()).containsExactly("vip");
        assertThat(historyTypes(t)).doesNotContain(EventTypes.INTENT_CLASSIFIED);
    }
}
