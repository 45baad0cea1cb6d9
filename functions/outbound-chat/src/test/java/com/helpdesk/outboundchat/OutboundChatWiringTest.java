package com.helpdesk.outboundchat;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** OutboundChatConfig read from what template.yaml gives OutboundChatFunction, and the composition root built from it. */
class OutboundChatWiringTest {
    private static final String FUNCTION = "OutboundChatFunction";
    private final TemplateVariables template = TemplateVariables.ofProject();
    private final Map<String, String> variables = template.lambdaEnvironment(FUNCTION);

    @Test
    void buildsFromTheVariablesTemplateYamlGivesIt() {
        EnvironmentReader env = EnvironmentReader.of(variables);
        OutboundChatConfig config = OutboundChatConfig.read(env);
        assertThat(config.maxSendAttempts()).isEqualTo(5);
        assertThat(config.chatApiBaseUrl()).as("empty in AWS: the providers' own APIs").isEmpty();
        assertThat(OutboundChatWiring.build(config, Clock.systemUTC())).hasNoNullFieldsOrProperties();
        // a variable renamed on one side only fails here (or, being required, when the config is read)
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(FUNCTION).keySet())
                .containsAll(template.ownFor(FUNCTION).keySet());
    }

    @Test
    void aMissingVariableFailsInitNamingIt() {
        Map<String, String> env = new HashMap<>(variables);
        env.remove("MAX_SEND_ATTEMPTS");
        assertThatThrownBy(() -> OutboundChatConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("MAX_SEND_ATTEMPTS is not set (expected a whole number of attempts from 1 to 100)");
    }

    @Test
    void aMalformedVariableFailsInitNamingItAndWhatItExpects() {
        Map<String, String> env = new HashMap<>(variables);
        env.put("CHAT_API_BASE_URL", "localhost:3000/_aws/chat");
        assertThatThrownBy(() -> OutboundChatConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("CHAT_API_BASE_URL is 'localhost:3000/_aws/chat' (expected an http(s) base URL");
    }
}
