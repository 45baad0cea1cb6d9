package com.helpdesk.core.sla;

import java.util.List;
import java.util.Optional;

/**
 * Where admins' business-hours calendars and SLA policies are kept (the storage port of the admin API and
 * of policy selection). Implementations keep "a policy names this calendar" consistent under concurrency:
 * a policy cannot be saved naming a calendar that does not exist, and a calendar a policy names cannot be
 * deleted.
 */
public interface SlaSettingsStore {
    Optional<BusinessCalendar> calendar(String id);

    /** Every stored calendar, by id. */
    List<BusinessCalendar> calendars();

    /** Creates or replaces a calendar. */
    void saveCalendar(BusinessCalendar calendar);

    /** Stores the calendar only if none with its id is stored (seeding a default); true when it wrote. */
    boolean saveCalendarIfAbsent(BusinessCalendar calendar);

    /**
     * Deletes a calendar; false when none was stored. Throws {@link com.helpdesk.core.StateConflictException}
     * ({@code calendar-in-use}) while a policy names it.
     */
    boolean deleteCalendar(String id);

    Optional<SlaPolicy> policy(String id);

    /** Every stored policy, by id. */
    List<SlaPolicy> policies();

    /**
     * Creates or replaces a policy. Throws {@link com.helpdesk.core.ValidationException} on
     * {@code businessHours} when the calendar it names is not stored.
     */
    void savePolicy(SlaPolicy policy);

    /** Deletes a policy; false when none was stored. */
    boolean deletePolicy(String id);
}
