package com.helpdesk.slatimer;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SlaTimerConfig read from what template.yaml gives SlaTimerFunction, and the composition root built from it. */
class SlaTimerWiringTest {
    private static final String FUNCTION = "SlaTimerFunction";
    private final TemplateVariables template = TemplateVariables.ofProject();
    private final Map<String, String> variables = template.lambdaEnvironment(FUNCTION);

    @Test
    void buildsFromTheVariablesTemplateYamlGivesIt() {
        EnvironmentReader env = EnvironmentReader.of(variables);
        SlaTimerConfig config = SlaTimerConfig.read(env);
        assertThat(config.sweepLimitPerShard()).isEqualTo(1000);
        assertThat(config.defaultTimeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(SlaTimerWiring.build(config, Clock.systemUTC())).hasNoNullFieldsOrProperties();
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(FUNCTION).keySet())
                .containsAll(template.ownFor(FUNCTION).keySet());
    }

    @Test
    void everyMissingVariableIsNamedInOneError() {
        Map<String, String> env = new HashMap<>(variables);
        env.remove("TABLE_NAME");
        env.remove("SLA_DEFAULT_TIME_ZONE");
        assertThatThrownBy(() -> SlaTimerConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("TABLE_NAME is not set")
                .hasMessageContaining("SLA_DEFAULT_TIME_ZONE is not set");
    }

    @Test
    void aMalformedVariableFailsInitNamingItAndWhatItExpects() {
        Map<String, String> env = new HashMap<>(variables);
        env.put("SLA_SWEEP_LIMIT", "0");
        assertThatThrownBy(() -> SlaTimerConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("SLA_SWEEP_LIMIT is '0' (expected a whole number of tickets from 1 to 100000)");
        env.put("SLA_SWEEP_LIMIT", "1000");
        env.put("SLA_DEFAULT_TIME_ZONE", "Asia/Kolkata");
        assertThat(SlaTimerConfig.read(EnvironmentReader.of(env)).defaultTimeZone()).isEqualTo(ZoneId.of("Asia/Kolkata"));
    }
}
