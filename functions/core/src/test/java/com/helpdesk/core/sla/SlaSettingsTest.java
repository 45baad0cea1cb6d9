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

    @Test
    void aTargetTheCalendarCouldNeverComeDueForIsRefusedWhereItIsWritten() {
        // one hour a week: 50 years of such weeks is 2600 h; P366D is 8784 h, which add could not place within
        // its 100 years once holidays and daylight saving take their share: every ticket's clocks would fail
        stores.saveCalendar(callbackHours("sun 10:00-11:00"));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("name", "callbacks", "order", 5, "businessHours", "callback",
                "targets", Map.of("firstResponse", "PT2H", "resolution", "P366D")));
        assertThatThrownBy(() -> settings.savePolicy(SlaPolicyWire.parse("callbacks", body)))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field).containsExactly("targets.resolution"));
        assertThat(stores.policies).isEmpty();

        body.put("targets", Map.of("firstResponse", "PT2H", "resolution", "P100D")); // 2400 h: 46 years of Sundays
        settings.savePolicy(SlaPolicyWire.parse("callbacks", body));
        BusinessCalendar shorter = callbackHours("sun 10:00-10:30");
        assertThatThrownBy(() -> settings.saveCalendar(shorter))
                .as("a calendar cut back under a policy's target").isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field).containsExactly("weekly"))
                .hasMessageContaining("callbacks");
        assertThat(stores.calendars.get("callback").weeklyTotal()).isEqualTo(java.time.Duration.ofHours(1));
    }

    private static BusinessCalendar callbackHours(String spec) {
        BusinessCalendar c = Calendars.hours("Europe/Berlin", spec);
        return new BusinessCalendar("callback", "Callbacks", c.zone(), c.weekly(), c.holidays());
    }
}
