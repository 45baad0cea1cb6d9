package com.helpdesk.metrics;

import com.helpdesk.core.sla.AroundTheClock;
import com.helpdesk.core.sla.BusinessTime;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The business-time arithmetic of SLA calendars by id, each read at most once per {@link #TTL} per function
 * instance: an event is folded into several generations and each fold computes a ticket's contribution twice,
 * which must not read the calendar item every time. An edited calendar is used within {@link #TTL}.
 */
final class CachedCalendars implements Function<String, BusinessTime> {
    static final Duration TTL = Duration.ofMinutes(5);

    private record Loaded(BusinessTime calendar, Instant at) {
    }

    private final Function<String, BusinessTime> load;
    private final Clock clock;
    private final Map<String, Loaded> cache = new ConcurrentHashMap<>();

    CachedCalendars(Function<String, BusinessTime> load, Clock clock) {
        this.load = load;
        this.clock = clock;
    }

    @Override
    public BusinessTime apply(String calendarId) {
        if (calendarId == null) return AroundTheClock.INSTANCE;
        Instant now = clock.instant();
        Loaded hit = cache.get(calendarId);
        if (hit != null && hit.at().plus(TTL).isAfter(now)) return hit.calendar();
        BusinessTime fresh = load.apply(calendarId);
        cache.put(calendarId, new Loaded(fresh, now));
        return fresh;
    }
}
