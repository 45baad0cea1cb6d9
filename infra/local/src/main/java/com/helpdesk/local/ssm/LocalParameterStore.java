package com.helpdesk.local.ssm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.local.api.LocalHttp;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The local SSM Parameter Store (AWS JSON 1.1 at /_aws/ssm): PutParameter, GetParameter and
 * DeleteParameter, in memory. SecureStrings are kept as given (there is no KMS here) and, like in AWS,
 * come back only when asked WithDecryption.
 */
public final class LocalParameterStore {
    public static final String PATH = "/_aws/ssm";

    private record Parameter(String type, String value, long version, long modified) {}

    private final ObjectMapper json = new ObjectMapper();
    private final Map<String, Parameter> parameters = new ConcurrentHashMap<>();
    private final Supplier<java.time.Instant> clock;
    private final String region;
    private final String account;

    public LocalParameterStore(Supplier<java.time.Instant> clock, String region, String account) {
        this.clock = clock;
        this.region = region;
        this.account = account;
    }

    public java.util.Set<String> names() {
        return java.util.Set.copyOf(parameters.keySet());
    }

    public void handle(HttpExchange ex) throws IOException {
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode req;
        try (InputStream in = ex.getRequestBody()) {
            req = json.readTree(in);
        }
        String name = req == null ? null : req.path("Name").asText(null);
        if (target == null || name == null) {
            error(ex, "ValidationException", "the local parameter store takes PutParameter, GetParameter and DeleteParameter with a Name");
            return;
        }
        switch (target) {
            case "AmazonSSM.PutParameter" -> {
                Parameter old = parameters.get(name);
                if (old != null && !req.path("Overwrite").asBoolean(false)) {
                    error(ex, "ParameterAlreadyExists", "The parameter already exists. To overwrite this value, set the overwrite option to true.");
                    return;
                }
                long version = old == null ? 1 : old.version() + 1;
                parameters.put(name, new Parameter(req.path("Type").asText("String"), req.path("Value").asText(""), version,
                        clock.get().getEpochSecond()));
                LocalHttp.send(ex, 200, "application/x-amz-json-1.1",
                        json.writeValueAsBytes(Map.of("Version", version, "Tier", "Standard")));
            }
            case "AmazonSSM.GetParameter" -> {
                Parameter p = parameters.get(name);
                if (p == null) {
                    error(ex, "ParameterNotFound", "Parameter " + name + " not found.");
                    return;
                }
                boolean decrypt = req.path("WithDecryption").asBoolean(false);
                Map<String, Object> out = new LinkedHashMap<>();
                out.put("Name", name);
                out.put("Type", p.type());
                out.put("Value", p.type().equals("SecureString") && !decrypt ? "(encrypted)" : p.value());
                out.put("Version", p.version());
                out.put("LastModifiedDate", p.modified());
                out.put("ARN", "arn:aws:ssm:" + region + ":" + account + ":parameter" + (name.startsWith("/") ? "" : "/") + name);
                out.put("DataType", "text");
                LocalHttp.send(ex, 200, "application/x-amz-json-1.1", json.writeValueAsBytes(Map.of("Parameter", out)));
            }
            case "AmazonSSM.DeleteParameter" -> {
                if (parameters.remove(name) == null) {
                    error(ex, "ParameterNotFound", "Parameter " + name + " not found.");
                    return;
                }
                LocalHttp.send(ex, 200, "application/x-amz-json-1.1", "{}".getBytes(StandardCharsets.UTF_8));
            }
            default -> error(ex, "ValidationException", "the local parameter store does not implement " + target);
        }
    }

    private void error(HttpExchange ex, String type, String message) throws IOException {
        LocalHttp.send(ex, 400, "application/x-amz-json-1.1", json.writeValueAsBytes(Map.of("__type", type, "message", message)));
    }
}
