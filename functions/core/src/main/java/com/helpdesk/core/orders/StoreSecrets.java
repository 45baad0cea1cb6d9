package com.helpdesk.core.orders;

import java.util.Set;

/** Where a store's secrets live in the secret store; the values are written by admins and never read back out. */
public final class StoreSecrets {
    public static final String ADMIN_API_TOKEN = "adminApiToken";
    public static final String WEBHOOK_SECRET = "webhookSecret";
    public static final Set<String> ALL = Set.of(ADMIN_API_TOKEN, WEBHOOK_SECRET);

    private StoreSecrets() {}

    public static String name(String prefix, String storeId, String secret) {
        return prefix.replaceAll("/+$", "") + "/stores/" + storeId + "/" + secret;
    }
}
