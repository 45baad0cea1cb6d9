package com.helpdesk.core.sla;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class BusinessCalendarWireTest {

    /** The example body, as Jackson reads it into plain maps and lists. */
    private static Map<String, Object> body() {
        Map<String, Object> weekly = new LinkedHashMap<>();
        weekly.put("mon", List.of(List.of("09:00", "12:30"), List.of("13:30", "18:00")));
        weekly.put("tue", List.of(List.of("09:00", "18:00")));
        weekly.put("sat", List.of(List.of("20:00", "24:00")));
        weekly.put("sun", List.of(List.of("00:00", "02:00")));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "EU support");
        body.put("timezone", "Europe/Berlin");
        body.put("weekly", weekly);
        body.put("holidays", List.of("2026-12-26", "2026-12-25"));
        return body;
    }

    @Test
    void readsTheApiShape() {
        BusinessCalendar calendar = BusinessCalendarWire.fromWire("eu", body());
        assertThat(calendar.id()).isEqualTo("eu");
        assertThat(calendar.name()).isEqualTo("EU support");
        assertThat(calendar.zone()).isEqualTo(ZoneId.of("Europe/Berlin"));
        assertThat(calendar.weekly().get(DayOfWeek.MONDAY)).containsExactly(new OpeningInterval(540, 750), new OpeningInterval(810, 1080));
        assertThat(calendar.weekly().get(DayOfWeek.SATURDAY)).containsExactly(new OpeningInterval(1200, OpeningInterval.END_OF_DAY));
        assertThat(calendar.weekly().get(DayOfWeek.WEDNESDAY)).isEmpty(); // a day left out is closed
        assertThat(calendar.holidays()).containsExactly(LocalDate.of(2026, 12, 25), LocalDate.of(2026, 12, 26));
    }

    @Test
    void writesTheSameShapeBackWithEveryDaySortedAndReadsItAgain() {
        Map<String, Object> body = body();
        body.put("weekly", Map.of("mon", List.of(List.of("13:30", "18:00"), List.of("09:00", "12:30"))));
        BusinessCalendar calendar = BusinessCalendarWire.fromWire("eu", body);
        Map<String, Object> wire = BusinessCalendarWire.toWire(calendar);
        assertThat(wire).containsOnlyKeys("id", "name", "timezone", "weekly", "holidays");
        assertThat(wire.get("timezone")).isEqualTo("Europe/Berlin");
        @SuppressWarnings("unchecked") Map<String, Object> weekly = (Map<String, Object>) wire.get("weekly");
        assertThat(weekly).containsOnlyKeys("mon", "tue", "wed", "thu", "fri", "sat", "sun");
        assertThat(weekly.get("mon")).isEqualTo(List.of(List.of("09:00", "12:30"), List.of("13:30", "18:00")));
        assertThat(weekly.get("sun")).isEqualTo(List.of());
        assertThat(wire.get("holidays")).isEqualTo(List.of("2026-12-25", "2026-12-26"));
        assertThat(BusinessCalendarWire.fromWire("eu", wire)).isEqualTo(calendar); // the body may repeat its id
        assertThat(BusinessCalendarWire.toWire(BusinessCalendarWire.fromWire("x", Map.of("name", "n", "timezone", "UTC",
                "weekly", Map.of("sat", List.of(List.of("20:00", "24:00"))))))).extracting("weekly").extracting("sat")
                .isEqualTo(List.of(List.of("20:00", "24:00")));
    }

    record Bad(String name, Consumer<Map<String, Object>> change, String field, String reason) {
        @Override
        public String toString() {
            return name;
        }
    }

    @SuppressWarnings("unchecked")
    private static Consumer<Map<String, Object>> day(String key, Object value) {
        return body -> {
            Map<String, Object> weekly = new HashMap<>((Map<String, Object>) body.get("weekly"));
            weekly.put(key, value);
            body.put("weekly", weekly);
        };
    }

    static Stream<Bad> badBodies() {
        return Stream.of(
                new Bad("unknown zone", b -> b.put("timezone", "Mars/Olympus_Mons"), "timezone", "not an IANA time zone"),
                new Bad("a fixed offset is not a zone", b -> b.put("timezone", "+01:00"), "timezone", "not an IANA time zone"),
                new Bad("zone ids are case-sensitive", b -> b.put("timezone", "europe/berlin"), "timezone", "not an IANA time zone"),
                new Bad("zone missing", b -> b.remove("timezone"), "timezone", "is required"),
                new Bad("zone not a string", b -> b.put("timezone", 1), "timezone", "not an IANA time zone"),
                new Bad("name missing", b -> b.remove("name"), "name", "is required"),
                new Bad("name blank", b -> b.put("name", "  "), "name", "is required"),
                new Bad("name not a string", b -> b.put("name", List.of("x")), "name", "must be a string"),
                new Bad("name too long", b -> b.put("name", "n".repeat(201)), "name", "longer than 200"),
                new Bad("hour out of range", day("mon", List.of(List.of("09:00", "25:00"))), "weekly.mon[0]", "'25:00' is not a time"),
                new Bad("minute out of range", day("mon", List.of(List.of("09:60", "18:00"))), "weekly.mon[0]", "'09:60' is not a time"),
                new Bad("one digit hour", day("mon", List.of(List.of("9:00", "18:00"))), "weekly.mon[0]", "'9:00' is not a time"),
                new Bad("past 24:00", day("mon", List.of(List.of("09:00", "24:01"))), "weekly.mon[0]", "'24:01' is not a time"),
                new Bad("with seconds", day("mon", List.of(List.of("09:00:00", "18:00"))), "weekly.mon[0]", "is not a time"),
                new Bad("opening at 24:00", day("fri", List.of(List.of("24:00", "24:00"))), "weekly.fri[0]", "opens at 24:00"),
                new Bad("reversed", day("tue", List.of(List.of("22:00", "06:00"))), "weekly.tue[0]", "[\"22:00\",\"24:00\"] and [\"00:00\",\"06:00\"]"),
                new Bad("empty", day("wed", List.of(List.of("09:00", "09:00"))), "weekly.wed[0]", "is empty"),
                new Bad("overlapping", day("mon", List.of(List.of("09:00", "12:30"), List.of("12:00", "18:00"))), "weekly.mon[1]", "overlaps weekly.mon[0] 09:00-12:30"),
                new Bad("overlapping, given out of order", day("thu", List.of(List.of("13:00", "18:00"), List.of("09:00", "13:30"))), "weekly.thu[1]", "overlaps weekly.thu[0] 13:00-18:00"),
                new Bad("the same interval twice", day("thu", List.of(List.of("09:00", "18:00"), List.of("09:00", "18:00"))), "weekly.thu[1]", "overlaps"),
                new Bad("one inside another", day("thu", List.of(List.of("09:00", "18:00"), List.of("10:00", "11:00"))), "weekly.thu[1]", "overlaps"),
                new Bad("not a pair", day("mon", List.of(List.of("09:00"))), "weekly.mon[0]", "must be a pair"),
                new Bad("a number, not a time", day("mon", List.of(List.of(9, 18))), "weekly.mon[0]", "must be a pair"),
                new Bad("a string, not a pair", day("mon", List.of("09:00-18:00")), "weekly.mon[0]", "must be a pair"),
                new Bad("a day that is not a list", day("fri", "09:00-18:00"), "weekly.fri", "must be a list"),
                new Bad("a bad day key", day("monday", List.of()), "weekly.monday", "is not a day"),
                new Bad("weekly not an object", b -> b.put("weekly", List.of()), "weekly", "must be an object"),
                new Bad("weekly missing", b -> b.remove("weekly"), "weekly", "is required"),
                new Bad("never open", b -> b.put("weekly", Map.of("mon", List.of(), "sun", List.of())), "weekly", "at least one opening interval"),
                new Bad("impossible date", b -> b.put("holidays", List.of("2026-12-25", "2026-02-30")), "holidays[1]", "'2026-02-30' is not a date"),
                new Bad("another date format", b -> b.put("holidays", List.of("25.12.2026")), "holidays[0]", "is not a date YYYY-MM-DD"),
                new Bad("a date with a time", b -> b.put("holidays", List.of("2026-12-25T00:00")), "holidays[0]", "is not a date"),
                new Bad("a number as date", b -> b.put("holidays", List.of(20261225)), "holidays[0]", "is not a date"),
                new Bad("holidays not a list", b -> b.put("holidays", "2026-12-25"), "holidays", "must be a list"),
                new Bad("too many holidays", b -> b.put("holidays", Stream.iterate(LocalDate.of(2026, 1, 1), d -> d.plusDays(1))
                        .limit(1001).map(LocalDate::toString).toList()), "holidays", "more than 1000"),
                new Bad("an unknown field", b -> b.put("holiday", List.of("2026-12-25")), "holiday", "is not a field"),
                new Bad("an id contradicting the calendar's", b -> b.put("id", "other"), "id", "differs from the calendar's id 'eu'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badBodies")
    void refusesBadInputNamingTheField(Bad bad) {
        Map<String, Object> body = body();
        bad.change().accept(body);
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> BusinessCalendarWire.fromWire("eu", body));
        assertThat(e).as("a ValidationException").isNotNull();
        assertThat(e.errors()).hasSize(1);
        assertThat(e.errors().get(0).field()).isEqualTo(bad.field());
        assertThat(e.errors().get(0).reason()).contains(bad.reason());
    }

    @Test
    void reportsEveryProblemAtOnce() {
        Map<String, Object> body = body();
        body.put("timezone", "Europe/Berlinn");
        body.put("weekly", Map.of("mon", List.of(List.of("09:00", "12:30"), List.of("12:00", "18:00"), List.of("19:00", "18:00"))));
        body.put("holidays", List.of("2026-12-25", "Christmas"));
        ValidationException e = catchThrowableOfType(ValidationException.class, () -> BusinessCalendarWire.fromWire("Bad Id", body));
        assertThat(e.errors()).extracting(FieldError::field)
                .containsExactlyInAnyOrder("id", "timezone", "weekly.mon[1]", "weekly.mon[2]", "holidays[1]");
        assertThat(e.getMessage()).doesNotContain("Exception").contains("timezone: 'Europe/Berlinn' is not an IANA time zone");
    }

    @Test
    void touchingIntervalsAndDuplicateHolidaysAreFine() {
        Map<String, Object> body = body();
        body.put("weekly", Map.of("mon", List.of(List.of("09:00", "12:00"), List.of("12:00", "18:00")),
                "sun", List.of(List.of("00:00", "24:00"))));
        body.put("holidays", List.of("2026-12-25", "2026-12-25"));
        BusinessCalendar calendar = BusinessCalendarWire.fromWire("eu", body);
        assertThat(calendar.weekly().get(DayOfWeek.MONDAY)).hasSize(2);
        assertThat(calendar.holidays()).hasSize(1);
        assertThat(calendar.weeklyTotal()).hasHours(33);
    }

    @Test
    void aNameIsOneLine() {
        Map<String, Object> body = body();
        body.put("name", "EU\nsupport");
        assertThatThrownBy(() -> BusinessCalendarWire.fromWire("eu", body)).isInstanceOf(ValidationException.class)
                .hasMessageContaining("name: must be a single line");
    }

    @Test
    void aBodyIsRequired() {
        assertThatThrownBy(() -> BusinessCalendarWire.fromWire("eu", null)).isInstanceOf(ValidationException.class).hasMessage("body: is required");
    }

    @Test
    void theValueChecksItselfWhenBuiltInCode() {
        Map<DayOfWeek, List<OpeningInterval>> none = Map.of(DayOfWeek.MONDAY, List.of());
        assertThatThrownBy(() -> new BusinessCalendar("eu", "EU", ZoneId.of("Europe/Berlin"), none, List.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("weekly: needs at least one opening interval");
        Map<DayOfWeek, List<OpeningInterval>> overlapping = Map.of(DayOfWeek.MONDAY,
                List.of(new OpeningInterval(540, 720), new OpeningInterval(600, 660)));
        assertThatThrownBy(() -> new BusinessCalendar("eu", "EU", null, overlapping, List.of()))
                .isInstanceOf(ValidationException.class).hasMessageContaining("timezone: is required")
                .hasMessageContaining("weekly.mon[1]: 10:00-11:00 overlaps weekly.mon[0] 09:00-12:00");
        assertThatThrownBy(() -> new OpeningInterval(600, 600)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new OpeningInterval(1440, 1440)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new OpeningInterval(1200, 1440)).hasToString("20:00-24:00");
    }
}
