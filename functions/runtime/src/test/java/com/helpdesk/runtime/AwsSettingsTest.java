package com.helpdesk.runtime;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.net.URI;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AwsSettingsTest {
    @Test
    void lambdasEnvironmentUsesTheRolesSession() {
        EnvironmentReader env = EnvironmentReader.of(Map.of("AWS_REGION", "eu-west-1", "AWS_ACCESS_KEY_ID", "ASIA...",
                "AWS_SECRET_ACCESS_KEY", "secret", "AWS_SESSION_TOKEN", "token"));
        AwsSettings s = env.valid(AwsSettings.read(env));
        assertThat(s.region()).isEqualTo(Region.EU_WEST_1);
        assertThat(s.endpoints()).isEmpty();
        assertThat(s.staticCredentials()).isEmpty();
    }

    @Test
    void theLocalStacksEnvironmentOverridesEndpointsAndUsesItsKeys() {
        EnvironmentReader env = EnvironmentReader.of(Map.of("AWS_DEFAULT_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local",
                "AWS_SECRET_ACCESS_KEY", "local", "AWS_ENDPOINT_URL", "http://127.0.0.1:4566",
                "AWS_ENDPOINT_URL_DYNAMODB", "http://127.0.0.1:8000"));
        AwsSettings s = env.valid(AwsSettings.read(env));
        assertThat(s.region()).isEqualTo(Region.US_EAST_1);
        assertThat(s.endpoint("dynamodb")).contains(URI.create("http://127.0.0.1:8000"));
        assertThat(s.endpoint("SQS")).contains(URI.create("http://127.0.0.1:4566"));
        assertThat(s.staticCredentials()).hasValueSatisfying(c -> assertThat(c.accessKeyId()).isEqualTo("local"));
        assertThat(new AwsClients(s).build(DynamoDbClient.builder(), "DYNAMODB")).isNotNull();
    }

    @Test
    void aMissingRegionOrABadEndpointFailsNamingTheVariable() {
        EnvironmentReader env = EnvironmentReader.of(Map.of("AWS_ENDPOINT_URL_SQS", "localhost:9324"));
        AwsSettings.read(env);
        assertThatThrownBy(() -> env.valid("config")).hasMessageContaining("AWS_REGION is not set (expected an AWS region such as us-east-1)")
                .hasMessageContaining("AWS_ENDPOINT_URL_SQS is 'localhost:9324' (expected an http(s) endpoint URL)");
    }

    @Test
    void inLambdaWithActiveTracingEveryClientCarriesTheXrayInterceptor() {
        EnvironmentReader env = EnvironmentReader.of(Map.of("AWS_REGION", "eu-west-1", "AWS_LAMBDA_FUNCTION_NAME", "helpdesk-TicketApi",
                "AWS_XRAY_DAEMON_ADDRESS", "169.254.79.129:2000", "AWS_ACCESS_KEY_ID", "ASIA...", "AWS_SECRET_ACCESS_KEY", "s",
                "AWS_SESSION_TOKEN", "t"));
        AwsSettings s = env.valid(AwsSettings.read(env));
        assertThat(s.xrayTracing()).isTrue();
        try (DynamoDbClient client = new AwsClients(s).build(DynamoDbClient.builder(), "DYNAMODB")) {
            assertThat(client.serviceClientConfiguration().overrideConfiguration().executionInterceptors())
                    .hasAtLeastOneElementOfType(com.amazonaws.xray.interceptors.TracingInterceptor.class);
        }
    }

    @Test
    void withoutLambdasTracingNoClientCarriesTheXrayInterceptor() {
        for (Map<String, String> vars : java.util.List.of(
                Map.of("AWS_REGION", "us-east-1", "AWS_ACCESS_KEY_ID", "local", "AWS_SECRET_ACCESS_KEY", "local"),
                Map.of("AWS_REGION", "us-east-1", "AWS_LAMBDA_FUNCTION_NAME", "helpdesk-TicketApi", "AWS_ACCESS_KEY_ID", "local",
                        "AWS_SECRET_ACCESS_KEY", "local"))) {
            EnvironmentReader env = EnvironmentReader.of(vars);
            AwsSettings s = env.valid(AwsSettings.read(env));
            assertThat(s.xrayTracing()).isFalse();
            try (DynamoDbClient client = new AwsClients(s).build(DynamoDbClient.builder(), "DYNAMODB")) {
                assertThat(client.serviceClientConfiguration().overrideConfiguration().executionInterceptors())
                        .noneMatch(i -> i instanceof com.amazonaws.xray.interceptors.TracingInterceptor);
            }
        }
    }

    @Test
    void aServiceTheFunctionsDoNotUseHasNoEndpoint() {
        AwsSettings s = new AwsSettings(Region.US_EAST_1, Map.of(), java.util.Optional.empty());
        assertThatThrownBy(() -> s.endpoint("KINESIS")).hasMessageContaining("KINESIS");
    }
}
