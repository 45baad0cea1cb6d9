package com.helpdesk.local.e2e;

import com.helpdesk.localaws.StubAwsEndpoint;
import com.helpdesk.localaws.StubAwsEndpoint.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Client-credentials tokens as Cognito's /oauth2/token endpoint hands them out (served by a stub). */
class CognitoClientCredentialsTest {
    private static StubAwsEndpoint cognito;
    private static final Map<String, CognitoClientCredentials.Client> CLIENTS = Map.of(
            "agent", new CognitoClientCredentials.Client("4agentclient", "s3cr3t+/="),
            "admin", new CognitoClientCredentials.Client("7adminclient", "other"));

    /** A clock the test moves by hand. */
    private static final class MovableClock extends Clock {
        Instant now = Instant.parse("2026-12-01T10:00:00Z");

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @BeforeAll
    static void start() {
        cognito = StubAwsEndpoint.start();
    }

    @AfterAll
    static void stop() {
        cognito.close();
    }

    private static Answer token(String value) {
        return Answer.of(200, "application/json;charset=UTF-8", "{\"access_token\":\"" + value + "\",\"expires_in\":3600,\"token_type\":\"Bearer\"}");
    }

    @Test
    void aRolesTokenIsRequestedWithItsClientAndScopeAndReusedUntilShortlyBeforeItExpires() {
        MovableClock clock = new MovableClock();
        CognitoClientCredentials tokens = new CognitoClientCredentials(cognito.endpoint() + "/", CLIENTS::get, clock);
        cognito.answer(token("eyJ.first.sig"), token("eyJ.second.sig"));

        assertThat(tokens.token("agent")).isEqualTo("eyJ.first.sig");
        StubAwsEndpoint.Request r = cognito.requests().get(0);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.path()).isEqualTo("/oauth2/token");
        assertThat(r.header("Content-Type")).isEqualTo("application/x-www-form-urlencoded");
        assertThat(r.bodyText()).isEqualTo("grant_type=client_credentials&scope=helpdesk%2Fagent");
        String basic = new String(Base64.getDecoder().decode(r.header("Authorization").substring("Basic ".length())), StandardCharsets.UTF_8);
        assertThat(basic).as("RFC 6749 2.3.1: id and secret form-encoded").isEqualTo("4agentclient:s3cr3t%2B%2F%3D");

        clock.now = clock.now.plus(Duration.ofMinutes(58));
        assertThat(tokens.token("agent")).isEqualTo("eyJ.first.sig");
        assertThat(cognito.requests()).hasSize(1);
        clock.now = clock.now.plus(Duration.ofMinutes(1).plusSeconds(1));
        assertThat(tokens.token("agent")).as("within a minute of expiry: a new one").isEqualTo("eyJ.second.sig");
        assertThat(tokens.clientId("agent")).as("the subject of a client-credentials token").isEqualTo("4agentclient");
    }

    @Test
    void aRefusalNamesTheRoleTheClientAndCognitosError() {
        CognitoClientCredentials tokens = new CognitoClientCredentials(cognito.endpoint().toString(), CLIENTS::get, new MovableClock());
        cognito.answer(Answer.of(400, "application/json", "{\"error\":\"invalid_scope\"}"));
        assertThatThrownBy(() -> tokens.token("admin"))
                .hasMessage("Cognito refused a token for the role admin (client 7adminclient): invalid_scope");
        cognito.answer(Answer.of(502, "text/html", "<html>bad gateway</html>"));
        assertThatThrownBy(() -> tokens.token("admin")).hasMessageContaining("answered 502 with no JSON");
    }

    @Test
    void aRoleWithoutConfiguredClientSaysWhatToSet() {
        assertThatThrownBy(() -> CognitoClientCredentials.configured("auditor"))
                .hasMessageContaining("HELPDESK_AUDITOR_CLIENT_ID").hasMessageContaining("HELPDESK_AUDITOR_CLIENT_SECRET")
                .hasMessageContaining("-Dhelpdesk.auditor.clientId").hasMessageContaining("scope helpdesk/auditor");
        System.setProperty("helpdesk.auditor.clientId", "1audit");
        System.setProperty("helpdesk.auditor.clientSecret", "pw");
        try {
            assertThat(CognitoClientCredentials.configured("auditor")).isEqualTo(new CognitoClientCredentials.Client("1audit", "pw"));
        } finally {
            System.clearProperty("helpdesk.auditor.clientId");
            System.clearProperty("helpdesk.auditor.clientSecret");
        }
    }
}
