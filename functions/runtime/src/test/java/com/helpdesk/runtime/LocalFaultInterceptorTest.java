package com.helpdesk.runtime;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The local stack's injected SDK faults, against a loopback server that answers DynamoDB's empty GetItem. */
class LocalFaultInterceptorTest {
    private HttpServer server;
    private final AtomicInteger requests = new AtomicInteger();
    private final List<String> asked = new ArrayList<>();

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            requests.incrementAndGet();
            ex.getRequestBody().readAllBytes();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().set("Content-Type", "application/x-amz-json-1.0");
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        server.start();
    }

    @AfterEach
    void stop() {
        AwsClients.installLocalFaults(null);
        server.stop(0);
    }

    private DynamoDbClient client() {
        URI endpoint = URI.create("http://127.0.0.1:" + server.getAddress().getPort());
        AwsSettings settings = new AwsSettings(Region.US_EAST_1, Map.of("DYNAMODB", endpoint), Optional.of(AwsBasicCredentials.create("local", "local")));
        return new AwsClients(settings).build(DynamoDbClient.builder(), "DYNAMODB");
    }

    private void getItem(DynamoDbClient dynamo) {
        dynamo.getItem(b -> b.tableName("t").key(Map.of("PK", AttributeValue.fromS("k"))));
    }

    @Test
    void aThrottledAttemptIsNeverSentAndTheSdksRetryPolicyBacksOffAndTriesAgain() {
        AtomicInteger throttles = new AtomicInteger(2);
        AwsClients.installLocalFaults(call -> {
            asked.add(call.get("service") + ":" + call.get("phase") + " " + call.get("operation"));
            return call.get("phase").equals("attempt") && throttles.getAndDecrement() > 0 ? LocalFaultInterceptor.THROTTLE : null;
        });
        try (DynamoDbClient dynamo = client()) {
            getItem(dynamo);
        }
        assertThat(asked).containsExactly("DYNAMODB:attempt GetItem", "DYNAMODB:attempt GetItem", "DYNAMODB:attempt GetItem", "DYNAMODB:done GetItem");
        assertThat(requests).hasValue(1);
    }

    @Test
    void aCrashAfterTheWriteFailsTheCallerOnceTheServerHasAppliedIt() {
        AwsClients.installLocalFaults(call -> call.get("phase").equals("done") ? LocalFaultInterceptor.CRASH_AFTER_WRITE : null);
        try (DynamoDbClient dynamo = client()) {
            assertThatThrownBy(() -> getItem(dynamo)).isInstanceOf(LocalFaultInterceptor.LocalCrash.class).hasMessageContaining("GetItem was applied");
        }
        assertThat(requests).hasValue(1);
    }

    @Test
    void withoutTheLocalStacksSwitchNothingIsInjected() {
        try (DynamoDbClient dynamo = client()) {
            getItem(dynamo);
        }
        assertThat(requests).hasValue(1);
        assertThat(asked).isEmpty();
    }
}
