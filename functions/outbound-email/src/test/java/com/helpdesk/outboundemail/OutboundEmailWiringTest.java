package com.helpdesk.outboundemail;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OutboundEmailConfig read from what template.yaml gives OutboundEmailFunction, and the composition root built from it. */
class OutboundEmailWiringTest {
    private static final String FUNCTION = "OutboundEmailFunction";
    private final TemplateVariables template = TemplateVariables.ofProject();
    private final Map<String, String> variables = template.lambdaEnvironment(FUNCTION);

    @Test
    void buildsFromTheVariablesTemplateYamlGivesIt() {
        EnvironmentReader env = EnvironmentReader.of(variables);
        OutboundEmailConfig config = OutboundEmailConfig.read(env);
        assertThat(config.supportTeamName()).isEqualTo("Support");
        assertThat(config.maxSendAttempts()).isEqualTo(5);
        assertThat(config.acknowledgeNewEmail()).isTrue();
        assertThat(config.publicApiUrl()).hasToString(variables.get("PUBLIC_API_URL"));
        assertThat(config.sesConfigurationSet()).isEmpty();
        assertThat(OutboundEmailWiring.build(config, Clock.systemUTC())).hasNoNullFieldsOrProperties();
        // a variable renamed on one side only fails here (or, being required, when the config is read)
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(FUNCTION).keySet())
                .containsAll(template.ownFor(FUNCTION).keySet());
    }

    @Test
    void aMissingVariableFailsInitNamingIt() {
        Map<String, String> env = new HashMap<>(variables);
        env.remove("PUBLIC_API_URL");
        assertThatThrownBy(() -> OutboundEmailConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("PUBLIC_API_URL is not set (expected the API's public base URL");
    }

    @Test
    void aMalformedVariableFailsInitNamingItAndWhatItExpects() {
        Map<String, String> env = new HashMap<>(variables);
        env.put("ACKNOWLEDGE_NEW_EMAIL", "yes");
        assertThatThrownBy(() -> OutboundEmailConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("ACKNOWLEDGE_NEW_EMAIL is 'yes' (expected true or false)");
    }
}
