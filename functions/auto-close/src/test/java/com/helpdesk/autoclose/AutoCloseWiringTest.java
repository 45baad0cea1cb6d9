package com.helpdesk.autoclose;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** AutoCloseConfig read from what template.yaml gives AutoCloseFunction, and the composition root built from it. */
class AutoCloseWiringTest {
    private static final String FUNCTION = "AutoCloseFunction";
    private final TemplateVariables template = TemplateVariables.ofProject();
    private final Map<String, String> variables = template.lambdaEnvironment(FUNCTION);

    @Test
    void buildsFromTheVariablesTemplateYamlGivesIt() {
        EnvironmentReader env = EnvironmentReader.of(variables);
        AutoCloseConfig config = AutoCloseConfig.read(env);
        assertThat(config.closeAfter()).isEqualTo(Duration.ofDays(4));
        assertThat(AutoCloseWiring.build(config, Clock.systemUTC())).hasNoNullFieldsOrProperties();
        // a variable renamed on one side only fails here (or, being required, when the config is read)
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(FUNCTION).keySet())
                .containsAll(template.ownFor(FUNCTION).keySet());
    }

    @Test
    void aMissingVariableFailsInitNamingIt() {
        Map<String, String> env = new HashMap<>(variables);
        env.remove("AUTO_CLOSE_AFTER_DAYS");
        assertThatThrownBy(() -> AutoCloseConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("AUTO_CLOSE_AFTER_DAYS is not set (expected a whole number of days from 1 to 90)");
    }

    @Test
    void aMalformedVariableFailsInitNamingItAndWhatItExpects() {
        Map<String, String> env = new HashMap<>(variables);
        env.put("AUTO_CLOSE_AFTER_DAYS", "4d");
        assertThatThrownBy(() -> AutoCloseConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("AUTO_CLOSE_AFTER_DAYS is '4d' (expected a whole number of days from 1 to 90)");
    }
}
