package com.helpdesk.routing;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** RoutingConfig read from what template.yaml gives RoutingFunction and RoutingApiFunction, and the composition root built from it. */
class RoutingWiringTest {
    private final TemplateVariables template = TemplateVariables.ofProject();

    @Test
    void theQueueFunctionBuildsFromTheVariablesTemplateYamlGivesIt() {
        EnvironmentReader env = EnvironmentReader.of(template.lambdaEnvironment("RoutingFunction"));
        RoutingConfig config = RoutingConfig.forQueue(env);
        assertThat(config.deadLetterQueueUrl()).isPresent();
        assertThat(RoutingWiring.build(config, Clock.systemUTC())).hasNoNullFieldsOrProperties();
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction("RoutingFunction").keySet())
                .containsAll(template.ownFor("RoutingFunction").keySet());
    }

    @Test
    void theApiFunctionBuildsWithoutAQueue() {
        EnvironmentReader env = EnvironmentReader.of(template.lambdaEnvironment("RoutingApiFunction"));
        RoutingWiring wiring = RoutingWiring.build(RoutingConfig.forApi(env), Clock.systemUTC());
        assertThat(wiring.deadLetters()).isNull();
        assertThat(wiring.agents()).isNotNull();
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction("RoutingApiFunction").keySet());
    }

    @Test
    void configurationNamesWhatIsMissing() {
        Map<String, String> noTable = new HashMap<>(template.lambdaEnvironment("RoutingFunction"));
        noTable.remove("TABLE_NAME");
        assertThatThrownBy(() -> RoutingConfig.forQueue(EnvironmentReader.of(noTable))).hasMessageContaining("TABLE_NAME");
    }
}
