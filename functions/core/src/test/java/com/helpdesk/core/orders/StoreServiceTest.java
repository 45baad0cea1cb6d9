package com.helpdesk.core.orders;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.port.SecretStore;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class StoreServiceTest {
    private final Map<String, Store> table = new LinkedHashMap<>();
    private final Map<String, String> ssm = new TreeMap<>();
    private final StoreService service = new StoreService(new StoreRepository() {
        @Override public Optional<Store> find(String id) { return Optional.ofNullable(table.get(id)); }
        @Override public List<Store> list() { return new ArrayList<>(table.values()); }
        @Override public void save(Store store) { table.put(store.id(), store); }
        @Override public boolean delete(String id) { return table.remove(id) != null; }
    }, new SecretStore() {
        @Override public void put(String name, String value) { ssm.put(name, value); }
        @Override public Optional<String> get(String name) { return Optional.ofNullable(ssm.get(name)); }
        @Override public void delete(String name) { ssm.remove(name); }
    }, "/helpdesk/local");

    private static Store store(String id, boolean isDefault, String address) {
        return new Store(id, "Store " + id, id + ".myshopify.com", List.of(address), List.of(), null, null, isDefault);
    }

    @Test
    void aNewStoreNeedsBothSecretsWhichGoToTheSecretStoreOnly() {
        ValidationException missing = catchThrowableOfType(ValidationException.class, () -> service.put(store("main", true, "help@main.example"), Map.of()));
        assertThat(missing.errors()).extracting(ValidationException.FieldError::field).containsExactlyInAnyOrder("adminApiToken", "webhookSecret");

        var created = service.put(store("main", true, "help@main.example"), Map.of("adminApiToken", "shpat_1", "webhookSecret", "whsec"));
        assertThat(created.getValue()).isTrue();
        assertThat(ssm).containsEntry("/helpdesk/local/stores/main/adminApiToken", "shpat_1")
                .containsEntry("/helpdesk/local/stores/main/webhookSecret", "whsec");
        assertThat(table.get("main").toString()).doesNotContain("shpat_1");

        var updated = service.put(store("main", true, "help@main.example"), Map.of("adminApiToken", "shpat_2"));
        assertThat(updated.getValue()).isFalse();
        assertThat(ssm).containsEntry("/helpdesk/local/stores/main/adminApiToken", "shpat_2").containsEntry("/helpdesk/local/stores/main/webhookSecret", "whsec");
    }

    @Test
    void addressesChannelsAndTheDefaultBelongToOneStore() {
        service.put(store("main", true, "help@main.example"), Map.of("adminApiToken", "t", "webhookSecret", "s"));
        ValidationException e = catchThrowableOfType(ValidationException.class,
                () -> service.put(store("eu", true, "help@main.example"), Map.of("adminApiToken", "t", "webhookSecret", "s", "apiKey", "x")));
        assertThat(e.errors()).extracting(ValidationException.FieldError::field)
                .containsExactlyInAnyOrder("secrets.apiKey", "default", "supportAddresses");
        assertThat(table).containsOnlyKeys("main");
    }

    @Test
    void theAppSecretBeingRotatedOutIsKeptAsThePreviousOneUntilItIsEmptied() {
        service.put(store("main", true, "help@main.example"), Map.of("adminApiToken", "t", "webhookSecret", "old"));
        service.put(store("main", true, "help@main.example"), Map.of("webhookSecret", "new", "previousWebhookSecret", "old"));
        assertThat(ssm).containsEntry("/helpdesk/local/stores/main/webhookSecret", "new")
                .containsEntry("/helpdesk/local/stores/main/previousWebhookSecret", "old");

        service.put(store("main", true, "help@main.example"), Map.of("previousWebhookSecret", ""));
        assertThat(ssm).containsOnlyKeys("/helpdesk/local/stores/main/adminApiToken", "/helpdesk/local/stores/main/webhookSecret");
    }

    @Test
    void deletingRemovesTheSecretsToo() {
        service.put(store("main", true, "help@main.example"), Map.of("adminApiToken", "t", "webhookSecret", "s"));
        service.delete("main");
        assertThat(table).isEmpty();
        assertThat(ssm).isEmpty();
        assertThatThrownBy(() -> service.delete("main")).isInstanceOf(NotFoundException.class);
    }
}
