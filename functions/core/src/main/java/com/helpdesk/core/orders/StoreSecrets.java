package com.helpdesk.core.orders;

import java.util.Set;

/** Where a store's secrets live in the secret store; the values are written by admins and never read back out. */
public final class StoreSecrets {
    public static final String ADMIN_API_TOKEN = "adminApiToken";
    public static final String WEBHOOK_SECRET = "webhookSecret";
    /**
     * The app secret being rotated out: Shopify keeps signing with it until it is revoked, so webhooks signed with
     * either are taken meanwhile. Optional; an empty value removes it.
     */
    public static final String PREVIOUS_WEBHOOK_SECRET = "previousWebhookSecret";
    /** What every store has. */
    public static final Set<String> REQUIRED = Set.of(ADMIN_API_TOKEN, WEBHOOK_SECRET);
    public static final Set<String> ALL = Set.of(ADMIN_API_TOKEN, WEBHOOK_SECRET, PREVIOUS_WEBHOOK_SECRET);

    private StoreSecrets() {}

    public static String name(String prefix, String storeId, String secret) {
        return prefix.replaceAll("/+$", "") + "/stores/" + storeId + "/" + secret;
    }
}
