package com.helpdesk.orderlookup;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * The order functions' configuration (OrderLookupFunction and OrdersApiFunction in template.yaml), read and
 * checked once at init.
 *
 * @param shopifyEndpoint    replaces {@code https://<shop>.myshopify.com} (the local stub shop); empty for real shops
 * @param cacheTtl           how long what a store said about a customer is reused (ORDER_CACHE_TTL_SECONDS)
 * @param maxAttempts        lookups of one event before the ticket shows the reason and the event is parked
 *                           (MAX_LOOKUP_ATTEMPTS; below the queue's maxReceiveCount, which only catches crashes)
 * @param deadLetterQueueUrl where an event whose lookup failed every attempt, or that cannot be read, is parked
 *                           with its reason; empty for the API function
 * @param cursorKeysSecret   the key ring of the ticket list cursors the API hands out (GET /customers); empty for the queue
 * @param filesBucket        where attachments and raw mail are (FILES_BUCKET): a redaction deletes the customer's, a
 *                           data request's export is written there (exports/)
 * @param exportLinkValidity how long a data export's link works (EXPORT_LINK_HOURS, at most 7 days; no longer than the
 *                           function's role credentials live)
 * @param ownQueueUrl        the function's own queue (ORDER_LOOKUP_QUEUE_URL), where a store's erasure queues its next slice;
 *                           empty for the API function
 */
record OrderLookupConfig(AwsSettings aws, String tableName, String secretsPrefix, Optional<URI> shopifyEndpoint, Duration cacheTtl,
                         int maxAttempts, Optional<URI> deadLetterQueueUrl, Optional<String> cursorKeysSecret, String filesBucket,
                         Duration exportLinkValidity, Optional<URI> ownQueueUrl) {
    /** OrderLookupFunction's: the queue consumer parks what failed in its dead-letter queue. */
    static OrderLookupConfig forQueue(EnvironmentReader env) {
        return env.valid(new OrderLookupConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), HelpdeskVariables.secretsPrefix(env),
                shopifyEndpoint(env), cacheTtl(env), env.integer("MAX_LOOKUP_ATTEMPTS", 1, 20, "attempts"),
                Optional.ofNullable(HelpdeskVariables.queueUrl(env, "DEAD_LETTER_QUEUE_URL")), Optional.empty(), HelpdeskVariables.filesBucket(env),
                Duration.ofHours(env.integer("EXPORT_LINK_HOURS", 1, 168, "hours")),
                Optional.of(HelpdeskVariables.queueUrl(env, "ORDER_LOOKUP_QUEUE_URL"))));
    }

    /** OrdersApiFunction's: no queue. */
    static OrderLookupConfig forApi(EnvironmentReader env) {
        return env.valid(new OrderLookupConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), HelpdeskVariables.secretsPrefix(env),
                shopifyEndpoint(env), cacheTtl(env), 1, Optional.empty(), Optional.ofNullable(HelpdeskVariables.cursorKeysSecret(env)),
                HelpdeskVariables.filesBucket(env), Duration.ofHours(12), Optional.empty()));
    }

    private static Optional<URI> shopifyEndpoint(EnvironmentReader env) {
        return env.optionalHttpUrl("SHOPIFY_ENDPOINT_URL", "empty for real shops, or a base URL standing in for https://<shop>.myshopify.com");
    }

    private static Duration cacheTtl(EnvironmentReader env) {
        return Duration.ofSeconds(env.integer("ORDER_CACHE_TTL_SECONDS", 1, 86_400, "seconds"));
    }
}
