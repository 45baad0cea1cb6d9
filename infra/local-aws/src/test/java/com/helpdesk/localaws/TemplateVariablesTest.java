package com.helpdesk.localaws;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateVariablesTest {
    private final TemplateVariables template = TemplateVariables.ofProject();

    @Test
    void aFunctionsOwnVariablesOverTheGlobalsWithPlausibleLiterals() {
        var env = template.forFunction("InboundEmailFunction");
        assertThat(env).containsEntry("TABLE_NAME", "helpdesk-HelpdeskTable-1A2B3C4D")
                .containsEntry("SECRETS_PREFIX", "/helpdesk/helpdesk")
                .containsEntry("SUPPORT_ADDRESS", "support@help.example.com")
                .containsEntry("FILES_BUCKET", "helpdesk-mailbucket-1a2b3c4d")
                .containsEntry("RAW_MAIL_PREFIX", "inbound/")
                .containsEntry("FLOOD_LIMIT_PER_HOUR", "20")
                .containsEntry("INBOUND_QUEUE_URL", "https://sqs.us-east-1.amazonaws.com/123456789012/helpdesk-InboundQueue.fifo");
        assertThat(template.ownFor("InboundEmailFunction")).containsOnlyKeys("RAW_MAIL_PREFIX", "INBOUND_QUEUE_URL", "FLOOD_LIMIT_PER_HOUR", "REPLY_KEYS_SECRET");
        assertThat(template.forFunction("OutboundEmailFunction"))
                .containsEntry("PUBLIC_API_URL", "https://a1b2c3d4e5.execute-api.us-east-1.amazonaws.com");
    }

    @Test
    void anUnknownFunctionIsNamed() {
        assertThatThrownBy(() -> template.forFunction("NoSuchFunction")).hasMessageContaining("NoSuchFunction");
    }
}
