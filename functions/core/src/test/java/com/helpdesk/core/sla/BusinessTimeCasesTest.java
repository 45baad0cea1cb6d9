package com.helpdesk.core.sla;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

import static com.helpdesk.core.sla.Calendars.hours;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Business-time cases worked out by hand; each comment is the reasoning. The 2026 daylight-saving
 * changes used: America/New_York skips 02:00-03:00 on Sun 8 Mar (-05:00 to -04:00) and repeats
 * 01:00-02:00 on Sun 1 Nov; Europe/Berlin skips 02:00-03:00 on Sun 29 Mar (+01:00 to +02:00) and
 * repeats 02:00-03:00 on Sun 25 Oct; Australia/Sydney repeats 02:00-03:00 on Sun 5 Apr (+11:00 to
 * +10:00) and skips 02:00-03:00 on Sun 4 Oct; Asia/Kolkata is +05:30 all year.
 */
class BusinessTimeCasesTest {
    static final BusinessCalendar NY_OFFICE = hours("America/New_York", "mon-fri 09:00-18:00");
    static final BusinessCalendar BERLIN_SPLIT = hours("Europe/Berlin", List.of("2026-12-24", "2026-12-25"),
            "mon-fri 09:00-12:30 13:30-18:00", "sat 10:00-14:00");
    static final BusinessCalendar SYDNEY_OFFICE = hours("Australia/Sydney", "mon-fri 09:00-17:00");
    static final BusinessCalendar KOLKATA_OFFICE = hours("Asia/Kolkata", "mon-sat 10:00-19:00");
    static final BusinessCalendar NY_LATE = hours("America/New_York", "mon-fri 18:00-24:00", "tue-sat 00:00-02:00");
    static final BusinessCalendar BERLIN_NIGHTS = hours("Europe/Berlin", List.of("2026-12-25"), "mon-fri 22:00-24:00", "tue-sat 00:00-06:00");

    static BusinessCalendar allDay(String zone) {
        return hours(zone, "daily 00:00-24:00");
    }

