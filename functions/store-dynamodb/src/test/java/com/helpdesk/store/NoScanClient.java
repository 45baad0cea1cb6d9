package com.helpdesk.store;

import com.helpdesk.localaws.DynamoDbLocal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ScanRequest;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The DynamoDB client every store test uses: it fails any Scan, so a request path that scans fails
 * its test, and it counts requests by operation so tests can state what a path costs.
 */
final class NoScanClient {
    static final List<String> OPERATIONS = Collections.synchronizedList(new ArrayList<>());

    private NoScanClient() {}

    static DynamoDbClient against(DynamoDbLocal dynamo) {
        return against(dynamo, new ExecutionInterceptor() {});
    }

    /** As above, with one more interceptor (a {@link WriteMeter}) after the guard. */
    static DynamoDbClient against(DynamoDbLocal dynamo, ExecutionInterceptor also) {
        ExecutionInterceptor guard = new ExecutionInterceptor() {
            @Override
            public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
                if (context.request() instanceof ScanRequest) {
                    throw new AssertionError("a request path issued a Scan: " + context.request());
                }
                OPERATIONS.add(context.request().getClass().getSimpleName().replace("Request", ""));
            }
        };
        return DynamoDbClient.builder()
                .endpointOverride(dynamo.endpoint())
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(c -> c.addExecutionInterceptor(guard).addExecutionInterceptor(also))
                .build();
    }
}
