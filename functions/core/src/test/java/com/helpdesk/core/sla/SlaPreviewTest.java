package com.helpdesk.core.sla;

import com.helpdesk.core.ValidationException;
import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SlaPreviewTest {
    /** New York, Mon-Fri 09:00-18:00 (the example). */
    private static final BusinessCalendar NEW_YORK;
    static {
        Map<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, d.getValue() <= 5 ? List.of(new OpeningInterval(9 * 60, 18 * 60)) : List.of());
        }
        NEW_YORK = new BusinessCalendar("ny", "New York", ZoneId.of("America/New_York"), weekly, List.of());
    }

    @Test
    void addAnswersTheDueTimeWithTheZonesOffset() {
        assertThat(SlaPreview.answer(NEW_YORK, Map.of("start", "2026-12-04T22:55:00Z", "add", "PT1H")))
                .containsEntry("dueAt", "2026-12-07T09:55:00-05:00");
        assertThat(SlaPreview.answer(NEW_YORK, Map.of("start", "2026-07-06T09:00:00-04:00", "add", "PT1H")))
                .containsEntry("dueAt", "2026-07-06T10:00:00-04:00");
    }

    @Test
    void betweenAnswersBusinessTimeAndZeroBackwards() {
        assertThat(SlaPreview.answer(NEW_YORK, Map.of("from", "2026-12-07T09:00:00-05:00", "to", "2026-12-07T16:30:00-05:00")))
                .containsEntry("businessTime", "PT7H30M");
        assertThat(SlaPreview.answer(NEW_YORK, Map.of("from", "2026-12-07T16:30:00-05:00", "to", "2026-12-07T09:00:00-05:00")))
                .containsEntry("businessTime", "PT0S");
    }

    @Test
    void boundsAndShapesAreRefusedNamingTheField() {
        assertThat(fields(Map.of("start", "1969-12-31T23:00:00Z", "add", "PT1H"))).containsExactly("start");
        assertThat(fields(Map.of("start", "2026-12-07T09:00:00Z", "add", "P366D"))).containsExactly("add");
        assertThat(fields(Map.of("start", "2026-12-07T09:00:00", "add", "-PT1H"))).containsExactly("start", "add");
        assertThat(fields(Map.of("start", "2026-12-07T09:00:00Z", "add", "P1W"))).containsExactly("add");
        assertThat(fields(Map.of("from", "2026-12-07T09:00:00Z"))).containsExactly("to");
        assertThat(fields(Map.of("start", "2026-12-07T09:00:00Z", "to", "2026-12-07T09:00:00Z"))).containsExactly("body");
        assertThat(fields(Map.of("strat", "x"))).containsExactly("strat", "body");
    }

    @Test
    void anAmountTheCalendarNeverOpensLongEnoughForIsRefusedNamingTheAmount() {
        // one hour on Sundays: P365D (8760 h) would take 168 years, past the 100 years add looks ahead
        BusinessCalendar sundayHour = Calendars.hours("Europe/Berlin", "sun 10:00-11:00");
        Map<String, String> body = Map.of("start", "2026-12-07T09:00:00Z", "add", "P365D");
        assertThat(fields(sundayHour, body)).containsExactly("add");
        assertThatThrownBy(() -> SlaPreview.answer(sundayHour, body)).hasMessageContaining("100 years");
    }

    private static List<String> fields(Map<String, ?> body) {
        return fields(NEW_YORK, body);
    }

    private static List<String> fields(BusinessCalendar calendar, Map<String, ?> body) {
        try {
            SlaPreview.answer(calendar, body);
        } catch (ValidationException e) {
            return e.errors().stream().map(ValidationException.FieldError::field).toList();
        }
        throw new AssertionError("accepted " + body);
    }
}
