package com.helpdesk.relay;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OutboxRelayConfig read from what template.yaml gives OutboxRelayFunction, and the composition root built from it. */
class OutboxRelayWiringTest {
    private static final String FUNCTION = "OutboxRelayFunction";
    private final TemplateVariables template = TemplateVariables.ofProject();
    private final Map<String, String> variables = template.lambdaEnvironment(FUNCTION);

    @Test
    void buildsFromTheVariablesTemplateYamlGivesIt() {
        EnvironmentReader env = EnvironmentReader.of(variables);
        OutboxRelayConfig config = OutboxRelayConfig.read(env);
        assertThat(config.eventBusName()).isEqualTo("helpdesk-bus");
        assertThat(OutboxRelayWiring.build(config)).hasNoNullFieldsOrProperties();
        // a variable renamed on one side only fails here (or, being required, when the config is read)
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(FUNCTION).keySet())
                .containsAll(template.ownFor(FUNCTION).keySet());
    }

    @Test
    void aMissingVariableFailsInitNamingIt() {
        Map<String, String> env = new HashMap<>(variables);
        env.remove("EVENT_BUS_NAME");
        assertThatThrownBy(() -> OutboxRelayConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("EVENT_BUS_NAME is not set (expected an EventBridge event bus name or ARN)");
    }

    @Test
    void aMalformedVariableFailsInitNamingItAndWhatItExpects() {
        Map<String, String> env = new HashMap<>(variables);
        env.put("EVENT_BUS_NAME", "helpdesk bus");
        assertThatThrownBy(() -> OutboxRelayConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("EVENT_BUS_NAME is 'helpdesk bus' (expected an EventBridge event bus name or ARN)");
    }
}
