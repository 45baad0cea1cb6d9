package com.helpdesk.http;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {
    @Test
    void rolesComeFromGroupsOrFromAMachineCredentialsScope() {
        assertThat(Caller.fromClaims(Map.of("sub", "u1", "cognito:groups", "[agent admin]")).roles()).containsExactlyInAnyOrder("agent", "admin");
        Caller machine = Caller.fromClaims(Map.of("sub", "6v0clientid", "client_id", "6v0clientid", "scope", "helpdesk/integration",
                "token_use", "access"));
        assertThat(machine.roles()).containsExactly("integration");
        assertThat(Caller.fromClaims(Map.of("sub", "x", "scope", "openid email")).roles()).isEmpty();
        assertThat(Caller.fromClaims(Map.of("role", "agent"))).as("no subject, no caller").isNull();
    }
}
