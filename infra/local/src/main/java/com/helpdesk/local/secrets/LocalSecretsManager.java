package com.helpdesk.local.secrets;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.local.api.LocalHttp;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The local Secrets Manager (AWS JSON 1.1 at /_aws/secretsmanager): the template's secrets, created at
 * start the way CloudFormation does (GenerateSecretString included), and GetSecretValue, PutSecretValue
 * and DescribeSecret on them, in memory. The functions and the ops tool reach it with the same SDK
 * client as in AWS, so a key rotation works locally as it does deployed.
 */
public final class LocalSecretsManager {
    public static final String PATH = "/_aws/secretsmanager";
    private static final String TARGET = "secretsmanager.";
    private static final String ALNUM = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String PUNCTUATION = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

    private record Version(String id, String value, Instant created) {}

    private record Secret(String arn, String name, Version current, Version previous) {}

    private final ObjectMapper json = new ObjectMapper();
    private final SecureRandom random = new SecureRandom();
    private final Map<String, Secret> byArn = new ConcurrentHashMap<>();
    private final Supplier<Instant> clock;
    private final String region;
    private final String account;

    public LocalSecretsManager(Supplier<Instant> clock, String region, String account) {
        this.clock = clock;
        this.region = region;
        this.account = account;
    }

    /**
     * Creates a template secret from its resolved properties: SecretString as given, or the value
     * GenerateSecretString describes. @return its ARN (what !Ref gives, as in CloudFormation)
     */
    public String create(String name, Map<String, Object> properties) {
        String arn = "arn:aws:secretsmanager:" + region + ":" + account + ":secret:" + name + "-" + suffix();
        Object given = properties.get("SecretString");
        String value = given != null ? String.valueOf(given) : generate(properties.get("GenerateSecretString"));
        byArn.put(arn, new Secret(arn, name, new Version(UUID.randomUUID().toString(), value, clock.get()), null));
        return arn;
    }

    public void handle(HttpExchange ex) throws IOException {
        String target = ex.getRequestHeaders().getFirst("X-Amz-Target");
        JsonNode req;
        try (InputStream in = ex.getRequestBody()) {
            req = json.readTree(in);
        }
        String id = req == null ? null : req.path("SecretId").asText(null);
        if (target == null || !target.startsWith(TARGET) || id == null) {
            error(ex, "InvalidRequestException", "the local Secrets Manager takes GetSecretValue, PutSecretValue and DescribeSecret with a SecretId");
            return;
        }
        Secret s = find(id);
        if (s == null) {
            error(ex, "ResourceNotFoundException", "Secrets Manager can't find the specified secret.");
            return;
        }
        switch (target.substring(TARGET.length())) {
            case "GetSecretValue" -> {
                ObjectNode out = base(s);
                out.put("SecretString", s.current().value());
                out.put("VersionId", s.current().id());
                out.putArray("VersionStages").add("AWSCURRENT");
                out.put("CreatedDate", s.current().created().getEpochSecond());
                LocalHttp.send(ex, 200, "application/x-amz-json-1.1", json.writeValueAsBytes(out));
            }
            case "PutSecretValue" -> {
                String value = req.path("SecretString").asText(null);
                if (value == null) {
                    error(ex, "InvalidRequestException", "the local Secrets Manager keeps SecretString values only");
                    return;
                }
                Version v = new Version(req.path("ClientRequestToken").asText(UUID.randomUUID().toString()), value, clock.get());
                byArn.put(s.arn(), new Secret(s.arn(), s.name(), v, s.current()));
                ObjectNode out = base(s);
                out.put("VersionId", v.id());
                out.putArray("VersionStages").add("AWSCURRENT");
                LocalHttp.send(ex, 200, "application/x-amz-json-1.1", json.writeValueAsBytes(out));
            }
            case "DescribeSecret" -> {
                ObjectNode out = base(s);
                ObjectNode versions = out.putObject("VersionIdsToStages");
                versions.putArray(s.current().id()).add("AWSCURRENT");
                if (s.previous() != null) versions.putArray(s.previous().id()).add("AWSPREVIOUS");
                LocalHttp.send(ex, 200, "application/x-amz-json-1.1", json.writeValueAsBytes(out));
            }
            default -> error(ex, "InvalidRequestException", "the local Secrets Manager does not implement " + target);
        }
    }

    private Secret find(String id) {
        Secret s = byArn.get(id);
        if (s != null) return s;
        return byArn.values().stream().filter(x -> x.name().equals(id)).findFirst().orElse(null);
    }

    private ObjectNode base(Secret s) {
        ObjectNode out = json.createObjectNode();
        out.put("ARN", s.arn());
        out.put("Name", s.name());
        return out;
    }

    /** What CloudFormation's GenerateSecretString makes: a random string, alone or as one key of a JSON template. */
    @SuppressWarnings("unchecked")
    private String generate(Object spec) {
        Map<String, Object> g = spec instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
        int length = Integer.parseInt(String.valueOf(g.getOrDefault("PasswordLength", 32)));
        String alphabet = Boolean.parseBoolean(String.valueOf(g.getOrDefault("ExcludePunctuation", false))) ? ALNUM : ALNUM + PUNCTUATION;
        for (char c : String.valueOf(g.getOrDefault("ExcludeCharacters", "")).toCharArray()) alphabet = alphabet.replace(String.valueOf(c), "");
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        if (!g.containsKey("SecretStringTemplate")) return sb.toString();
        try {
            ObjectNode template = (ObjectNode) json.readTree(String.valueOf(g.get("SecretStringTemplate")));
            template.put(String.valueOf(g.get("GenerateStringKey")), sb.toString());
            return json.writeValueAsString(template);
        } catch (IOException | ClassCastException e) {
            throw new IllegalArgumentException("SecretStringTemplate is not a JSON object: " + e.getMessage());
        }
    }

    private String suffix() {
        StringBuilder sb = new StringBuilder(6);
        for (int i = 0; i < 6; i++) sb.append(ALNUM.charAt(random.nextInt(ALNUM.length())));
        return sb.toString();
    }

    public List<String> arns() {
        return List.copyOf(byArn.keySet());
    }

    private void error(HttpExchange ex, String type, String message) throws IOException {
        Map<String, String> body = new LinkedHashMap<>();
        body.put("__type", type);
        body.put("message", message);
        LocalHttp.send(ex, 400, "application/x-amz-json-1.1", json.writeValueAsBytes(body));
    }
}
