package com.helpdesk.api;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** TicketApiConfig read from what template.yaml gives TicketApiFunction, and the composition root built from it. */
class TicketApiWiringTest {
    private static final String FUNCTION = "TicketApiFunction";
    private final TemplateVariables template = TemplateVariables.ofProject();
    private final Map<String, String> variables = template.lambdaEnvironment(FUNCTION);

    @Test
    void buildsFromTheVariablesTemplateYamlGivesIt() {
        EnvironmentReader env = EnvironmentReader.of(variables);
        TicketApiConfig config = TicketApiConfig.read(env);
        assertThat(config.tableName()).isEqualTo(variables.get("TABLE_NAME"));
        assertThat(config.filesBucket()).isEqualTo(variables.get("FILES_BUCKET"));
        assertThat(config.secretsPrefix()).isEqualTo("/helpdesk/helpdesk");
        assertThat(config.csatWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(TicketApiWiring.build(config, Clock.systemUTC())).hasNoNullFieldsOrProperties();
        // a variable renamed on one side only fails here (or, being required, when the config is read)
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(FUNCTION).keySet())
                .containsAll(template.ownFor(FUNCTION).keySet());
    }

    @Test
    void aMissingVariableFailsInitNamingIt() {
        Map<String, String> env = new HashMap<>(variables);
        env.remove("FILES_BUCKET");
        assertThatThrownBy(() -> TicketApiConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("FILES_BUCKET is not set (expected an S3 bucket name");
    }

    @Test
    void aMalformedVariableFailsInitNamingItAndWhatItExpects() {
        Map<String, String> env = new HashMap<>(variables);
        env.put("CSAT_WINDOW_DAYS", "a week");
        assertThatThrownBy(() -> TicketApiConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("CSAT_WINDOW_DAYS is 'a week' (expected a whole number of days from 1 to 60)");
    }
}
