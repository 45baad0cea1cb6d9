package com.helpdesk.core.deflection;

import java.util.Locale;

/**
 * How sure the classifier must be before the AI answers "where is my order" by itself, and which Shopify customer
 * tag marks the customers it never answers (VIPs get a human). {@code threshold} must be above the intent threshold
 * ({@code intentThreshold}): a ticket only tagged wismo with middling confidence is left to the agents.
 */
public record WismoSettings(double threshold, String vipCustomerTag) {
    public WismoSettings {
        if (!(threshold > 0 && threshold <= 1)) throw new IllegalArgumentException("the auto-answer threshold must be within (0, 1]: " + threshold);
        if (vipCustomerTag == null || vipCustomerTag.isBlank()) throw new IllegalArgumentException("the VIP customer tag is required");
        vipCustomerTag = vipCustomerTag.strip();
    }

    /** Checks the threshold against the intent threshold (both read at init; a wrong pair stops the function there). */
    public static WismoSettings of(double threshold, double intentThreshold, String vipCustomerTag) {
        if (threshold <= intentThreshold) {
            throw new IllegalArgumentException("the auto-answer threshold (" + threshold + ") must be above the intent threshold ("
                    + intentThreshold + ")");
        }
        return new WismoSettings(threshold, vipCustomerTag);
    }

    /** Shopify customer tags compare case-insensitively ("VIP" and "vip" are one tag in the Shopify admin). */
    boolean isVip(java.util.List<String> customerTags) {
        String vip = vipCustomerTag.toLowerCase(Locale.ROOT);
        return customerTags.stream().anyMatch(t -> t != null && t.strip().toLowerCase(Locale.ROOT).equals(vip));
    }
}
