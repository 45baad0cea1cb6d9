package com.helpdesk.slaadmin;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** SlaAdminConfig read from what template.yaml gives SlaAdminFunction, and the composition root built from it. */
class SlaAdminWiringTest {
    private static final String FUNCTION = "SlaAdminFunction";
    private final TemplateVariables template = TemplateVariables.ofProject();
    private final Map<String, String> variables = template.lambdaEnvironment(FUNCTION);

    @Test
    void buildsFromTheVariablesTemplateYamlGivesIt() {
        EnvironmentReader env = EnvironmentReader.of(variables);
        SlaAdminConfig config = SlaAdminConfig.read(env);
        assertThat(config.defaultTimeZone()).isEqualTo(ZoneId.of("UTC"));
        assertThat(SlaAdminWiring.build(config, Clock.systemUTC())).hasNoNullFieldsOrProperties();
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(FUNCTION).keySet())
                .containsAll(template.ownFor(FUNCTION).keySet());
    }

    @Test
    void configurationNamesWhatIsMissing() {
        Map<String, String> noTable = new HashMap<>(variables);
        noTable.remove("TABLE_NAME");
        assertThatThrownBy(() -> SlaAdminConfig.read(EnvironmentReader.of(noTable))).hasMessageContaining("TABLE_NAME");
        Map<String, String> noZone = new HashMap<>(variables);
        noZone.remove("SLA_DEFAULT_TIME_ZONE");
        assertThatThrownBy(() -> SlaAdminConfig.read(EnvironmentReader.of(noZone)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("SLA_DEFAULT_TIME_ZONE is not set (expected an IANA time zone such as Europe/Berlin or UTC)");
    }

    @Test
    void aMalformedZoneFailsInitNamingIt() {
        Map<String, String> env = new HashMap<>(variables);
        env.put("SLA_DEFAULT_TIME_ZONE", "Mars/Base");
        assertThatThrownBy(() -> SlaAdminConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("SLA_DEFAULT_TIME_ZONE is 'Mars/Base' (expected an IANA time zone");
        env.put("SLA_DEFAULT_TIME_ZONE", "Europe/Berlin");
        assertThat(SlaAdminConfig.read(EnvironmentReader.of(env)).defaultTimeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
    }
}