    record Case(String name, BusinessTime time, String start, String amount, String due) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Case> addCases() {
        return Stream.of(
                // Fri 17:55: 5 minutes to 18:00, closed over the weekend, Monday 09:00 + 55 minutes.
                new Case("the issue's example", NY_OFFICE, "2026-12-04T17:55-05:00", "PT1H", "2026-12-07T09:55-05:00"),
                // Mon 17:00 + 1h reaches 18:00 exactly: due at the closing time, not at Tuesday's opening.
                new Case("due exactly at closing", NY_OFFICE, "2026-12-07T17:00-05:00", "PT1H", "2026-12-07T18:00-05:00"),
                // 09:00 + 9h = the whole day, due at its closing.
                new Case("a whole day", NY_OFFICE, "2026-12-07T09:00-05:00", "PT9H", "2026-12-07T18:00-05:00"),
                // 07:00 is before opening: counts from 09:00.
                new Case("start before opening", BERLIN_SPLIT, "2026-06-01T07:00+02:00", "PT1H", "2026-06-01T10:00+02:00"),
                // 12:45 is at lunch (12:30-13:30): counts from 13:30.
                new Case("start at lunch", BERLIN_SPLIT, "2026-06-01T12:45+02:00", "PT1H", "2026-06-01T14:30+02:00"),
                // 12:00-12:30 is 30 min, lunch closed, 13:30 + 30 min.
                new Case("across lunch", BERLIN_SPLIT, "2026-06-01T12:00+02:00", "PT1H", "2026-06-01T14:00+02:00"),
                // 19:00 is after closing: counts from Tuesday 09:00.
                new Case("start after closing", BERLIN_SPLIT, "2026-06-01T19:00+02:00", "PT1H", "2026-06-02T10:00+02:00"),
                // Fri 17:30-18:00 is 30 min, Saturday opens 10:00, + 30 min.
                new Case("into Saturday hours", BERLIN_SPLIT, "2026-06-05T17:30+02:00", "PT1H", "2026-06-06T10:30+02:00"),
                // Sat 15:00 is after Saturday's 14:00 close, Sunday is closed: Monday 09:00 + 1h.
                new Case("start on the weekend", BERLIN_SPLIT, "2026-06-06T15:00+02:00", "PT1H", "2026-06-08T10:00+02:00"),
                // Wed 23 Dec 17:00-18:00 is 1h; Thu 24 and Fri 25 are holidays; Sat 26 10:00 + 1h.
                new Case("across holidays", BERLIN_SPLIT, "2026-12-23T17:00+01:00", "PT2H", "2026-12-26T11:00+01:00"),
                // A start on a holiday counts from the next opening, Sat 26 10:00.
                new Case("start on a holiday", BERLIN_SPLIT, "2026-12-24T10:00+01:00", "PT30M", "2026-12-26T10:30+01:00"),
                // P2D is 48h of business time: Mon-Fri give 45h (to Fri 18:00), then Mon 09:00 + 3h.
                new Case("P2D is 48 business hours", NY_OFFICE, "2026-12-07T09:00-05:00", "P2D", "2026-12-14T12:00-05:00"),
                // 720h = 16 weeks of 45h exactly: the 16th week's Friday closing, Fri 26 Mar 2027, after New York's
                // change to -04:00 on Sun 14 Mar 2027 (a closed day, so the weeks count the same).
                new Case("sixteen weeks", NY_OFFICE, "2026-12-07T09:00-05:00", "PT720H", "2027-03-26T18:00-04:00"),
                // Sat 18:30-19:00 is 30 min, Sunday closed, Monday 10:00 + 30 min, all at +05:30.
                new Case("Kolkata over the weekend", KOLKATA_OFFICE, "2026-06-06T18:30+05:30", "PT1H", "2026-06-08T10:30+05:30"),
                // 04:00Z is 09:30 in Kolkata, before the 10:00 opening: 10:00 + 30 min.
                new Case("Kolkata, start given in UTC", KOLKATA_OFFICE, "2026-06-05T04:00Z", "PT30M", "2026-06-05T10:30+05:30"),
                // P1D = 24h at 9h a day: Mon 9 + Tue 9 + 6h of Wednesday, 10:00 + 6h.
                new Case("Kolkata P1D", KOLKATA_OFFICE, "2026-06-01T10:00+05:30", "P1D", "2026-06-03T16:00+05:30"),
                // Mon 23:30-24:00 is 30 min; Tuesday's 00:00 interval continues at once: 00:30.
                new Case("24:00 joins the next 00:00", NY_LATE, "2026-12-07T23:30-05:00", "PT1H", "2026-12-08T00:30-05:00"),
                // Mon 23:00 + 1h lands on the 24:00 closing, the same instant as Tuesday 00:00.
                new Case("due at 24:00", NY_LATE, "2026-12-07T23:00-05:00", "PT1H", "2026-12-08T00:00-05:00"),
                // Fri 23:00-24:00 is 1h, Sat 00:00-02:00 is 2h: due at Saturday's 02:00 closing.
                new Case("through Friday night", NY_LATE, "2026-12-11T23:00-05:00", "PT3H", "2026-12-12T02:00-05:00"),
                // One minute more: Sunday and Monday morning are closed, Monday 18:00 + 1 min.
                new Case("past Saturday's close", NY_LATE, "2026-12-11T23:00-05:00", "PT3H1M", "2026-12-14T18:01-05:00"),

                // New York, spring forward (Sun 8 Mar): business time is real time, so 24h after Saturday noon
                // (17:00Z) is Sunday 17:00Z, which reads 13:00 after the change.
                new Case("NY: 24h across the skipped hour", allDay("America/New_York"), "2026-03-07T12:00-05:00", "PT24H", "2026-03-08T13:00-04:00"),
                // The day has 23 hours: midnight + 23h is the next midnight.
                new Case("NY: the 23-hour day", allDay("America/New_York"), "2026-03-08T00:00-05:00", "PT23H", "2026-03-09T00:00-04:00"),
                // 02:30-05:00 is the instant 07:30Z, which the clock shows as 03:30-04:00: + 1h = 04:30.
                new Case("NY: start inside the skipped hour", allDay("America/New_York"), "2026-03-08T02:30-05:00", "PT1H", "2026-03-08T04:30-04:00"),
                // Opening at 02:30 never shows on the clock that day: it opens at the first valid instant after the
                // gap, 03:00-04:00 (07:00Z); + 30 min.
                new Case("NY: opening inside the skipped hour", hours("America/New_York", "sun 02:30-04:00"), "2026-03-07T12:00-05:00", "PT30M", "2026-03-08T03:30-04:00"),
                // That Sunday gives 1h (03:00-04:00); the next Sunday opens 02:30 for the remaining 30 min.
                new Case("NY: the short Sunday, then the next", hours("America/New_York", "sun 02:30-04:00"), "2026-03-07T12:00-05:00", "PT1H30M", "2026-03-15T03:00-04:00"),
                // Closing at 02:30 falls in the gap: it closes at the gap, 03:00-04:00 = 02:00-05:00, so 01:00-02:00 EST is 1h.
                new Case("NY: closing inside the skipped hour", hours("America/New_York", "sun 01:00-02:30"), "2026-03-08T00:00-05:00", "PT1H", "2026-03-08T03:00-04:00"),
                // New York, fall back (Sun 1 Nov): the day has 25 hours.
                new Case("NY: the 25-hour day", allDay("America/New_York"), "2026-11-01T00:00-04:00", "PT25H", "2026-11-02T00:00-05:00"),
                // First pass of 01:30 (05:30Z) + 1h = 06:30Z, the second pass of 01:30.
                new Case("NY: start in the first pass of the repeated hour", allDay("America/New_York"), "2026-11-01T01:30-04:00", "PT1H", "2026-11-01T01:30-05:00"),
                // Second pass of 01:30 (06:30Z) + 1h = 07:30Z = 02:30-05:00.
                new Case("NY: start in the second pass of the repeated hour", allDay("America/New_York"), "2026-11-01T01:30-05:00", "PT1H", "2026-11-01T02:30-05:00"),
                // Opening 01:30 is the first pass (05:30Z); closing 03:00 is 08:00Z: 2h30 of real time that day.
                new Case("NY: opening inside the repeated hour", hours("America/New_York", "sun 01:30-03:00"), "2026-10-31T12:00-04:00", "PT2H30M", "2026-11-01T03:00-05:00"),
                // 01:15 first pass (05:15Z) is before the 05:30Z opening: 05:30Z + 1h = 06:30Z = 01:30-05:00.
                new Case("NY: start before an opening in the repeated hour", hours("America/New_York", "sun 01:30-03:00"), "2026-11-01T01:15-04:00", "PT1H", "2026-11-01T01:30-05:00"),
                // 01:15 second pass (06:15Z) is after the 05:30Z opening, so open: + 1h = 07:15Z = 02:15-05:00.
                new Case("NY: start in the second pass, already open", hours("America/New_York", "sun 01:30-03:00"), "2026-11-01T01:15-05:00", "PT1H", "2026-11-01T02:15-05:00"),
                // Closing 01:30 is its first pass (05:30Z): 00:00-04:00 to 01:30-04:00 is 1h30.
                new Case("NY: closing inside the repeated hour", hours("America/New_York", "sun 00:00-01:30"), "2026-11-01T00:00-04:00", "PT1H30M", "2026-11-01T01:30-04:00"),
                // A minute more than that Sunday gives: the next Sunday 00:00 + 1 min.
                new Case("NY: past a closing in the repeated hour", hours("America/New_York", "sun 00:00-01:30"), "2026-11-01T00:00-04:00", "PT1H31M", "2026-11-08T00:01-05:00"),

                // Berlin, spring forward (Sun 29 Mar): 23 hours.
                new Case("Berlin: the 23-hour day", allDay("Europe/Berlin"), "2026-03-29T00:00+01:00", "PT23H", "2026-03-30T00:00+02:00"),
                // 02:30+01:00 is 01:30Z, shown as 03:30+02:00: + 30 min.
                new Case("Berlin: start inside the skipped hour", allDay("Europe/Berlin"), "2026-03-29T02:30+01:00", "PT30M", "2026-03-29T04:00+02:00"),
                // 01:00+01:00 (00:00Z) to 04:00+02:00 (02:00Z) is 2h of real time, not 3.
                new Case("Berlin: an interval across the skipped hour", hours("Europe/Berlin", "sun 01:00-04:00"), "2026-03-28T12:00+01:00", "PT2H", "2026-03-29T04:00+02:00"),
                // Berlin, fall back (Sun 25 Oct): 25 hours.
                new Case("Berlin: the 25-hour day", allDay("Europe/Berlin"), "2026-10-25T00:00+02:00", "PT25H", "2026-10-26T00:00+01:00"),
                // Opening 02:30 is its first pass, +02:00 (00:30Z); closing 03:30+01:00 is 02:30Z: 2h.
                new Case("Berlin: opening inside the repeated hour", hours("Europe/Berlin", "sun 02:30-03:30"), "2026-10-24T12:00+02:00", "PT2H", "2026-10-25T03:30+01:00"),
                // 02:45+01:00 (01:45Z) is the second pass, open since 00:30Z: + 30 min = 02:15Z = 03:15+01:00.
                new Case("Berlin: start in the second pass", hours("Europe/Berlin", "sun 02:30-03:30"), "2026-10-25T02:45+01:00", "PT30M", "2026-10-25T03:15+01:00"),

                // Sydney, fall back in April (Sun 5 Apr, +11:00 to +10:00): 25 hours.
                new Case("Sydney: the 25-hour day in April", allDay("Australia/Sydney"), "2026-04-05T00:00+11:00", "PT25H", "2026-04-06T00:00+10:00"),
                // Sydney, spring forward in October (Sun 4 Oct, +10:00 to +11:00): 23 hours.
                new Case("Sydney: the 23-hour day in October", allDay("Australia/Sydney"), "2026-10-04T00:00+10:00", "PT23H", "2026-10-05T00:00+11:00"),
                // 02:30+10:00 is 16:30Z, shown as 03:30+11:00: + 1h.
                new Case("Sydney: start inside the skipped hour", allDay("Australia/Sydney"), "2026-10-04T02:30+10:00", "PT1H", "2026-10-04T04:30+11:00"),
                // Fri 16:00-17:00 is 1h (+11:00); Monday opens 09:00 at the new +10:00: + 1h.
                new Case("Sydney: office week across April's change", SYDNEY_OFFICE, "2026-04-03T16:00+11:00", "PT2H", "2026-04-06T10:00+10:00"),
                // Fri 16:30-17:00 is 30 min (+10:00); Monday 09:00 at +11:00 + 30 min.
                new Case("Sydney: office week across October's change", SYDNEY_OFFICE, "2026-10-02T16:30+10:00", "PT1H", "2026-10-05T09:30+11:00"),
                // 02:15-02:45 lies wholly in the skipped hour on 4 Oct: closed that day; the next Sunday 02:15 + 10 min.
                new Case("Sydney: an interval wholly in the skipped hour", hours("Australia/Sydney", "sun 02:15-02:45"), "2026-10-03T12:00+10:00", "PT10M", "2026-10-11T02:25+11:00"),
                // On 5 Apr 02:15-02:45 lies wholly in the repeated hour: open once, in the first pass (+11:00).
                new Case("Sydney: an interval wholly in the repeated hour", hours("Australia/Sydney", "sun 02:15-02:45"), "2026-04-04T12:00+11:00", "PT30M", "2026-04-05T02:45+11:00"),
                // 02:20+10:00 (second pass, 16:20Z) is after the first-pass close (02:45+11:00 = 15:45Z): next Sunday.
                new Case("Sydney: start in the second pass, after the close", hours("Australia/Sydney", "sun 02:15-02:45"), "2026-04-05T02:20+10:00", "PT10M", "2026-04-12T02:25+10:00"),

                // Samoa crossed the date line: Thursday 29 Dec 2011 (-10:00) was followed by Saturday 31 Dec (+14:00).
                // Thursday closes at 17:00, Friday never happened, Saturday 09:00 + 8h.
                new Case("Apia: the skipped Friday", hours("Pacific/Apia", "daily 09:00-17:00"), "2011-12-29T17:00-10:00", "PT8H", "2011-12-31T17:00+14:00"),
                // 03:00Z is 08:45 at +05:45: counts from 09:00.
                new Case("Kathmandu at +05:45", hours("Asia/Kathmandu", "mon-fri 09:00-17:00"), "2026-06-05T03:00Z", "PT1H", "2026-06-05T10:00+05:45"),
                // Fri 16:30-17:00 at -03:30, then Monday 09:00 + 30 min.
                new Case("St John's at -03:30", hours("America/St_Johns", "mon-fri 09:00-17:00"), "2026-12-04T16:30-03:30", "PT1H", "2026-12-07T09:30-03:30"),
                // Christmas Day is a holiday in the middle of the Thursday-night shift: Thu 22:00-24:00 is 2h, Friday
                // (its 00:00-06:00 and 22:00-24:00) is closed, Saturday 00:00 + 2h.
                new Case("a holiday inside an overnight shift", BERLIN_NIGHTS, "2026-12-24T22:00+01:00", "PT4H", "2026-12-26T02:00+01:00"),
                // The week's last shift runs into Monday: Sunday 23:00-24:00 is 1h, Monday 00:00 + 1h.
                new Case("Sunday night into Monday", hours("Europe/Berlin", "sun 22:00-24:00", "mon 00:00-06:00"), "2026-06-07T23:00+02:00", "PT2H", "2026-06-08T01:00+02:00"),

                // Around the clock: business time is real time, a DST day changes nothing in instants.
                new Case("24/7", AroundTheClock.INSTANCE, "2026-03-08T01:30-05:00", "P2D", "2026-03-10T02:30-04:00"),
                // Adding nothing answers the start, even outside opening hours.
                new Case("zero amount", NY_OFFICE, "2026-12-05T12:00-05:00", "PT0S", "2026-12-05T12:00-05:00"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("addCases")
    void addsBusinessTime(Case c) {
        Instant start = OffsetDateTime.parse(c.start()).toInstant();
        Instant due = c.time().add(start, Duration.parse(c.amount()));
        assertThat(due).isEqualTo(OffsetDateTime.parse(c.due()).toInstant());
        assertThat(c.time().between(start, due)).isEqualTo(Duration.parse(c.amount()));
    }

    record Span(String name, BusinessTime time, String from, String to, String businessTime) {
        @Override
        public String toString() {
            return name;
        }
    }

    static Stream<Span> betweenCases() {
        return Stream.of(
                // The example read backwards: 5 min on Friday, 55 min on Monday.
                new Span("over a weekend", NY_OFFICE, "2026-12-04T17:55-05:00", "2026-12-07T09:55-05:00", "PT1H"),
                // 09:00-12:30 is 3h30, 13:30-17:30 is 4h: the preview's PT7H30M.
                new Span("a split day", BERLIN_SPLIT, "2026-06-01T09:00+02:00", "2026-06-01T17:30+02:00", "PT7H30M"),
                // Mon-Wed 3 x 8h, Thu 24 and Fri 25 holidays, Sat 4h, Sun closed.
                new Span("a week with holidays", BERLIN_SPLIT, "2026-12-21T00:00+01:00", "2026-12-28T00:00+01:00", "PT28H"),
                new Span("NY 23-hour day", allDay("America/New_York"), "2026-03-08T00:00-05:00", "2026-03-09T00:00-04:00", "PT23H"),
                new Span("NY 25-hour day", allDay("America/New_York"), "2026-11-01T00:00-04:00", "2026-11-02T00:00-05:00", "PT25H"),
                new Span("Berlin 23-hour day", allDay("Europe/Berlin"), "2026-03-29T00:00+01:00", "2026-03-30T00:00+02:00", "PT23H"),
                new Span("Berlin 25-hour day", allDay("Europe/Berlin"), "2026-10-25T00:00+02:00", "2026-10-26T00:00+01:00", "PT25H"),
                new Span("Sydney 25-hour day", allDay("Australia/Sydney"), "2026-04-05T00:00+11:00", "2026-04-06T00:00+10:00", "PT25H"),
                new Span("Sydney 23-hour day", allDay("Australia/Sydney"), "2026-10-04T00:00+10:00", "2026-10-05T00:00+11:00", "PT23H"),
                // Kolkata has no daylight saving: the EU's change day is 24 hours there.
                new Span("Kolkata: every day 24 hours", allDay("Asia/Kolkata"), "2026-03-29T00:00+05:30", "2026-03-30T00:00+05:30", "PT24H"),
                // Opening in the gap: 03:00-04:00 EDT only.
                new Span("NY: Sunday with its opening skipped", hours("America/New_York", "sun 02:30-04:00"), "2026-03-08T00:00-05:00", "2026-03-09T00:00-04:00", "PT1H"),
                // Opening in the repeated hour's first pass (05:30Z) to 03:00 EST (08:00Z).
                new Span("NY: Sunday with its opening repeated", hours("America/New_York", "sun 01:30-03:00"), "2026-11-01T00:00-04:00", "2026-11-02T00:00-05:00", "PT2H30M"),
                new Span("Sydney: interval never shown", hours("Australia/Sydney", "sun 02:15-02:45"), "2026-10-04T00:00+10:00", "2026-10-05T00:00+11:00", "PT0S"),
                new Span("Sydney: interval shown twice, open once", hours("Australia/Sydney", "sun 02:15-02:45"), "2026-04-05T00:00+11:00", "2026-04-06T00:00+10:00", "PT30M"),
                // 16 ordinary weeks of 45h, across New Year and New York's March change.
                new Span("sixteen weeks", NY_OFFICE, "2026-12-07T09:00-05:00", "2027-03-26T18:00-04:00", "PT720H"),
                // Lord Howe moves its clocks by 30 minutes: 02:00 -> 02:30 on Sun 4 Oct, 02:00 -> 01:30 on Sun 5 Apr.
                new Span("Lord Howe 23.5-hour day", allDay("Australia/Lord_Howe"), "2026-10-04T00:00+10:30", "2026-10-05T00:00+11:00", "PT23H30M"),
                new Span("Lord Howe 24.5-hour day", allDay("Australia/Lord_Howe"), "2026-04-05T00:00+11:00", "2026-04-06T00:00+10:30", "PT24H30M"),
                // Santiago changes at midnight: Saturday 4 Apr runs to 24:00 -03:00, then 23:00-24:00 again at -04:00.
                new Span("Santiago 25-hour Saturday", allDay("America/Santiago"), "2026-04-04T00:00-03:00", "2026-04-05T00:00-04:00", "PT25H"),
                // and Sunday 6 Sep starts at 01:00 -03:00 (midnight never shows).
                new Span("Santiago 23-hour Sunday", allDay("America/Santiago"), "2026-09-06T01:00-03:00", "2026-09-07T00:00-03:00", "PT23H"),
                // Friday 30 Dec 2011 never happened in Samoa: Thursday and Saturday, 8h each.
                new Span("Apia: the week of the skipped Friday", hours("Pacific/Apia", "daily 09:00-17:00"), "2011-12-29T00:00-10:00", "2012-01-01T00:00+14:00", "PT16H"),
                new Span("to before from", NY_OFFICE, "2026-12-07T12:00-05:00", "2026-12-07T10:00-05:00", "PT0S"),
                new Span("24/7", AroundTheClock.INSTANCE, "2026-11-01T00:00-04:00", "2026-11-02T00:00-05:00", "PT25H"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("betweenCases")
    void measuresBusinessTime(Span s) {
        Duration measured = s.time().between(OffsetDateTime.parse(s.from()).toInstant(), OffsetDateTime.parse(s.to()).toInstant());
        assertThat(measured).isEqualTo(Duration.parse(s.businessTime()));
    }

    @Test
    void aClockStartingOutsideHoursStartsAtTheNextOpening() {
        assertThat(NY_OFFICE.openFrom(OffsetDateTime.parse("2026-12-04T18:00-05:00").toInstant()))
                .isEqualTo(OffsetDateTime.parse("2026-12-07T09:00-05:00").toInstant()); // closing time is closed
        assertThat(NY_OFFICE.openFrom(OffsetDateTime.parse("2026-12-07T10:00-05:00").toInstant()))
                .isEqualTo(OffsetDateTime.parse("2026-12-07T10:00-05:00").toInstant());
        assertThat(NY_LATE.openFrom(OffsetDateTime.parse("2026-12-08T00:00-05:00").toInstant()))
                .isEqualTo(OffsetDateTime.parse("2026-12-08T00:00-05:00").toInstant()); // 24:00 = the next day's open 00:00
    }

    @Test
    void negativeAmountsAndEndlessWalksAreRefused() {
        Instant start = Instant.parse("2026-12-07T12:00:00Z");
        assertThatThrownBy(() -> NY_OFFICE.add(start, Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AroundTheClock.INSTANCE.add(start, Duration.ofMinutes(-1))).isInstanceOf(IllegalArgumentException.class);
        // 9h a week for 100 years is about 47 000h: 100 000h never comes due within the horizon
        BusinessCalendar rare = hours("Europe/Berlin", "mon 09:00-18:00");
        assertThatThrownBy(() -> rare.add(start, Duration.ofHours(100_000))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("100 years");
        assertThat(rare.add(start, Duration.ofHours(9 * 52 * 50))).isAfter(start.plus(Duration.ofDays(365 * 49)));
    }
}
