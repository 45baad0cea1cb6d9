package com.helpdesk.local.schedule;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.BitSet;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * EventBridge schedule expressions: rate(value unit) and the six-field cron(minutes hours day-of-month
 * month day-of-week year), with the wildcards EventBridge documents: * ? , - / L W #.
 */
public abstract class ScheduleExpression {
    private static final Pattern RATE = Pattern.compile("^rate\\(\\s*(\\d+)\\s+(minute|minutes|hour|hours|day|days)\\s*\\)$");
    private static final Pattern CRON = Pattern.compile("^cron\\((.*)\\)$");
    private static final Pattern AT = Pattern.compile("^at\\((\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2})\\)$");

    /** The first occurrence strictly after {@code after}, or null when there is none. */
    public abstract Instant next(Instant after);

    public static ScheduleExpression parse(String expression, String timezone) {
        String e = expression.trim();
        ZoneId zone = timezone == null || timezone.isBlank() ? ZoneOffset.UTC : ZoneId.of(timezone);
        Matcher m = RATE.matcher(e);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            if (n < 1) throw new IllegalArgumentException("rate must be at least 1: " + e);
            String unit = m.group(2);
            if (n == 1 && unit.endsWith("s") || n > 1 && !unit.endsWith("s")) {
                throw new IllegalArgumentException("EventBridge wants '1 minute' but '5 minutes': " + e);
            }
            Duration every = unit.startsWith("minute") ? Duration.ofMinutes(n) : unit.startsWith("hour") ? Duration.ofHours(n) : Duration.ofDays(n);
            return new Rate(every);
        }
        m = CRON.matcher(e);
        if (m.matches()) return new Cron(m.group(1).trim(), zone);
        m = AT.matcher(e);
        if (m.matches()) {
            Instant at = LocalDateTime.parse(m.group(1)).atZone(zone).toInstant();
            return new ScheduleExpression() {
                @Override
                public Instant next(Instant after) {
                    return at.isAfter(after) ? at : null;
                }
            };
        }
        throw new IllegalArgumentException("not a schedule expression: " + expression);
    }

    /** Fixed rate, counted from when the schedule was created (the local stack's start). */
    static final class Rate extends ScheduleExpression {
        private final Duration every;
        private Instant origin;

        Rate(Duration every) {
            this.every = every;
        }

        @Override
        public synchronized Instant next(Instant after) {
            if (origin == null) origin = after.truncatedTo(ChronoUnit.MINUTES);
            long periods = Duration.between(origin, after).toMillis() / every.toMillis() + 1;
            Instant candidate = origin.plus(every.multipliedBy(Math.max(1, periods)));
            while (!candidate.isAfter(after)) candidate = candidate.plus(every);
            return candidate;
        }
    }

    static final class Cron extends ScheduleExpression {
        private final BitSet minutes;
        private final BitSet hours;
        private final String dayOfMonth;
        private final BitSet months;
        private final String dayOfWeek;
        private final BitSet years;
        private final ZoneId zone;

        Cron(String fields, ZoneId zone) {
            String[] f = fields.split("\\s+");
            if (f.length != 6) throw new IllegalArgumentException("cron needs 6 fields (minutes hours day-of-month month day-of-week year): " + fields);
            if (!(f[2].equals("?") ^ f[4].equals("?"))) {
                throw new IllegalArgumentException("one of day-of-month and day-of-week must be '?': " + fields);
            }
            this.minutes = set(f[0], 0, 59, null);
            this.hours = set(f[1], 0, 23, null);
            this.dayOfMonth = f[2].toUpperCase(Locale.ROOT);
            this.months = set(f[3], 1, 12, new String[]{"JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"});
            this.dayOfWeek = f[4].toUpperCase(Locale.ROOT);
            this.years = set(f[5], 1970, 2199, null);
            this.zone = zone;
            if (!dayOfMonth.equals("?")) matchesDayOfMonth(LocalDate.of(2026, 1, 1)); // validates the field
            if (!dayOfWeek.equals("?")) matchesDayOfWeek(LocalDate.of(2026, 1, 1));
        }

        @Override
        public Instant next(Instant after) {
            ZonedDateTime t = after.atZone(zone).truncatedTo(ChronoUnit.MINUTES).plusMinutes(1);
            LocalDate day = t.toLocalDate();
            for (int i = 0; i < 366 * 5; i++, day = day.plusDays(1)) {
                if (!years.get(day.getYear()) || !months.get(day.getMonthValue()) || !dayMatches(day)) continue;
                for (int h = hours.nextSetBit(0); h >= 0; h = hours.nextSetBit(h + 1)) {
                    for (int m = minutes.nextSetBit(0); m >= 0; m = minutes.nextSetBit(m + 1)) {
                        ZonedDateTime candidate = day.atTime(h, m).atZone(zone);
                        if (!candidate.isBefore(t)) return candidate.toInstant();
                    }
                }
            }
            return null;
        }

        private boolean dayMatches(LocalDate d) {
            return dayOfMonth.equals("?") ? matchesDayOfWeek(d) : matchesDayOfMonth(d);
        }

        private boolean matchesDayOfMonth(LocalDate d) {
            String f = dayOfMonth;
            int last = d.lengthOfMonth();
            if (f.equals("L")) return d.getDayOfMonth() == last;
            if (f.equals("LW")) return d.equals(nearestWeekday(d.withDayOfMonth(last)));
            if (f.endsWith("W")) {
                int target = Integer.parseInt(f.substring(0, f.length() - 1));
                if (target < 1 || target > 31) throw new IllegalArgumentException("bad W day " + f);
                return d.equals(nearestWeekday(d.withDayOfMonth(Math.min(target, last))));
            }
            return set(f, 1, 31, null).get(d.getDayOfMonth());
        }

        private static LocalDate nearestWeekday(LocalDate d) {
            if (d.getDayOfWeek() == DayOfWeek.SATURDAY) return d.getDayOfMonth() == 1 ? d.plusDays(2) : d.minusDays(1);
            if (d.getDayOfWeek() == DayOfWeek.SUNDAY) return d.getDayOfMonth() == d.lengthOfMonth() ? d.minusDays(2) : d.plusDays(1);
            return d;
        }

        private static final String[] DAYS = {"SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"};

        /** EventBridge numbers days 1 (Sunday) to 7 (Saturday). */
        private boolean matchesDayOfWeek(LocalDate d) {
            String f = dayOfWeek;
            int dow = d.getDayOfWeek().getValue() % 7 + 1;
            if (f.contains("#")) {
                String[] p = f.split("#");
                int wanted = dayNumber(p[0]);
                int nth = Integer.parseInt(p[1]);
                if (nth < 1 || nth > 5) throw new IllegalArgumentException("bad # in day-of-week " + f);
                return dow == wanted && (d.getDayOfMonth() - 1) / 7 + 1 == nth;
            }
            if (f.endsWith("L") && f.length() > 1) {
                int wanted = dayNumber(f.substring(0, f.length() - 1));
                return dow == wanted && d.equals(d.with(TemporalAdjusters.lastInMonth(d.getDayOfWeek())));
            }
            if (f.equals("L")) return dow == 7;
            return set(f, 1, 7, DAYS).get(dow);
        }

        private static int dayNumber(String s) {
            for (int i = 0; i < DAYS.length; i++) if (DAYS[i].equals(s)) return i + 1;
            int n = Integer.parseInt(s);
            if (n < 1 || n > 7) throw new IllegalArgumentException("day of week out of range: " + s);
            return n;
        }

        /** A field of values, ranges, lists and steps: "*", "5", "1-5", "MON-FRI", "0/15", "10-50/10", "1,3,5". */
        static BitSet set(String field, int min, int max, String[] names) {
            BitSet out = new BitSet(max + 1);
            for (String part : field.toUpperCase(Locale.ROOT).split(",")) {
                String range = part;
                int step = 1;
                int slash = part.indexOf('/');
                if (slash >= 0) {
                    range = part.substring(0, slash);
                    step = Integer.parseInt(part.substring(slash + 1));
                    if (step < 1) throw new IllegalArgumentException("step must be positive: " + part);
                }
                int from, to;
                if (range.equals("*") || range.equals("?")) {
                    from = min;
                    to = max;
                } else if (range.contains("-")) {
                    String[] p = range.split("-", 2);
                    from = value(p[0], names, min);
                    to = value(p[1], names, min);
                } else {
                    from = value(range, names, min);
                    to = slash >= 0 ? max : from;
                }
                if (from < min || to > max || from > to) throw new IllegalArgumentException("value out of range " + min + "-" + max + ": " + part);
                for (int v = from; v <= to; v += step) out.set(v);
            }
            return out;
        }

        private static int value(String s, String[] names, int min) {
            if (names != null) {
                for (int i = 0; i < names.length; i++) if (names[i].equals(s)) return i + min;
            }
            try {
                return Integer.parseInt(s);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a cron value: " + s);
            }
        }
    }
}
