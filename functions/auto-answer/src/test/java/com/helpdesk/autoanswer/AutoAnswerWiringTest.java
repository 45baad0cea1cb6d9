package com.helpdesk.autoanswer;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;

/** AutoAnswerConfig read from what template.yaml gives AutoAnswerFunction, and the composition root built from it. */
class AutoAnswerWiringTest {
    private final TemplateVariables template = TemplateVariables.ofProject();

    @Test
    void buildsFromTheVariablesTemplateYamlGivesTheFunction() {
        EnvironmentReader env = EnvironmentReader.of(template.lambdaEnvironment("AutoAnswerFunction"));
        AutoAnswerConfig config = AutoAnswerConfig.read(env);
        assertThat(config.wismo().threshold()).isEqualTo(0.85);
        assertThat(config.wismo().vipCustomerTag()).isEqualTo("vip");
        assertThat(AutoAnswerWiring.build(config, Clock.systemUTC())).hasNoNullFieldsOrProperties();
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction("AutoAnswerFunction").keySet())
                .containsAll(template.ownFor("AutoAnswerFunction").keySet());
    }
}
