package com.helpdesk.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import com.helpdesk.http.PathParameters;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.regex.JoniRegularExpressionFactory;
import com.networknt.schema.regex.RegularExpression;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * openapi.yaml as the tools integrators use see it: a valid OpenAPI 3.1 document (the specification's
 * own JSON Schema, schema-base, which also checks every Schema Object against the OAS dialect) whose
 * regular expressions are ECMA-262, as OpenAPI requires, and mean what the API's Java checks mean.
 */
class OpenApiDocumentTest {
    private static final String OAS_31_SCHEMA = "https://spec.openapis.org/oas/3.1/schema-base/2022-10-07";

    /** The official OpenAPI 3.1 schema (format stays an annotation, as the specification has it). */
    private static final JsonSchema OPENAPI_31 = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012,
                    b -> b.schemaMappers(m -> m.mapPrefix("https://spec.openapis.org/oas/3.1/", "classpath:spec.openapis.org/oas/3.1/")))
            .getSchema(SchemaLocation.of(OAS_31_SCHEMA), SchemaValidatorsConfig.builder()
                    .regularExpressionFactory(JoniRegularExpressionFactory.getInstance())
                    .build());

    @Test
    void isAValidOpenApi31Document() {
        assertThat(OPENAPI_31.validate(OpenApiFiles.openApi())).isEmpty();
    }

    @Test
    void theValidatorRefusesWhatIsNotOpenApi() {
        ObjectNode noResponses = OpenApiFiles.openApi().deepCopy();
        ((ObjectNode) noResponses.at("/paths/~1tickets/get")).put("responses", "none");
        assertThat(messages(noResponses)).anyMatch(m -> m.startsWith("/paths/~1tickets/get/responses"));

        ObjectNode badParameter = OpenApiFiles.openApi().deepCopy();
        ((ObjectNode) badParameter.at("/components/parameters/TicketRef")).put("in", "body");
        assertThat(messages(badParameter)).isNotEmpty();
    }

    @Test
    void everyPatternIsAnEcmaScriptRegularExpressionThatMeansTheSameInJava() {
        List<String> patterns = new ArrayList<>();
        collectPatterns(OpenApiFiles.openApi(), patterns);
        assertThat(patterns).hasSizeGreaterThanOrEqualTo(10);
        for (String p : patterns) {
            ecma(p);
            java.util.regex.Pattern.compile(p);
            assertThat(PortablePattern.unportable(p)).as(p).isEmpty();
        }
        // what the AgentId pattern was: \p{Cc} is Java (and ECMA-262 only with the u flag); \s differs
        assertThat(PortablePattern.unportable("^[^\\s\\p{Cc}]{1,128}$")).containsExactly("\\s", "\\p");
        assertThat(PortablePattern.unportable("^(?i)a*+(?<n>b)\\1$")).containsExactly("(?i)", "*+", "(?<n", "\\1");
        assertThat(PortablePattern.unportable("^[^/\\x00-\\x1f\\u2028*+]\\.(?:a|b)(?=c)[0-9]{1,15}$")).isEmpty();
    }

    /** The router's checks (PathParameters) and the published parameter schemas agree, character by character. */
    @Test
    void pathParameterSchemasMeanWhatTheRouterChecks() {
        ObjectNode document = OpenApiFiles.openApi();
        int compared = 0;
        for (Map.Entry<String, JsonNode> path : OpenApiFiles.entries(document.get("paths"))) {
            // calendars' and policies' {id} has its own rule (SlaAdminRoutes), the form of channelId's
            if (path.getKey().startsWith("/business-hours") || path.getKey().startsWith("/sla-policies")) continue;
            // agents' and routing rules' {id} are checked by their own routes (RoutingRoutes: AgentProfile, RoutingRuleWire)
            if (path.getKey().startsWith("/agents") || path.getKey().startsWith("/routing-rules")) continue;
            for (JsonNode parameter : OpenApiFiles.pathParameters(document, path.getValue())) {
                String name = parameter.get("name").asText();
                PathParameters.Rule rule = PathParameters.standard(name);
                assertThat(rule).as(path.getKey() + " {" + name + "} has a router rule").isNotNull();
                JsonSchema published = schemaOf(document, parameter.get("schema"));
                for (String probe : probes(name)) {
                    boolean documented = published.validate(TextNode.valueOf(probe)).isEmpty();
                    assertThat(documented).as(path.getKey() + " {" + name + "} = " + codePoints(probe))
                            .isEqualTo(rule.accepts(probe));
                }
                compared++;
            }
        }
        assertThat(compared).isGreaterThanOrEqualTo(8);
    }

    /** The domain's agent-id check (TicketFields) refuses exactly C0 controls, space and DEL: the same set. */
    @Test
    void agentIdPatternRefusesExactlySpacesAndControlCharacters() {
        RegularExpression agentId = ecma(OpenApiFiles.openApi().at("/components/schemas/AgentId/pattern").asText());
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isSurrogate(c)) continue;
            boolean refusedByDomain = c <= 0x20 || c == 0x7f;
            assertThat(matches(agentId, "a" + c + "b")).as("U+%04X", (int) c).isEqualTo(!refusedByDomain);
        }
        assertThat(matches(agentId, "x".repeat(128))).isTrue();
        assertThat(matches(agentId, "x".repeat(129))).isFalse();
    }

    private static Set<String> messages(JsonNode document) {
        return OPENAPI_31.validate(document).stream().map(ValidationMessage::getMessage).collect(Collectors.toSet());
    }

    private static void collectPatterns(JsonNode node, List<String> out) {
        if (node.isObject()) {
            // a schema's pattern is a string; a property *named* pattern would be an object
            if (node.path("pattern").isTextual()) out.add(node.get("pattern").asText());
            node.elements().forEachRemaining(child -> collectPatterns(child, out));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> collectPatterns(child, out));
        }
    }

    /** Compiles with joni's ECMAScript syntax, as the validator above does. */
    static RegularExpression ecma(String pattern) {
        return JoniRegularExpressionFactory.getInstance().getRegularExpression(pattern);
    }

    /** As JSON Schema applies a pattern: found anywhere in the value (the patterns anchor themselves). */
    static boolean matches(RegularExpression regex, String value) {
        return regex.matches(value);
    }

    /** A parameter's schema as a validator applies it (its $refs into the document's components resolved). */
    private static JsonSchema schemaOf(ObjectNode document, JsonNode parameterSchema) {
        ObjectNode root = parameterSchema.deepCopy();
        root.set("components", document.get("components"));
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(root,
                SchemaValidatorsConfig.builder().regularExpressionFactory(JoniRegularExpressionFactory.getInstance()).build());
    }

    /**
     * Values near each rule's edges: lengths around the limits, each ASCII character alone, and inside
     * a valid value each character up to U+07FF (controls, Latin, Greek, Cyrillic...), the general
     * punctuation block (Unicode spaces, line and paragraph separators) and other notable ones.
     */
    private static List<String> probes(String name) {
        String valid = switch (name) {
            case "id", "otherId" -> "tkt_00000000000000000000000000";
            case "token" -> "abc.def";
            default -> "abc";
        };
        List<String> out = new ArrayList<>(List.of("", valid, "#1042", "1042", "1".repeat(15), "1".repeat(16), "a-b", "-ab",
                "A.b", "a.b.c", ".ab", "x".repeat(63), "x".repeat(64), "x".repeat(200), "x".repeat(201),
                "a." + "b".repeat(510), "a." + "b".repeat(511)));
        for (char c = 0; c < 0x80; c++) out.add(String.valueOf(c));
        StringBuilder higher = new StringBuilder("\u1680\u180e\u3000\ufeff\ufffd\uffff");
        for (char c = 0; c < 0x800; c++) higher.append(c);
        for (char c = 0x2000; c < 0x2070; c++) higher.append(c);
        higher.chars().forEach(c -> out.add(valid.substring(0, 2) + (char) c + valid.substring(2)));
        return out;
    }

    private static String codePoints(String s) {
        return s.length() > 20 ? s.length() + " characters" : s.codePoints().mapToObj(c -> String.format("U+%04X", c))
                .collect(Collectors.joining(" "));
    }
}
