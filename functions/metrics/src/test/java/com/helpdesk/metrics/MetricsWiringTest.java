package com.helpdesk.metrics;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** MetricsConfig read from what template.yaml gives both metrics functions, and the composition root built from it. */
class MetricsWiringTest {
    private final TemplateVariables template = TemplateVariables.ofProject();

    @Test
    void buildsFromTheVariablesTemplateYamlGivesEitherFunction() {
        for (String function : new String[] {"MetricsFunction", "MetricsApiFunction", "BacklogCensusFunction"}) {
            EnvironmentReader env = EnvironmentReader.of(template.lambdaEnvironment(function));
            boolean queue = function.equals("MetricsFunction");
            MetricsConfig config = queue ? MetricsConfig.forQueue(env) : MetricsConfig.read(env);
            assertThat(config.deadLetterQueueUrl().isPresent()).as("only the queue's function parks").isEqualTo(queue);
            if (queue) assertThat(MetricsWiring.deadLetters(config)).isNotNull();
            assertThat(config.teamTimezone()).isEqualTo(ZoneId.of("UTC"));
            assertThat(MetricsWiring.build(config, java.time.Clock.systemUTC())).hasNoNullFieldsOrProperties();
            assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                    .isSubsetOf(template.forFunction(function).keySet())
                    .containsAll(template.ownFor(function).keySet());
        }
    }

    @Test
    void anUnknownTimeZoneFailsInitNamingIt() {
        Map<String, String> env = new HashMap<>(template.lambdaEnvironment("MetricsFunction"));
        env.put("TEAM_TIMEZONE", "Europe/Berlim");
        assertThatThrownBy(() -> MetricsConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("TEAM_TIMEZONE is 'Europe/Berlim' (expected an IANA time zone");
        env.put("TEAM_TIMEZONE", "America/New_York");
        assertThat(MetricsConfig.read(EnvironmentReader.of(env)).teamTimezone()).isEqualTo(ZoneId.of("America/New_York"));
    }
}
