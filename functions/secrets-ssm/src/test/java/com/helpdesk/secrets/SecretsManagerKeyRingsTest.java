package com.helpdesk.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.core.keys.KeyRing;
import com.helpdesk.core.keys.SigningKey;
import com.helpdesk.localaws.StubAwsEndpoint;
import com.helpdesk.localaws.StubAwsEndpoint.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.secretsmanager.model.ResourceNotFoundException;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Key rings against an endpoint that answers as Secrets Manager does (AWS JSON 1.1). */
class SecretsManagerKeyRingsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ARN = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:helpdesk-CsatSigningKeys-AbCdEf";
    /** What the template's GenerateSecretString makes: SecretStringTemplate {"id":"k0"} plus a 64-character "key". */
    private static final String GENERATED = "{\"id\":\"k0\",\"key\":\"q3T9vXn2LmPa8RkZ4yWc7HsJ1dFb6GtNe5UoYi0QwErTzXcVbNmAsDfGhJkLpOiU\"}";
    private static StubAwsEndpoint aws;
    private static SecretsManagerClient client;
    private static SecretsManagerKeyRings rings;

    @BeforeAll
    static void start() {
        aws = StubAwsEndpoint.start();
        client = SecretsManagerClient.builder().endpointOverride(aws.endpoint()).region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
        rings = new SecretsManagerKeyRings(client);
    }

    @AfterAll
    static void stop() {
        client.close();
        aws.close();
    }

    private static Answer secret(String value) throws Exception {
        return Answer.json11(200, JSON.writeValueAsString(java.util.Map.of("ARN", ARN, "Name", "helpdesk-CsatSigningKeys",
                "SecretString", value, "VersionId", "v1", "VersionStages", java.util.List.of("AWSCURRENT"))));
    }

    @Test
    void theFirstKeyAsTheTemplateGeneratesItIsARingOfOne() throws Exception {
        aws.answer(secret(GENERATED));
        KeyRing ring = rings.read(ARN);
        assertThat(ring.current().id()).isEqualTo("k0");
        assertThat(ring.current().text()).hasSize(64);
        assertThat(ring.previous()).isEmpty();
        assertThat(aws.requests().get(0).header("X-Amz-Target")).isEqualTo("secretsmanager.GetSecretValue");
        assertThat(JSON.readTree(aws.requests().get(0).body()).path("SecretId").asText()).isEqualTo(ARN);
    }

    @Test
    void aRotatedRingIsWrittenAsTheNewVersionAndReadsBackTheSame() throws Exception {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");
        KeyRing ring = KeyRingJson.read(ARN, GENERATED).rotatedTo(SigningKey.ofText("kabc12", "n".repeat(64)), Duration.ofHours(72), now);
        aws.answer(Answer.json11(200, "{\"ARN\":\"" + ARN + "\",\"Name\":\"x\",\"VersionId\":\"v2\",\"VersionStages\":[\"AWSCURRENT\"]}"));
        rings.write(ARN, ring);
        StubAwsEndpoint.Request put = aws.requests().get(0);
        assertThat(put.header("X-Amz-Target")).isEqualTo("secretsmanager.PutSecretValue");
        JsonNode body = JSON.readTree(put.body());
        assertThat(body.path("SecretId").asText()).isEqualTo(ARN);
        JsonNode stored = JSON.readTree(body.path("SecretString").asText());
        assertThat(stored.path("id").asText()).isEqualTo("kabc12");
        assertThat(stored.path("previous").get(0).path("id").asText()).isEqualTo("k0");
        assertThat(stored.path("previous").get(0).path("validUntil").asText()).isEqualTo("2026-12-04T10:00:00Z");

        aws.answer(secret(body.path("SecretString").asText()));
        KeyRing back = rings.read(ARN);
        assertThat(back.current()).isEqualTo(ring.current());
        assertThat(back.previous()).isEqualTo(ring.previous());
    }

    @Test
    void anUnusableSecretFailsNamingItAndTheFieldButNoKey() throws Exception {
        aws.answer(secret("{\"id\":\"k0\",\"key\":\"CHANGE-ME\"}"));
        assertThatThrownBy(() -> rings.read(ARN)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining(ARN).hasMessageContaining("shorter than 32 bytes").hasMessageNotContaining("CHANGE-ME");
        aws.answer(secret("not json"));
        assertThatThrownBy(() -> rings.read(ARN)).hasMessageContaining("is not JSON");
        aws.answer(secret("{\"id\":\"k1\",\"key\":\"" + "a".repeat(40) + "\",\"previous\":[{\"id\":\"k0\",\"key\":\"" + "b".repeat(40) + "\"}]}"));
        assertThatThrownBy(() -> rings.read(ARN)).hasMessageContaining("previous[0].validUntil");
        aws.answer(Answer.json11Error(400, "ResourceNotFoundException", "Secrets Manager can't find the specified secret."));
        assertThatThrownBy(() -> rings.read(ARN)).isInstanceOf(ResourceNotFoundException.class);
    }
}
