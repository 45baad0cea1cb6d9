package com.helpdesk.core.sla;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Calendars and policies as the admin API and the timer see them: the stored ones plus the defaults that
 * ship with the stack. Defaults are code, not seeded rows: {@link #DEFAULT_CALENDAR} (Mon-Fri 09:00-17:00
 * in the stack's default time zone) is answered while no calendar {@code default} is stored (an admin may
 * replace it with a PUT; deleting the stored one brings the shipped one back), and it is stored the first
 * time a policy names it, so that the store's "a policy names it" check holds for it too. The built-in
 * policy {@link SlaPolicy#BUILT_IN_DEFAULT} applies when no stored policy matches.
 */
public final class SlaSettings {
    public static final String DEFAULT_CALENDAR = "default";

    private final SlaSettingsStore store;
    private final BusinessCalendar shippedCalendar;

    public SlaSettings(SlaSettingsStore store, ZoneId defaultZone) {
        this.store = store;
        this.shippedCalendar = shippedCalendar(defaultZone);
    }

    /** Mon-Fri 09:00-17:00 in {@code zone}, no holidays. */
    public static BusinessCalendar shippedCalendar(ZoneId zone) {
        Map<DayOfWeek, List<OpeningInterval>> weekly = new EnumMap<>(DayOfWeek.class);
        for (DayOfWeek d : DayOfWeek.values()) {
            weekly.put(d, d.getValue() <= 5 ? List.of(new OpeningInterval(9 * 60, 17 * 60)) : List.of());
        }
        return new BusinessCalendar(DEFAULT_CALENDAR, "Default (Mon-Fri 09:00-17:00)", zone, weekly, List.of());
    }

    public Optional<BusinessCalendar> calendar(String id) {
        Optional<BusinessCalendar> stored = store.calendar(id);
        if (stored.isEmpty() && DEFAULT_CALENDAR.equals(id)) return Optional.of(shippedCalendar);
        return stored;
    }

    public List<BusinessCalendar> calendars() {
        List<BusinessCalendar> all = new ArrayList<>(store.calendars());
        if (all.stream().noneMatch(c -> c.id().equals(DEFAULT_CALENDAR))) all.add(shippedCalendar);
        all.sort(Comparator.comparing(BusinessCalendar::id));
        return all;
    }

    /** Refused (400 on {@code weekly}) when it would open too little for a target of a policy that names it. */
    public void saveCalendar(BusinessCalendar calendar) {
        List<FieldError> errors = new ArrayList<>();
        for (SlaPolicy policy : store.policies()) {
            if (!calendar.id().equals(policy.businessHours())) continue;
            beyond(policy, calendar).forEach((target, amount) -> errors.add(new FieldError("weekly", "opens " + calendar.weeklyTotal()
                    + " a week: too little for " + target.wire() + " " + amount + " of the SLA policy '" + policy.id() + "' (at most "
                    + BusinessCalendar.TARGET_YEARS + " years of weeks)")));
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        store.saveCalendar(calendar);
    }

    /** False when nothing was stored (the shipped default calendar cannot be deleted, only replaced). */
    public boolean deleteCalendar(String id) {
        return store.deleteCalendar(id);
    }

    public Optional<SlaPolicy> policy(String id) {
        return store.policy(id);
    }

    public List<SlaPolicy> policies() {
        List<SlaPolicy> all = new ArrayList<>(store.policies());
        all.sort(SlaPolicies.PRECEDENCE);
        return all;
    }

    /** Refused (400 on the target) when its calendar would open too little for a target: its clocks could never come due. */
    public void savePolicy(SlaPolicy policy) {
        Optional<BusinessCalendar> calendar = policy.businessHours() == null ? Optional.empty() : calendar(policy.businessHours());
        List<FieldError> errors = new ArrayList<>();
        calendar.ifPresent(c -> beyond(policy, c).forEach((target, amount) -> errors.add(new FieldError("targets." + target.wire(),
                "is more business time than the calendar '" + c.id() + "' opens in " + BusinessCalendar.TARGET_YEARS
                        + " years of ordinary weeks (" + c.weeklyTotal() + " a week)"))));
        if (!errors.isEmpty()) throw new ValidationException(errors);
        if (DEFAULT_CALENDAR.equals(policy.businessHours())) store.saveCalendarIfAbsent(shippedCalendar);
        store.savePolicy(policy);
    }

    public boolean deletePolicy(String id) {
        return store.deletePolicy(id);
    }

    /** The targets of {@code policy} larger than {@code calendar} allows (add could not place their due times). */
    private static Map<SlaTarget, Duration> beyond(SlaPolicy policy, BusinessCalendar calendar) {
        Map<SlaTarget, Duration> beyond = new EnumMap<>(SlaTarget.class);
        policy.targets().forEach((target, amount) -> {
            if (amount.compareTo(calendar.mostTargetable()) > 0) beyond.put(target, amount);
        });
        return beyond;
    }

    /** The policy that applies to a ticket with these facts (the built-in default when no stored one matches). */
    public SlaPolicy select(TicketFacts facts) {
        return SlaPolicies.select(store.policies(), facts);
    }

    /**
     * The arithmetic of a calendar id, null meaning around the clock. A calendar deleted after a ticket's
     * clocks were started under it (possible once no policy names it any more) counts around the clock:
     * the clocks keep running rather than failing every later event of the ticket.
     */
    public BusinessTime businessTime(String calendarId) {
        if (calendarId == null) return AroundTheClock.INSTANCE;
        return calendar(calendarId).<BusinessTime>map(c -> c).orElse(AroundTheClock.INSTANCE);
    }

    /** The calendar an admin previews; 404 when it does not exist. */
    public BusinessCalendar requireCalendar(String id) {
        return calendar(id).orElseThrow(() -> new NotFoundException("no business-hours calendar '" + id + "'"));
    }
}
