package com.helpdesk.chatwebhook;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.net.URI;

/** The chat webhooks' configuration (ChatWebhookFunction in template.yaml), read and checked once at init. */
record ChatWebhookConfig(AwsSettings aws, String tableName, String secretsPrefix, URI inboundQueueUrl) {
    static ChatWebhookConfig read(EnvironmentReader env) {
        return env.valid(new ChatWebhookConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), HelpdeskVariables.secretsPrefix(env),
                HelpdeskVariables.inboundQueueUrl(env)));
    }
}
