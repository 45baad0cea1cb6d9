package com.helpdesk.core.orders;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A Shopify store the helpdesk answers for. {@code orderNamePrefix}/{@code orderNameSuffix} are the
 * store's order-name format (Shopify's default is "#" and ""; a store may use "EU-" or "-DE"), used to
 * spot its order numbers in mail. Secrets (Admin API token, webhook secret) are not part of the store:
 * they live in the secret store under the names {@link StoreSecrets} gives. {@code autoAnswer} says which intents
 * the AI may answer on its own for this store's customers (core/deflection); all off unless an admin turns one on.
 */
public record Store(String id, String name, String shopDomain, List<String> supportAddresses, List<String> channels,
                    String orderNamePrefix, String orderNameSuffix, boolean isDefault, AutoAnswer autoAnswer) {
    private static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    /** Shopify's permanent shop domain: the handle chosen at sign-up, lower-case letters, digits and '-'. */
    private static final Pattern SHOP_DOMAIN = Pattern.compile("^[a-z0-9][a-z0-9-]{0,59}\\.myshopify\\.com$");
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s.]+$");
    private static final Pattern AFFIX = Pattern.compile("^[A-Za-z0-9#_./-]{0,10}$");
    private static final int MAX_NAME = 200;
    private static final int MAX_LIST = 50;

    public Store {
        supportAddresses = supportAddresses == null ? List.of()
                : supportAddresses.stream().map(a -> a == null ? null : a.toLowerCase(Locale.ROOT)).toList();
        channels = channels == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(channels));
        orderNamePrefix = orderNamePrefix == null ? "#" : orderNamePrefix;
        orderNameSuffix = orderNameSuffix == null ? "" : orderNameSuffix;
        autoAnswer = autoAnswer == null ? AutoAnswer.OFF : autoAnswer;
    }

    /** A store whose AI auto-answers are off (the default). */
    public Store(String id, String name, String shopDomain, List<String> supportAddresses, List<String> channels,
                 String orderNamePrefix, String orderNameSuffix, boolean isDefault) {
        this(id, name, shopDomain, supportAddresses, channels, orderNamePrefix, orderNameSuffix, isDefault, AutoAnswer.OFF);
    }

    /** Which intents the AI answers by itself for the store: {@code wismo} (where is my order) only, for now. */
    public record AutoAnswer(boolean wismo) {
        public static final AutoAnswer OFF = new AutoAnswer(false);
    }

    /** The same store with these auto-answer settings. */
    public Store withAutoAnswer(AutoAnswer settings) {
        return new Store(id, name, shopDomain, supportAddresses, channels, orderNamePrefix, orderNameSuffix, isDefault, settings);
    }

    /** Validates an admin's input, naming every field that is wrong. */
    public static Store validated(String id, String name, String shopDomain, List<String> supportAddresses,
                                  List<String> channels, String prefix, String suffix, boolean isDefault) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) errors.add(new FieldError("storeId", "lower-case letters, digits and '-', at most 63"));
        if (name == null || name.isBlank() || name.length() > MAX_NAME) errors.add(new FieldError("name", "is required, at most " + MAX_NAME + " characters"));
        if (shopDomain == null || !SHOP_DOMAIN.matcher(shopDomain).matches()) {
            errors.add(new FieldError("shopDomain", "must be the shop's <shop>.myshopify.com domain"));
        }
        List<String> addresses = supportAddresses == null ? List.of() : supportAddresses;
        if (addresses.size() > MAX_LIST) errors.add(new FieldError("supportAddresses", "at most " + MAX_LIST));
        for (int i = 0; i < addresses.size(); i++) {
            String a = addresses.get(i);
            if (a == null || !EMAIL.matcher(a).matches()) errors.add(new FieldError("supportAddresses[" + i + "]", "must be an email address"));
        }
        List<String> ch = channels == null ? List.of() : channels;
        if (ch.size() > MAX_LIST) errors.add(new FieldError("channels", "at most " + MAX_LIST));
        for (int i = 0; i < ch.size(); i++) {
            if (ch.get(i) == null || !ID.matcher(ch.get(i)).matches()) errors.add(new FieldError("channels[" + i + "]", "must be a chat channel id"));
        }
        if (prefix != null && !AFFIX.matcher(prefix).matches()) errors.add(new FieldError("orderNamePrefix", "at most 10 of letters, digits, #_./-"));
        if (suffix != null && !AFFIX.matcher(suffix).matches()) errors.add(new FieldError("orderNameSuffix", "at most 10 of letters, digits, #_./-"));
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new Store(id, name.strip(), shopDomain, addresses, ch, prefix, suffix, isDefault);
    }

    /** The order's name as this store writes it, e.g. "#1001" or "EU-1001". */
    public String orderName(String number) {
        return orderNamePrefix + number + orderNameSuffix;
    }
}
