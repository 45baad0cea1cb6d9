package com.helpdesk.inboundemail;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** InboundEmailConfig read from what template.yaml gives InboundEmailFunction, and the composition root built from it. */
class InboundEmailWiringTest {
    private static final String FUNCTION = "InboundEmailFunction";
    private final TemplateVariables template = TemplateVariables.ofProject();
    private final Map<String, String> variables = template.lambdaEnvironment(FUNCTION);

    @Test
    void buildsFromTheVariablesTemplateYamlGivesIt() {
        EnvironmentReader env = EnvironmentReader.of(variables);
        InboundEmailConfig config = InboundEmailConfig.read(env);
        assertThat(config.rawMailPrefix()).isEqualTo("inbound/");
        assertThat(config.floodLimitPerHour()).isEqualTo(20);
        assertThat(config.supportAddress()).isEqualTo("support@help.example.com");
        assertThat(config.inboundQueueUrl()).hasToString(variables.get("INBOUND_QUEUE_URL"));
        assertThat(InboundEmailWiring.build(config)).hasNoNullFieldsOrProperties();
        // a variable renamed on one side only fails here (or, being required, when the config is read)
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(FUNCTION).keySet())
                .containsAll(template.ownFor(FUNCTION).keySet());
    }

    @Test
    void aMissingVariableFailsInitNamingIt() {
        Map<String, String> env = new HashMap<>(variables);
        env.remove("INBOUND_QUEUE_URL");
        assertThatThrownBy(() -> InboundEmailConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("INBOUND_QUEUE_URL is not set (expected the URL of an SQS FIFO queue");
    }

    @Test
    void aMalformedVariableFailsInitNamingItAndWhatItExpects() {
        Map<String, String> env = new HashMap<>(variables);
        env.put("FLOOD_LIMIT_PER_HOUR", "twenty");
        assertThatThrownBy(() -> InboundEmailConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("FLOOD_LIMIT_PER_HOUR is 'twenty' (expected a whole number of messages from 1 to 1000000)");
    }
}
