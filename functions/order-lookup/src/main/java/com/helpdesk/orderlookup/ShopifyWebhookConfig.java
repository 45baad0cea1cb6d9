package com.helpdesk.orderlookup;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.net.URI;

/**
 * ShopifyWebhookFunction's configuration, read and checked once at init.
 *
 * @param orderLookupQueueUrl where checked webhooks go: OrderLookupFunction's queue (ORDER_LOOKUP_QUEUE_URL)
 */
record ShopifyWebhookConfig(AwsSettings aws, String tableName, String secretsPrefix, URI orderLookupQueueUrl) {
    static ShopifyWebhookConfig read(EnvironmentReader env) {
        return env.valid(new ShopifyWebhookConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), HelpdeskVariables.secretsPrefix(env),
                HelpdeskVariables.queueUrl(env, "ORDER_LOOKUP_QUEUE_URL")));
    }
}
