package com.helpdesk.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.localaws.StubAwsEndpoint;
import com.helpdesk.localaws.StubAwsEndpoint.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.ssm.SsmClient;
import software.amazon.awssdk.services.ssm.model.SsmException;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The secret store against an endpoint that answers as SSM Parameter Store does (AWS JSON 1.1). */
class SsmSecretStoreTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NAME = "/helpdesk/prod/channels/wa1/appSecret";
    private static StubAwsEndpoint aws;
    private static SsmClient client;
    private Instant now;
    private SsmSecretStore store;

    @BeforeAll
    static void start() {
        aws = StubAwsEndpoint.start();
        client = SsmClient.builder().endpointOverride(aws.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    @AfterAll
    static void stop() {
        client.close();
        aws.close();
    }

    @BeforeEach
    void freshStore() {
        now = Instant.parse("2026-11-22T08:00:00Z");
        store = new SsmSecretStore(client, new Clock() {
            @Override public ZoneOffset getZone() { return ZoneOffset.UTC; }
            @Override public Clock withZone(java.time.ZoneId zone) { return this; }
            @Override public Instant instant() { return now; }
        });
    }

    private static Answer parameter(String value, int version) {
        return Answer.json11(200, "{\"Parameter\":{\"ARN\":\"arn:aws:ssm:eu-west-1:123456789012:parameter" + NAME + "\","
                + "\"DataType\":\"text\",\"LastModifiedDate\":1.764E9,\"Name\":\"" + NAME + "\",\"Type\":\"SecureString\","
                + "\"Value\":\"" + value + "\",\"Version\":" + version + "}}");
    }

    @Test
    void aSecretIsReadDecryptedOnceAndAgainWhenItsCacheEntryExpires() throws Exception {
        aws.answer(parameter("s3cr3t", 1), parameter("rotated", 2));
        assertThat(store.get(NAME)).contains("s3cr3t");
        assertThat(store.get(NAME)).contains("s3cr3t");
        assertThat(aws.requests()).hasSize(1);
        StubAwsEndpoint.Request call = aws.requests().get(0);
        assertThat(call.header("X-Amz-Target")).isEqualTo("AmazonSSM.GetParameter");
        JsonNode body = JSON.readTree(call.body());
        assertThat(body.path("Name").asText()).isEqualTo(NAME);
        assertThat(body.path("WithDecryption").asBoolean()).isTrue();

        now = now.plus(SsmSecretStore.TTL).plusSeconds(1);
        assertThat(store.get(NAME)).contains("rotated");
        assertThat(aws.requests()).hasSize(2);
    }

    @Test
    void aMissingParameterIsEmptyAndThatIsCachedToo() {
        aws.answer(Answer.json11Error(400, "ParameterNotFound", ""));
        assertThat(store.get(NAME)).isEmpty();
        assertThat(store.get(NAME)).isEmpty();
        assertThat(aws.requests()).hasSize(1);
    }

    @Test
    void aThrottledOrDeniedReadFailsLoudlyAndIsNotCached() {
        aws.answer(Answer.json11Error(400, "ThrottlingException", "Rate exceeded"), parameter("s3cr3t", 1));
        assertThatThrownBy(() -> store.get(NAME)).isInstanceOf(SsmException.class)
                .satisfies(e -> assertThat(((SsmException) e).awsErrorDetails().errorCode()).isEqualTo("ThrottlingException"));
        assertThat(store.get(NAME)).as("the failure was not remembered as 'no secret'").contains("s3cr3t");

        aws.answer(Answer.json11Error(400, "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/webhook/fn is not authorized to perform: ssm:GetParameter"));
        now = now.plus(SsmSecretStore.TTL).plusSeconds(1);
        assertThatThrownBy(() -> store.get(NAME)).isInstanceOf(SsmException.class).hasMessageContaining("not authorized");
    }

    @Test
    void aPutIsASecureStringOverwriteAndIsReadBackWithoutARequest() throws Exception {
        aws.answer(Answer.json11(200, "{\"Tier\":\"Standard\",\"Version\":3}"));
        store.put(NAME, "new-value");
        StubAwsEndpoint.Request call = aws.requests().get(0);
        assertThat(call.header("X-Amz-Target")).isEqualTo("AmazonSSM.PutParameter");
        JsonNode body = JSON.readTree(call.body());
        assertThat(body.path("Type").asText()).isEqualTo("SecureString");
        assertThat(body.path("Overwrite").asBoolean()).isTrue();
        assertThat(body.path("Value").asText()).isEqualTo("new-value");
        assertThat(store.get(NAME)).contains("new-value");
        assertThat(aws.requests()).hasSize(1);
    }

    @Test
    void deletingIsIdempotentAndForgetsTheCachedValue() {
        aws.answer(parameter("s3cr3t", 1));
        assertThat(store.get(NAME)).contains("s3cr3t");
        aws.answer(Answer.json11Error(400, "ParameterNotFound", ""));
        store.delete(NAME);
        assertThat(aws.requests()).extracting(r -> r.header("X-Amz-Target")).containsExactly("AmazonSSM.DeleteParameter");
        assertThat(store.get(NAME)).as("read again, not from the cache").isEqualTo(Optional.empty());
        assertThat(aws.requests()).hasSize(2);
    }
}
