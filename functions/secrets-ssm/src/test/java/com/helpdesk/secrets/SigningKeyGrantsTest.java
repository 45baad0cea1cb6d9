package com.helpdesk.secrets;

import com.helpdesk.localaws.CfnYaml;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * template.yaml grants each function exactly the signing key secrets it reads (the ones its
 * *_KEYS_SECRET variables name), and the public survey function only the table actions it uses.
 */
class SigningKeyGrantsTest {
    private static final Set<String> KEY_VARIABLES = Set.of("CURSOR_KEYS_SECRET", "CSAT_KEYS_SECRET", "REPLY_KEYS_SECRET");

    @SuppressWarnings("unchecked")
    private static Map<String, Object> resources() throws Exception {
        Path template = Path.of(System.getProperty("helpdesk.root", "../..")).resolve("template.yaml");
        return (Map<String, Object>) CfnYaml.parse(Files.readString(template)).get("Resources");
    }

    @Test
    @SuppressWarnings("unchecked")
    void eachFunctionMayReadExactlyTheKeyRingsItsVariablesName() throws Exception {
        Map<String, Object> resources = resources();
        List<String> readers = new ArrayList<>();
        resources.forEach((id, r) -> {
            Map<String, Object> resource = (Map<String, Object>) r;
            if (!"AWS::Serverless::Function".equals(resource.get("Type"))) return;
            Map<String, Object> props = (Map<String, Object>) resource.get("Properties");
            Map<String, Object> vars = (Map<String, Object>) ((Map<String, Object>) props.getOrDefault("Environment", Map.of()))
                    .getOrDefault("Variables", Map.of());
            Set<String> named = new TreeSet<>();
            vars.forEach((k, v) -> {
                if (KEY_VARIABLES.contains(k)) named.add(String.valueOf(((Map<String, Object>) v).get("Ref")));
            });
            Set<String> granted = new TreeSet<>();
            for (Map<String, Object> statement : statements(props)) {
                if (!actions(statement).contains("secretsmanager:GetSecretValue")) continue;
                assertThat(actions(statement)).as(id + " only reads secrets").containsOnly("secretsmanager:GetSecretValue");
                Object res = statement.get("Resource");
                for (Object one : res instanceof List<?> l ? l : List.of(res)) granted.add(String.valueOf(((Map<String, Object>) one).get("Ref")));
            }
            assertThat(granted).as(id + ": the secrets it may read are the ones it is told about").isEqualTo(named);
            if (!named.isEmpty()) readers.add(id);
        });
        assertThat(readers).containsExactlyInAnyOrder("TicketApiFunction", "CsatSurveyFunction", "InboundEmailFunction", "OutboundEmailFunction",
                "OrdersApiFunction");
        for (String secret : List.of("CursorSigningKeys", "CsatSigningKeys", "ReplyAddressSigningKeys")) {
            Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) resources.get(secret)).get("Properties");
            assertThat(props).as(secret + ": generated at create time, never a parameter").doesNotContainKey("SecretString");
            assertThat((Map<String, Object>) props.get("GenerateSecretString"))
                    .containsEntry("GenerateStringKey", "key").containsEntry("PasswordLength", 64);
        }
    }

    @Test
    @SuppressWarnings("unchecked")
    void thePublicSurveyFunctionGetsOnlyTheTableActionsItUses() throws Exception {
        Map<String, Object> props = (Map<String, Object>) ((Map<String, Object>) resources().get("CsatSurveyFunction")).get("Properties");
        Set<String> all = new TreeSet<>();
        for (Map<String, Object> statement : statements(props)) all.addAll(actions(statement));
        // GetItem: the ticket (and the key table-kept before key rings); PutItem: the rating's transaction of puts
        assertThat(all).containsExactlyInAnyOrder("dynamodb:GetItem", "dynamodb:PutItem", "secretsmanager:GetSecretValue");
        assertThat(props.get("Policies").toString()).doesNotContain("CRUDPolicy").doesNotContain("ReadPolicy");
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> statements(Map<String, Object> props) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object policy : (List<Object>) props.getOrDefault("Policies", List.of())) {
            if (policy instanceof Map<?, ?> m && m.get("Statement") instanceof List<?> l) l.forEach(s -> out.add((Map<String, Object>) s));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static List<String> actions(Map<String, Object> statement) {
        Object a = statement.get("Action");
        return a instanceof List<?> l ? (List<String>) l : List.of(String.valueOf(a));
    }
}
