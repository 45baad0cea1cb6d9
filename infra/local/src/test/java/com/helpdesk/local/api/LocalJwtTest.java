package com.helpdesk.local.api;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LocalJwtTest {
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-11-22T10:00:00Z"));
    private final LocalJwt jwt = new LocalJwt("http://localhost:3000/_local", now::get);

    @Test
    void issuedTokensVerifyWithTheirClaims() throws Exception {
        String token = jwt.issue("alice", "agent", "client-1").token();
        var claims = jwt.verify(token, List.of("client-1"));
        assertThat(claims).containsEntry("sub", "alice").containsEntry("role", "agent");
        assertThat(claims.get("cognito:groups")).isEqualTo(List.of("agent"));
    }

    @Test
    void expiredForeignAndAlteredTokensAreRefused() {
        String token = jwt.issue("alice", "agent", "client-1").token();
        assertThatThrownBy(() -> jwt.verify(token, List.of("client-2"))).hasMessageContaining("audience");
        String other = new LocalJwt("http://localhost:3000/_local", now::get).issue("alice", "admin", "client-1").token();
        assertThatThrownBy(() -> jwt.verify(other, List.of("client-1"))).hasMessageContaining("signature");
        String[] p = token.split("\\.");
        assertThatThrownBy(() -> jwt.verify(p[0] + "." + p[1] + "x." + p[2], List.of("client-1"))).isInstanceOf(LocalJwt.InvalidToken.class);
        assertThatThrownBy(() -> jwt.verify("nonsense", List.of())).hasMessageContaining("not a JWT");
        now.set(now.get().plus(LocalJwt.LIFETIME).plus(Duration.ofSeconds(1)));
        assertThatThrownBy(() -> jwt.verify(token, List.of("client-1"))).hasMessageContaining("expired");
    }
}
