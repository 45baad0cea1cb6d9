package com.helpdesk.http;

import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The authenticated caller, from the claims API Gateway's JWT authorizer passes on. The role comes
 * from a {@code role} claim or from Cognito groups ({@code cognito:groups}, which API Gateway renders
 * as "[admin agent]").
 */
public record Caller(String subject, Set<String> roles, String name, String email) {
    public static final String AGENT = "agent";
    public static final String ADMIN = "admin";
    public static final String INTEGRATION = "integration";
    /** The resource server of machine scopes in template.yaml (IntegrationResourceServer). */
    static final String SCOPE_PREFIX = "helpdesk/";

    public static Caller fromClaims(Map<String, String> claims) {
        if (claims == null) return null;
        String sub = claims.get("sub");
        if (sub == null || sub.isBlank()) return null;
        Set<String> roles = new LinkedHashSet<>();
        addAll(roles, claims.get("role"));
        addAll(roles, claims.get("custom:role"));
        addAll(roles, claims.get("cognito:groups"));
        // a machine credential (Cognito client credentials): its scope names the role, e.g. "helpdesk/integration"
        String scope = claims.get("scope");
        if (scope != null) {
            for (String s : scope.split("\\s+")) if (s.startsWith(SCOPE_PREFIX)) roles.add(s.substring(SCOPE_PREFIX.length()));
        }
        return new Caller(sub, Set.copyOf(roles), claims.get("name"), claims.get("email"));
    }

    private static void addAll(Set<String> roles, String raw) {
        if (raw == null) return;
        String s = raw.strip();
        if (s.startsWith("[") && s.endsWith("]")) s = s.substring(1, s.length() - 1);
        for (String part : s.split("[\\s,]+")) {
            String r = part.replace("\"", "").strip();
            if (!r.isEmpty()) roles.add(r);
        }
    }
}
