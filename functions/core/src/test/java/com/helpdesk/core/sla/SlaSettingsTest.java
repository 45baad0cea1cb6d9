package com.helpdesk.core.sla;

import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaSettingsTest {
    private final InMemorySlaStores stores = new InMemorySlaStores();
    private final SlaSettings settings = new SlaSettings(stores, ZoneId.of("Europe/Berlin"));

    private static SlaPolicy policy(String id, String calendar) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", id, "order", 5, "targets", Map.of("firstResponse", "PT2H")));
        body.put("businessHours", calendar);
        return SlaPolicyWire.parse(id, body);
    }

    @Test
    void theShippedCalendarIsAnsweredUntilReplacedAndStoredWhenAPolicyNamesIt() {
        assertThat(settings.calendars()).extracting(BusinessCalendar::id).containsExactly("default");
        assertThat(settings.calendar("default").orElseThrow().zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(stores.calendars).isEmpty();
        settings.savePolicy(policy("office", "default"));
        assertThat(stores.calendars).containsKey("default");
        assertThatThrownBy(() -> settings.deleteCalendar("default")).isInstanceOf(StateConflictException.class);
    }

    @Test
    void aPolicyNamingAMissingCalendarIsRefusedOnItsField() {
        assertThatThrownBy(() -> settings.savePolicy(policy("emea", "emea")))
                .isInstanceOfSatisfying(ValidationException.class,
                        e -> assertThat(e.errors()).extracting(ValidationException.FieldError::field).containsExactly("businessHours"));
    }

    @Test
    void selectionUsesStoredPoliciesThenTheBuiltInDefault() {
        settings.savePolicy(SlaPolicyWire.parse("vip", Map.of("name", "VIP", "order", 1, "match", Map.of("tag", List.of("vip")),
                "targets", Map.of("firstResponse", "PT30M"))));
        TicketFacts vip = new TicketFacts(com.helpdesk.core.ticket.Priority.NORMAL, com.helpdesk.core.ticket.Channel.EMAIL, java.util.Set.of("vip"));
        TicketFacts plain = new TicketFacts(com.helpdesk.core.ticket.Priority.NORMAL, com.helpdesk.core.ticket.Channel.EMAIL, java.util.Set.of());
        assertThat(settings.select(vip).id()).isEqualTo("vip");
        assertThat(settings.select(plain)).isEqualTo(SlaPolicy.BUILT_IN_DEFAULT);
        assertThat(settings.businessTime(null)).isEqualTo(AroundTheClock.INSTANCE);
        assertThat(settings.businessTime("gone")).as("a deleted calendar counts around the clock").isEqualTo(AroundTheClock.INSTANCE);
    }
}
