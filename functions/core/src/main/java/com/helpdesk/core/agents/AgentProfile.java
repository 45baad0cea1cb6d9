package com.helpdesk.core.agents;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What an admin sets on an agent ({@code PUT /agents/{id}}): everything but the load, which only assignment
 * and release change. {@link #of} checks every field and names each bad one.
 */
public record AgentProfile(String id, String name, List<String> groups, boolean available, int capacity) {
    /** The form of ticket assignees (TicketFields): no spaces or control characters, 1 to 128 characters. */
    private static final Pattern AGENT_ID = Pattern.compile("^[^\\s\\p{Cntrl}/]{1,128}$");
    /** Reserved: {@code /agents/me} is the signed-in agent, {@code none} means "unassigned" in ticket queries. */
    private static final List<String> RESERVED = List.of("me", "none");
    public static final int MAX_NAME = 200;
    /** A ticket's group is at most this long (TicketFields.MAX_GROUP). */
    public static final int MAX_GROUP = 64;
    public static final int MAX_GROUPS = 20;
    public static final int MAX_CAPACITY = 1000;

    public AgentProfile {
        groups = List.copyOf(groups);
    }

    public static AgentProfile of(String id, String name, List<String> groups, Boolean available, Integer capacity) {
        List<FieldError> errors = new ArrayList<>();
        checkId(id, errors);
        if (name == null || name.isBlank()) errors.add(new FieldError("name", "is required"));
        else if (name.strip().length() > MAX_NAME) errors.add(new FieldError("name", "is longer than " + MAX_NAME + " characters"));
        List<String> cleanGroups = groups(groups, errors);
        if (available == null) errors.add(new FieldError("available", "is required (true or false)"));
        if (capacity == null) errors.add(new FieldError("capacity", "is required (how many routed tickets the agent holds at once)"));
        else if (capacity < 0 || capacity > MAX_CAPACITY) errors.add(new FieldError("capacity", "must be between 0 and " + MAX_CAPACITY));
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new AgentProfile(id, name.strip(), cleanGroups, available, capacity);
    }

    static void checkId(String id, List<FieldError> errors) {
        if (id == null || !AGENT_ID.matcher(id).matches() || RESERVED.contains(id)) {
            errors.add(new FieldError("id", "is not an agent id (1-128 characters, no spaces or '/'; 'me' and 'none' are reserved)"));
        }
    }

    /** A group name as tickets carry it: trimmed, 1 to 64 characters. */
    public static String group(String field, String raw, List<FieldError> errors) {
        String g = raw == null ? "" : raw.strip();
        if (g.isEmpty()) errors.add(new FieldError(field, "must not be empty"));
        else if (g.length() > MAX_GROUP) errors.add(new FieldError(field, "is longer than " + MAX_GROUP + " characters"));
        return g;
    }

    private static List<String> groups(List<String> raw, List<FieldError> errors) {
        if (raw == null) {
            errors.add(new FieldError("groups", "is required (an array of group names, may be empty)"));
            return List.of();
        }
        if (raw.size() > MAX_GROUPS) errors.add(new FieldError("groups", "has more than " + MAX_GROUPS + " groups"));
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (int i = 0; i < raw.size(); i++) out.add(group("groups[" + i + "]", raw.get(i), errors));
        return List.copyOf(out);
    }
}
