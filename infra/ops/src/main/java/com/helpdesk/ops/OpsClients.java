package com.helpdesk.ops;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * SDK clients configured the standard way: region and credentials from the default chains (AWS_REGION,
 * AWS_PROFILE, ...) unless --region names one, endpoints from --endpoint-url or the SDK's own
 * AWS_ENDPOINT_URL settings; against the local stack, its endpoints and its fixed test credentials.
 */
final class OpsClients implements AutoCloseable {
    static final String LOCAL_REGION = "us-east-1";
    private final StackResources stack;
    private final Region region;
    private final AwsCredentialsProvider credentials;
    private final List<AutoCloseable> opened = new ArrayList<>();

    OpsClients(StackResources stack, Region region) {
        this.stack = stack;
        this.region = stack.local() ? Region.of(LOCAL_REGION) : region;
        this.credentials = stack.local() ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.builder().build();
    }

    /** The region and credentials used to find the stack, before its resources are known. */
    static <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C bootstrap(B builder, Region region, URI endpoint) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)));
        if (region != null) builder.region(region);
        if (endpoint != null) builder.endpointOverride(endpoint);
        return builder.build();
    }

    DynamoDbClient dynamo() { return build(DynamoDbClient.builder(), "dynamodb"); }
    SqsClient sqs() { return build(SqsClient.builder(), "sqs"); }
    EventBridgeClient eventBridge() { return build(EventBridgeClient.builder(), "eventbridge"); }
    SecretsManagerClient secretsManager() { return build(SecretsManagerClient.builder(), "secretsmanager"); }

    S3Client s3() {
        return build(S3Client.builder().forcePathStyle(stack.endpoint("s3").isPresent())
                .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED), "s3");
    }

    S3Presigner presigner() {
        Optional<URI> endpoint = stack.endpoint("s3");
        S3Presigner.Builder b = S3Presigner.builder().credentialsProvider(credentials)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(endpoint.isPresent()).build());
        if (region != null) b.region(region);
        endpoint.ifPresent(b::endpointOverride);
        S3Presigner presigner = b.build();
        opened.add(presigner);
        return presigner;
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C build(B builder, String service) {
        builder.httpClientBuilder(UrlConnectionHttpClient.builder().socketTimeout(Duration.ofSeconds(30)));
        if (region != null) builder.region(region);
        builder.credentialsProvider(credentials);
        stack.endpoint(service).ifPresent(builder::endpointOverride);
        C client = builder.build();
        if (client instanceof AutoCloseable c) opened.add(c);
        return client;
    }

    @Override
    public void close() {
        for (AutoCloseable c : opened) {
            try {
                c.close();
            } catch (Exception ignored) {
                // closing at exit: nothing left to do about a client that fails to close
            }
        }
    }
}
