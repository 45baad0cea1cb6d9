package com.helpdesk.chatwebhook;

import com.helpdesk.localaws.TemplateVariables;
import com.helpdesk.runtime.EnvironmentReader;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** ChatWebhookConfig read from what template.yaml gives ChatWebhookFunction, and the composition root built from it. */
class ChatWebhookWiringTest {
    private static final String FUNCTION = "ChatWebhookFunction";
    private final TemplateVariables template = TemplateVariables.ofProject();
    private final Map<String, String> variables = template.lambdaEnvironment(FUNCTION);

    @Test
    void buildsFromTheVariablesTemplateYamlGivesIt() {
        EnvironmentReader env = EnvironmentReader.of(variables);
        ChatWebhookConfig config = ChatWebhookConfig.read(env);
        assertThat(config.secretsPrefix()).isEqualTo("/helpdesk/helpdesk");
        assertThat(config.inboundQueueUrl()).hasToString(variables.get("INBOUND_QUEUE_URL"));
        assertThat(ChatWebhookWiring.build(config, Clock.systemUTC())).hasNoNullFieldsOrProperties();
        // a variable renamed on one side only fails here (or, being required, when the config is read)
        assertThat(env.namesRead()).filteredOn(name -> !name.startsWith("AWS_"))
                .isSubsetOf(template.forFunction(FUNCTION).keySet())
                .containsAll(template.ownFor(FUNCTION).keySet());
    }

    @Test
    void aMissingVariableFailsInitNamingIt() {
        Map<String, String> env = new HashMap<>(variables);
        env.remove("SECRETS_PREFIX");
        assertThatThrownBy(() -> ChatWebhookConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("SECRETS_PREFIX is not set (expected an SSM parameter path");
    }

    @Test
    void aMalformedVariableFailsInitNamingItAndWhatItExpects() {
        Map<String, String> env = new HashMap<>(variables);
        env.put("INBOUND_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/helpdesk-InboundQueue");
        assertThatThrownBy(() -> ChatWebhookConfig.read(EnvironmentReader.of(env)))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessageContaining("INBOUND_QUEUE_URL is 'https://sqs.us-east-1.amazonaws.com/123456789012/helpdesk-InboundQueue' "
                        + "(expected the URL of an SQS FIFO queue");
    }
}
