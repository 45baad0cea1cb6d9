package com.helpdesk.core.orders;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which store a ticket belongs to: the one whose support address the mail was sent to, or whose chat
 * channel the conversation came in on; the default store otherwise (the only store, when there is one).
 */
public final class StoreSelection {
    private StoreSelection() {}

    public static Optional<Store> forTicket(List<Store> stores, List<String> recipientAddresses, String channelId) {
        if (recipientAddresses != null) {
            for (String address : recipientAddresses) {
                if (address == null) continue;
                String a = address.toLowerCase(Locale.ROOT);
                for (Store s : stores) if (s.supportAddresses().contains(a)) return Optional.of(s);
            }
        }
        if (channelId != null) {
            for (Store s : stores) if (s.channels().contains(channelId)) return Optional.of(s);
        }
        if (stores.size() == 1) return Optional.of(stores.get(0));
        // Several defaults would be an admin's mistake: the first by id keeps the choice stable.
        return stores.stream().filter(Store::isDefault).min(Comparator.comparing(Store::id));
    }
}
