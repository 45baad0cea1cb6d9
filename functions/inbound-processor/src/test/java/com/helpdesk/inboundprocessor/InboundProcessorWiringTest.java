package com.helpdesk.inboundprocessor;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** InboundProcessorConfig read from what template.yaml gives InboundProcessorFunction, and the composition root built from it. */
class InboundProcessorWiringTest {
    private static final String FUNCTION = "InboundProcessorFunction";
    private final TemplateVariables template = TemplateVariables.ofProject();
    private final Map<String, String> variables = template.lambdaEnvironment(FUNCTION);

    @Test
    void buildsFromTheVariablesTemplateYamlGivesIt() {
        EnvironmentReader env = EnvironmentReader.of(variables);
        InboundProcessorConfig config = InboundProcessorConfig.read(env);
        assertThat(config.deadLetterQueueUrl()).hasToString(variables.get("DEAD_LETTER_QUEUE_URL"));
        assertThat(InboundProcessorWiring.build(config, Clock.systemUTC())).hasNoNullFieldsOrProperties();
        // a variable renamed on one side only fails here (or, being required, when the config is read)
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(FUNCTION).keySet())
                .containsAll(template.ownFor(FUNCTION).keySet());
    }

    @Test
    void aMissingVariableFailsInitNamingIt() {
        Map<String, String> env = new HashMap<>(variables);
        env.remove("DEAD_LETTER_QUEUE_URL");
        assertThatThrownBy(() -> InboundProcessorConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("DEAD_LETTER_QUEUE_URL is not set (expected the URL of an SQS queue");
    }

    @Test
    void aMalformedVariableFailsInitNamingItAndWhatItExpects() {
        Map<String, String> env = new HashMap<>(variables);
        env.put("DEAD_LETTER_QUEUE_URL", "InboundDeadLetterQueue");
        assertThatThrownBy(() -> InboundProcessorConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("DEAD_LETTER_QUEUE_URL is 'InboundDeadLetterQueue' (expected the URL of an SQS queue");
    }
}
