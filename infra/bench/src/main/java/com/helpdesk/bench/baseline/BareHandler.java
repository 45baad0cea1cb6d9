package com.helpdesk.bench.baseline;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.net.URI;
import java.util.Map;
import java.util.UUID;

/**
 * The cold-start baseline: the least a Lambda handler on this stack can be. One DynamoDB client (SDK v2,
 * url-connection HTTP client) built at init, one PutItem per event. Packaged alone into baseline.jar.
 */
public final class BareHandler implements RequestHandler<Map<String, String>, String> {
    private final DynamoDbClient dynamo;
    private final String table = System.getenv("TABLE_NAME");

    public BareHandler() {
        var builder = DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create())
                .region(Region.of(System.getenv().getOrDefault("AWS_REGION", "us-east-1")));
        String endpoint = System.getenv("AWS_ENDPOINT_URL_DYNAMODB");
        if (endpoint != null) builder.endpointOverride(URI.create(endpoint));
        dynamo = builder.build();
    }

    @Override
    public String handleRequest(Map<String, String> event, Context context) {
        String id = UUID.randomUUID().toString();
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "PK", AttributeValue.fromS("BENCH#" + id), "SK", AttributeValue.fromS("BENCH"),
                "type", AttributeValue.fromS("bench"), "body", AttributeValue.fromS(String.valueOf(event)))));
        return id;
    }
}
