package com.helpdesk.runtime;

import com.amazonaws.xray.AWSXRay;
import com.amazonaws.xray.entities.Segment;
import com.amazonaws.xray.entities.Subsegment;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * X-Ray tracing of SDK calls works with the function's own class path: Apache HttpClient 4, which X-Ray's SDK v1
 * core would pull, is excluded (functions/runtime pom), and a traced call must neither need nor load it.
 */
class AwsClientsTracingTest {
    private HttpServer dynamoDb;

    @BeforeEach
    void startFakeDynamoDb() throws Exception {
        dynamoDb = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        dynamoDb.createContext("/", exchange -> {
            exchange.getRequestBody().readAllBytes();
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8); // GetItem of a key that does not exist
            exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.0");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        dynamoDb.start();
    }

    @AfterEach
    void stop() {
        dynamoDb.stop(0);
    }

    @Test
    void aTracedCallBecomesASubsegmentWithoutApacheHttpClient() {
        AwsSettings traced = new AwsSettings(Region.US_EAST_1,
                Map.of("DYNAMODB", URI.create("http://127.0.0.1:" + dynamoDb.getAddress().getPort())),
                Optional.of(AwsBasicCredentials.create("test", "test")), true);
        DynamoDbClient client = new AwsClients(traced).build(DynamoDbClient.builder(), "DYNAMODB");

        Segment segment = AWSXRay.beginSegment("helpdesk-test");
        try {
            client.getItem(r -> r.tableName("helpdesk").key(Map.of("PK", AttributeValue.fromS("TICKET#0"),
                    "SK", AttributeValue.fromS("TICKET"))));
        } finally {
            AWSXRay.endSegment();
        }

        List<Subsegment> calls = segment.getSubsegments();
        assertThat(calls).hasSize(1);
        assertThat(calls.get(0).getNamespace()).isEqualTo("aws");
        assertThat(calls.get(0).getAws()).containsEntry("operation", "GetItem").containsEntry("table_name", "helpdesk");
        assertThatThrownBy(() -> Class.forName("org.apache.http.client.HttpClient"))
                .isInstanceOf(ClassNotFoundException.class);
    }
}
