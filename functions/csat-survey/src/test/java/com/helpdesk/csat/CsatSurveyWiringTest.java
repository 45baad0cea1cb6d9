package com.helpdesk.csat;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** CsatSurveyConfig read from what template.yaml gives CsatSurveyFunction, and the composition root built from it. */
class CsatSurveyWiringTest {
    private static final String FUNCTION = "CsatSurveyFunction";
    private final TemplateVariables template = TemplateVariables.ofProject();
    private final Map<String, String> variables = template.lambdaEnvironment(FUNCTION);

    @Test
    void buildsFromTheVariablesTemplateYamlGivesIt() {
        EnvironmentReader env = EnvironmentReader.of(variables);
        CsatSurveyConfig config = CsatSurveyConfig.read(env);
        assertThat(config.csatWindow()).isEqualTo(Duration.ofDays(7));
        assertThat(CsatSurveyWiring.build(config, Clock.systemUTC())).hasNoNullFieldsOrProperties();
        // a variable renamed on one side only fails here (or, being required, when the config is read)
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(FUNCTION).keySet())
                .containsAll(template.ownFor(FUNCTION).keySet());
    }

    @Test
    void aMissingVariableFailsInitNamingIt() {
        Map<String, String> env = new HashMap<>(variables);
        env.remove("TABLE_NAME");
        assertThatThrownBy(() -> CsatSurveyConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("TABLE_NAME is not set (expected a DynamoDB table name");
    }

    @Test
    void aMalformedVariableFailsInitNamingItAndWhatItExpects() {
        Map<String, String> env = new HashMap<>(variables);
        env.put("CSAT_WINDOW_DAYS", "90");
        assertThatThrownBy(() -> CsatSurveyConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("CSAT_WINDOW_DAYS is '90' (expected a whole number of days from 1 to 60)");
    }
}
