package com.helpdesk.outboundchat;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.net.URI;
import java.util.Optional;

/**
 * The outbound chat's configuration (OutboundChatFunction in template.yaml), read and checked once at init.
 *
 * @param chatApiBaseUrl where every provider request goes instead (the local stack's capture); empty in AWS
 */
record OutboundChatConfig(AwsSettings aws, String tableName, String secretsPrefix, int maxSendAttempts, Optional<URI> chatApiBaseUrl, com.helpdesk.runtime.CloudWatchMetrics.Settings metrics) {
    static OutboundChatConfig read(EnvironmentReader env) {
        return env.valid(new OutboundChatConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), HelpdeskVariables.secretsPrefix(env),
                HelpdeskVariables.maxSendAttempts(env),
                env.optionalHttpUrl("CHAT_API_BASE_URL", "an http(s) base URL that replaces the providers' APIs, or empty for theirs"),
                com.helpdesk.runtime.CloudWatchMetrics.Settings.read(env)));
    }
}
