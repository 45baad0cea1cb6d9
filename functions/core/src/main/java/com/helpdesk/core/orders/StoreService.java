package com.helpdesk.core.orders;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;
import com.helpdesk.core.port.SecretStore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Admins configure stores. The secrets ({@link StoreSecrets#ADMIN_API_TOKEN}, {@link StoreSecrets#WEBHOOK_SECRET}, and
 * while the app secret is rotated {@link StoreSecrets#PREVIOUS_WEBHOOK_SECRET}) go to the secret store and are never
 * handed back; changing a store without secrets keeps the ones it has. A support address or channel belongs to one store, and one store at most is the default, so the
 * ticket's store is never ambiguous.
 */
public final class StoreService {
    private final StoreRepository stores;
    private final SecretStore secrets;
    private final String prefix;

    public StoreService(StoreRepository stores, SecretStore secrets, String prefix) {
        this.stores = stores;
        this.secrets = secrets;
        this.prefix = prefix;
    }

    /** The store as it is now, validated; answers whether it is new. */
    public Map.Entry<Store, Boolean> put(Store candidate, Map<String, String> secretValues) {
        List<FieldError> errors = new ArrayList<>();
        Store store;
        try {
            store = Store.validated(candidate.id(), candidate.name(), candidate.shopDomain(), candidate.supportAddresses(),
                    candidate.channels(), candidate.orderNamePrefix(), candidate.orderNameSuffix(), candidate.isDefault())
                    .withAutoAnswer(candidate.autoAnswer());
        } catch (ValidationException invalid) {
            // reported with the secrets' errors below, so an admin sees every wrong field at once
            errors.addAll(invalid.errors());
            store = null;
        }
        Map<String, String> given = secretValues == null ? Map.of() : secretValues;
        boolean isNew = store == null || stores.find(store.id()).isEmpty();
        for (String key : given.keySet()) {
            if (!StoreSecrets.ALL.contains(key)) errors.add(new FieldError("secrets." + key, "a store takes the secrets " + StoreSecrets.ALL));
        }
        for (String required : StoreSecrets.REQUIRED) {
            if (isNew && blank(given.get(required))) errors.add(new FieldError(required, "is required for a new store"));
        }
        if (store == null) throw new ValidationException(errors);
        for (Store other : stores.list()) {
            if (other.id().equals(store.id())) continue;
            if (store.isDefault() && other.isDefault()) errors.add(new FieldError("default", "store " + other.id() + " is the default already"));
            for (String a : store.supportAddresses()) {
                if (other.supportAddresses().contains(a)) errors.add(new FieldError("supportAddresses", a + " belongs to store " + other.id()));
            }
            for (String c : store.channels()) {
                if (other.channels().contains(c)) errors.add(new FieldError("channels", c + " belongs to store " + other.id()));
            }
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        for (Map.Entry<String, String> e : given.entrySet()) {
            String name = StoreSecrets.name(prefix, store.id(), e.getKey());
            if (!blank(e.getValue())) secrets.put(name, e.getValue());
            // the rotation is over once Shopify revoked the old secret: an empty one stops it being accepted
            else if (e.getKey().equals(StoreSecrets.PREVIOUS_WEBHOOK_SECRET)) secrets.delete(name);
        }
        stores.save(store);
        return Map.entry(store, isNew);
    }

    public Store get(String id) {
        return stores.find(id).orElseThrow(() -> new NotFoundException("no store " + id));
    }

    public List<Store> list() {
        return stores.list();
    }

    public void delete(String id) {
        get(id);
        stores.delete(id);
        for (String s : StoreSecrets.ALL) secrets.delete(StoreSecrets.name(prefix, id, s));
    }

    /**
     * Deletes the store's secrets and then its configuration, whether or not it is still there ({@code shop/redact}
     * may run again): a crash in between leaves a store without secrets, which the retry finishes.
     */
    public void erase(String id) {
        for (String s : StoreSecrets.ALL) secrets.delete(StoreSecrets.name(prefix, id, s));
        stores.delete(id);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
