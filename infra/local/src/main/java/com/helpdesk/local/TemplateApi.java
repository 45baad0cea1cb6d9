package com.helpdesk.local;

import com.helpdesk.local.api.HttpApiGateway;
import com.helpdesk.local.api.Route;
import com.helpdesk.local.template.Intrinsics;
import com.helpdesk.local.template.Resource;
import com.helpdesk.local.template.Template;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.helpdesk.local.TemplateValues.strings;

/**
 * The template's HTTP API as the local gateway serves it: every HttpApi event of a function as a route with its
 * JWT authorizer's audiences, the API's CORS configuration, and the audience the stack's own tokens carry
 * (the last one an authorizer names; null when none does).
 */
record TemplateApi(List<Route> routes, HttpApiGateway.Cors cors, String audience) {

    @SuppressWarnings("unchecked")
    static TemplateApi read(Template template, Intrinsics intrinsics) {
        List<Route> routes = new ArrayList<>();
        HttpApiGateway.Cors cors = null;
        String audience = null;
        Map<String, Resource> apis = new LinkedHashMap<>();
        for (Resource api : template.ofType("AWS::Serverless::HttpApi")) apis.put(api.logicalId(), api);
        for (Resource fn : template.ofType("AWS::Serverless::Function")) {
            Map<String, Object> events = fn.map("Events");
            for (Object raw : events.values()) {
                Map<String, Object> e = (Map<String, Object>) raw;
                if (!"HttpApi".equals(e.get("Type"))) continue;
                Map<String, Object> p = (Map<String, Object>) e.getOrDefault("Properties", Map.of());
                Object apiRef = p.get("ApiId");
                String apiId = apiRef instanceof Map<?, ?> m && m.containsKey("Ref") ? String.valueOf(m.get("Ref")) : null;
                Resource api = apiId != null ? apis.get(apiId) : apis.values().stream().findFirst().orElse(null);
                Map<String, Object> apiAuth = api == null ? Map.of() : (Map<String, Object>) api.properties().getOrDefault("Auth", Map.of());
                Map<String, Object> routeAuth = (Map<String, Object>) p.getOrDefault("Auth", Map.of());
                String authorizer = routeAuth.containsKey("Authorizer") ? String.valueOf(routeAuth.get("Authorizer"))
                        : (String) apiAuth.get("DefaultAuthorizer");
                if ("NONE".equals(authorizer)) authorizer = null;
                List<String> audiences = authorizer == null ? new ArrayList<>() : audiences(intrinsics, apiAuth, authorizer);
                if (!audiences.isEmpty()) audience = audiences.get(0);
                String path = intrinsics.resolveString(p.getOrDefault("Path", "$default"));
                String method = intrinsics.resolveString(p.getOrDefault("Method", "ANY"));
                routes.add(Route.of(method, path, fn.logicalId(), authorizer, audiences));
                if (api != null && cors == null && api.properties().get("CorsConfiguration") instanceof Map<?, ?> c) {
                    cors = cors(intrinsics, c);
                }
            }
        }
        return new TemplateApi(routes, cors, audience);
    }

    /** The audiences a JWT authorizer of the API accepts. */
    @SuppressWarnings("unchecked")
    private static List<String> audiences(Intrinsics intrinsics, Map<String, Object> apiAuth, String authorizer) {
        List<String> audiences = new ArrayList<>();
        Map<String, Object> authorizers = (Map<String, Object>) apiAuth.getOrDefault("Authorizers", Map.of());
        Map<String, Object> a = (Map<String, Object>) authorizers.get(authorizer);
        if (a == null) throw new IllegalArgumentException("route uses unknown authorizer " + authorizer);
        Map<String, Object> jwtConfig = (Map<String, Object>) a.getOrDefault("JwtConfiguration", Map.of());
        Object aud = intrinsics.resolve(jwtConfig.get("audience"));
        if (aud instanceof List<?> l) l.forEach(x -> audiences.add(String.valueOf(x)));
        else if (aud != null) audiences.add(String.valueOf(aud));
        return audiences;
    }

    @SuppressWarnings("unchecked")
    private static HttpApiGateway.Cors cors(Intrinsics intrinsics, Map<?, ?> configuration) {
        Map<String, Object> cc = (Map<String, Object>) intrinsics.resolve(configuration);
        return new HttpApiGateway.Cors(strings(cc.get("AllowOrigins")), strings(cc.get("AllowMethods")),
                strings(cc.get("AllowHeaders")), strings(cc.get("ExposeHeaders")),
                cc.get("MaxAge") == null ? null : Integer.valueOf(String.valueOf(cc.get("MaxAge"))));
    }
}
