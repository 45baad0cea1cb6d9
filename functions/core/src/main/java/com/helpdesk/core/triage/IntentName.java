package com.helpdesk.core.triage;

import com.helpdesk.core.ValidationException;

import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** What a customer wants: the closed set of intents the classifier knows, on the wire in lower snake case. */
public enum IntentName {
    RETURN_REQUEST, EXCHANGE, WISMO, DAMAGE_CLAIM, WRONG_ITEM, MISSING_ITEM, CANCELLATION, ADDRESS_CHANGE,
    REFUND_STATUS, BILLING, PRODUCT_QUESTION, ACCOUNT, SPAM, OTHER;

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The intent named {@code wire}, or a validation error on {@code field} listing the known names. */
    public static IntentName parse(String field, String wire) {
        if (wire != null) {
            for (IntentName n : values()) {
                if (n.wire().equals(wire.strip().toLowerCase(Locale.ROOT))) return n;
            }
        }
        throw new ValidationException(field, "must be one of " + Arrays.stream(values()).map(IntentName::wire)
                .collect(Collectors.joining(", ")));
    }
}
