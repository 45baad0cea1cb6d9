package com.helpdesk.local.bus;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.EventBridgeException;
import software.amazon.awssdk.services.eventbridge.model.PutEventsRequestEntry;
import software.amazon.awssdk.services.eventbridge.model.PutEventsResponse;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The emulated bus driven by the SDK's own EventBridgeClient, as the functions use it. */
class EventBusEmulatorTest {
    private final List<String> invocations = Collections.synchronizedList(new ArrayList<>());
    private EventBusEmulator bus;
    private HttpServer server;
    private EventBridgeClient client;

    @BeforeEach
    void start() throws Exception {
        bus = new EventBusEmulator(Instant::now, (fn, event) -> {
            invocations.add(fn + " " + event);
            if (fn.equals("Broken")) throw new com.helpdesk.local.lambda.FunctionError("Boom", "always fails", null);
            return "null";
        }, null, "000000000000", "us-east-1");
        bus.addBus("tickets");
        bus.addRule(new BusRule("Resolved", "tickets",
                "{\"source\":[\"helpdesk.tickets\"],\"detail-type\":[\"StatusChanged\"],\"detail\":{\"data\":{\"to\":[\"resolved\"]}}}",
                List.of(new BusRule.Target("csat", BusRule.Kind.LAMBDA, "CsatFunction", null))));
        bus.addRule(new BusRule("Urgent", "tickets",
                "{\"detail\":{\"data\":{\"priority\":[{\"anything-but\":[\"low\",\"normal\"]}]}}}",
                List.of(new BusRule.Target("page", BusRule.Kind.LAMBDA, "Broken", null))));
        bus.addRule(new BusRule("Everything", "tickets", "{\"source\":[{\"prefix\":\"helpdesk.\"}]}",
                List.of(new BusRule.Target("log", BusRule.Kind.LOGS, "arn:aws:logs:x", null))));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/_aws/events", bus);
        server.start();
        client = EventBridgeClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/_aws/events"))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.stop(0);
        bus.close();
    }

    private static PutEventsRequestEntry entry(String type, String detail) {
        return PutEventsRequestEntry.builder().eventBusName("tickets").source("helpdesk.tickets").detailType(type).detail(detail).build();
    }

    @Test
    void eventsAreMatchedWithEventBridgePatternsAndDelivered() throws Exception {
        PutEventsResponse r = client.putEvents(b -> b.entries(
                entry("StatusChanged", "{\"data\":{\"to\":\"resolved\"}}"),
                entry("StatusChanged", "{\"data\":{\"to\":\"open\"}}"),
                entry("PriorityChanged", "{\"data\":{\"priority\":\"urgent\"}}")));
        assertThat(r.failedEntryCount()).isZero();
        assertThat(r.entries()).allSatisfy(e -> assertThat(e.eventId()).isNotBlank());

        List<Map<String, Object>> log = bus.log();
        assertThat(log).extracting(e -> e.get("matchedRules")).containsExactly(
                List.of("Everything", "Resolved"), List.of("Everything"), List.of("Everything", "Urgent"));
        @SuppressWarnings("unchecked")
        Map<String, Object> first = (Map<String, Object>) log.get(0).get("event");
        assertThat(first).containsEntry("detail-type", "StatusChanged").containsEntry("source", "helpdesk.tickets")
                .containsKeys("id", "time", "account", "region", "resources", "detail");

        long deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline && invocations.size() < 4) Thread.sleep(50);
        assertThat(invocations).anySatisfy(i -> assertThat(i).startsWith("CsatFunction {").contains("\"resolved\""));
        // the failing target is retried, then reported on the event's log entry
        deadline = System.currentTimeMillis() + 5000;
        while (System.currentTimeMillis() < deadline && bus.log().get(2).get("deliveries").toString().split("rule=").length < 3) Thread.sleep(50);
        assertThat(bus.log().get(2).get("deliveries").toString()).contains("status=failed").contains("always fails");
        assertThat(invocations.stream().filter(i -> i.startsWith("Broken")).count()).isEqualTo(3);
    }

    @Test
    void badEntriesAreRefusedOneByOneAsEventBridgeDoes() {
        PutEventsResponse r = client.putEvents(b -> b.entries(
                entry("Ok", "{}"),
                entry("NotJson", "{nope"),
                entry("Array", "[1]"),
                PutEventsRequestEntry.builder().eventBusName("nowhere").source("s").detailType("t").detail("{}").build()));
        assertThat(r.failedEntryCount()).isEqualTo(3);
        assertThat(r.entries().get(0).eventId()).isNotNull();
        assertThat(r.entries().get(1).errorCode()).isEqualTo("MalformedDetail");
        assertThat(r.entries().get(3).errorCode()).isEqualTo("ResourceNotFoundException");
        assertThat(bus.log()).hasSize(1);
    }

    @Test
    void moreThanTenEntriesIsAValidationError() {
        List<PutEventsRequestEntry> eleven = new ArrayList<>();
        for (int i = 0; i < 11; i++) eleven.add(entry("E", "{}"));
        assertThatThrownBy(() -> client.putEvents(b -> b.entries(eleven)))
                .isInstanceOf(EventBridgeException.class).hasMessageContaining("1 to 10");
        assertThat(bus.log()).isEmpty();
    }

    @Test
    void anInvalidPatternIsRefusedWhenTheRuleIsAdded() {
        assertThatThrownBy(() -> bus.addRule(new BusRule("Bad", "tickets", "{\"source\": \"not-an-array\"}", List.of())))
                .hasMessageContaining("invalid event pattern");
    }
}
