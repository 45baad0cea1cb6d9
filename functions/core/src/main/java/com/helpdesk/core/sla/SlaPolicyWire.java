package com.helpdesk.core.sla;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Tags;

import java.math.BigInteger;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * An SLA policy on the wire: the JSON body of {@code PUT /sla-policies/{id}} as Jackson hands it over
 * (maps, lists, strings, numbers, booleans) to a validated {@link SlaPolicy}, and back. Every problem is
 * reported at once, each naming its field ({@code targets.firstResponse}, {@code match.priority[0]}).
 * Unknown fields are refused rather than ignored: a misspelt "prority" would otherwise widen a policy
 * to every ticket without anyone noticing.
 */
public final class SlaPolicyWire {
    /** Ids of policies and of the calendars they name: what fits in a URL path and a key without escaping. */
    public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    public static final int MAX_NAME = 100;
    public static final int MAX_GROUP = 64;
    /** A policy is a rule, not a list of customers: a hundred tags is already a smell. */
    public static final int MAX_MATCH_TAGS = 100;
    /** Longest target accepted: a year of business time is already far past any real SLA. */
    public static final Duration MAX_TARGET = Duration.ofDays(366);
    private static final Set<String> FIELDS = Set.of("id", "name", "order", "match", "businessHours", "targets", "warnAt", "onBreach");
    private static final Set<String> MATCH_FIELDS = Set.of("priority", "channel", "tag");
    private static final Set<String> ON_BREACH_FIELDS = Set.of("escalate", "group", "tag");

    private SlaPolicyWire() {}

    /** Validates {@code body} as the policy {@code id}; throws {@link ValidationException} naming every bad field. */
    public static SlaPolicy parse(String id, Object body) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) {
            errors.add(new FieldError("id", "must be 1 to 63 lower-case letters, digits and '-', starting with a letter or digit"));
        }
        if (!(body instanceof Map<?, ?> map)) {
            errors.add(new FieldError("body", "must be a JSON object"));
            throw new ValidationException(errors);
        }
        unknownFields("", map, FIELDS, errors);
        Object bodyId = map.get("id");
        if (bodyId != null && !bodyId.equals(id)) errors.add(new FieldError("id", "does not match the id in the path"));
        String name = name(map.get("name"), errors);
        int order = order(map.get("order"), errors);
        SlaMatch match = match(map.get("match"), errors);
        String businessHours = businessHours(map.get("businessHours"), errors);
        Map<SlaTarget, Duration> targets = targets(map.get("targets"), errors);
        double warnAt = warnAt(map.get("warnAt"), errors);
        SlaPolicy.OnBreach onBreach = onBreach(map.get("onBreach"), errors);
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new SlaPolicy(id, name, order, match, businessHours, targets, warnAt, onBreach);
    }

    /** The policy as the API shows it (and as {@link #parse} reads it back). */
    public static Map<String, Object> toWire(SlaPolicy policy) {
        Map<String, Object> match = new LinkedHashMap<>();
        match.put("priority", policy.match().priorities().stream().map(Priority::wire).toList());
        match.put("channel", policy.match().channels().stream().map(Channel::wire).toList());
        match.put("tag", List.copyOf(policy.match().tags()));
        Map<String, Object> targets = new LinkedHashMap<>();
        policy.targets().forEach((target, amount) -> targets.put(target.wire(), amount.toString()));
        Map<String, Object> onBreach = new LinkedHashMap<>();
        onBreach.put("escalate", policy.onBreach().escalate());
        onBreach.put("group", policy.onBreach().group());
        onBreach.put("tag", policy.onBreach().tag());
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", policy.id());
        out.put("name", policy.name());
        out.put("order", policy.order());
        out.put("match", match);
        out.put("businessHours", policy.businessHours());
        out.put("targets", targets);
        out.put("warnAt", policy.warnAt());
        out.put("onBreach", onBreach);
        return out;
    }

    private static String name(Object raw, List<FieldError> errors) {
        if (!(raw instanceof String s) || s.isBlank()) {
            errors.add(new FieldError("name", "is required (a non-empty string)"));
            return null;
        }
        if (s.strip().length() > MAX_NAME) errors.add(new FieldError("name", "is longer than " + MAX_NAME + " characters"));
        if (!BusinessCalendar.isSingleLine(s)) errors.add(new FieldError("name", BusinessCalendar.SINGLE_LINE));
        return s.strip();
    }

    private static int order(Object raw, List<FieldError> errors) {
        BigInteger value = raw instanceof Integer || raw instanceof Long || raw instanceof Short ? BigInteger.valueOf(((Number) raw).longValue())
                : raw instanceof BigInteger b ? b : null;
        if (value == null || value.bitLength() > 31) {
            errors.add(new FieldError("order", raw == null ? "is required (an integer; lower orders are tried first)"
                    : "must be an integer between " + Integer.MIN_VALUE + " and " + Integer.MAX_VALUE));
            return 0;
        }
        return value.intValue();
    }

    private static SlaMatch match(Object raw, List<FieldError> errors) {
        if (raw == null) return SlaMatch.ANY;
        if (!(raw instanceof Map<?, ?> map)) {
            errors.add(new FieldError("match", "must be an object with optional lists priority, channel and tag"));
            return SlaMatch.ANY;
        }
        unknownFields("match.", map, MATCH_FIELDS, errors);
        List<Priority> priorities = list("match.priority", map.get("priority"), errors, (f, v) -> Priority.parse(f, v));
        List<Channel> channels = list("match.channel", map.get("channel"), errors, (f, v) -> Channel.parse(f, v));
        List<String> tags = list("match.tag", map.get("tag"), errors, (f, v) -> Tags.normalise(f, v));
        if (tags.size() > MAX_MATCH_TAGS) errors.add(new FieldError("match.tag", "lists more than " + MAX_MATCH_TAGS + " tags"));
        return new SlaMatch(priorities.isEmpty() ? Set.of() : EnumSet.copyOf(priorities),
                channels.isEmpty() ? Set.of() : EnumSet.copyOf(channels), new TreeSet<>(tags));
    }

    /** Each item parsed by {@code parse(field, value)}; a refused item is reported as {@code field[i]}. */
    private static <T> List<T> list(String field, Object raw, List<FieldError> errors, ItemParser<T> parse) {
        if (raw == null) return List.of();
        if (!(raw instanceof List<?> items)) {
            errors.add(new FieldError(field, "must be a list of strings (empty: any)"));
            return List.of();
        }
        List<T> out = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            String itemField = field + "[" + i + "]";
            if (!(items.get(i) instanceof String s)) {
                errors.add(new FieldError(itemField, "must be a string"));
                continue;
            }
            try {
                out.add(parse.parse(itemField, s));
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        return out;
    }

    private static String businessHours(Object raw, List<FieldError> errors) {
        if (raw == null) return null;
        if (!(raw instanceof String s) || !ID.matcher(s).matches()) {
            errors.add(new FieldError("businessHours", "must be the id of a business-hours calendar, or null for around the clock"));
            return null;
        }
        return s;
    }

    private static Map<SlaTarget, Duration> targets(Object raw, List<FieldError> errors) {
        Map<SlaTarget, Duration> out = new EnumMap<>(SlaTarget.class);
        if (!(raw instanceof Map<?, ?> map)) {
            errors.add(new FieldError("targets", "is required: an object with at least one of firstResponse, nextResponse, resolution"));
            return out;
        }
        Set<String> names = new TreeSet<>();
        for (SlaTarget t : SlaTarget.values()) names.add(t.wire());
        unknownFields("targets.", map, names, errors);
        boolean anyBad = false;
        for (SlaTarget target : SlaTarget.values()) {
            Object value = map.get(target.wire());
            if (value == null) continue;
            Duration amount = targetDuration("targets." + target.wire(), value, errors);
            if (amount == null) anyBad = true;
            else out.put(target, amount);
        }
        if (out.isEmpty() && !anyBad) {
            errors.add(new FieldError("targets", "needs at least one of firstResponse, nextResponse, resolution"));
        }
        return out;
    }

    private static Duration targetDuration(String field, Object raw, List<FieldError> errors) {
        Duration amount = null;
        if (raw instanceof String s) {
            try {
                amount = Duration.parse(s.strip());
            } catch (DateTimeParseException e) {
                amount = null;
            }
        }
        if (amount == null) {
            errors.add(new FieldError(field, "must be an ISO-8601 duration of business time such as PT30M, PT4H or P2D"
                    + " (days are 24 hours; weeks, months and years are not accepted)"));
            return null;
        }
        if (amount.isNegative() || amount.isZero()) {
            errors.add(new FieldError(field, "must be longer than zero"));
            return null;
        }
        if (amount.compareTo(MAX_TARGET) > 0) {
            errors.add(new FieldError(field, "must be at most " + MAX_TARGET.toDays() + " days"));
            return null;
        }
        return amount;
    }

    private static double warnAt(Object raw, List<FieldError> errors) {
        if (raw == null) return SlaPolicy.DEFAULT_WARN_AT;
        if (raw instanceof Number n && !(raw instanceof Double d && d.isNaN())) {
            double value = n.doubleValue();
            if (value > 0 && value < 1) return value;
        }
        errors.add(new FieldError("warnAt", "must be a number between 0 and 1, exclusive (the fraction of each target at which to warn)"));
        return SlaPolicy.DEFAULT_WARN_AT;
    }

    private static SlaPolicy.OnBreach onBreach(Object raw, List<FieldError> errors) {
        if (raw == null) return SlaPolicy.OnBreach.NOTHING;
        if (!(raw instanceof Map<?, ?> map)) {
            errors.add(new FieldError("onBreach", "must be an object {escalate, group, tag}"));
            return SlaPolicy.OnBreach.NOTHING;
        }
        unknownFields("onBreach.", map, ON_BREACH_FIELDS, errors);
        Object escalateRaw = map.get("escalate");
        if (escalateRaw != null && !(escalateRaw instanceof Boolean)) {
            errors.add(new FieldError("onBreach.escalate", "must be true or false"));
        }
        boolean escalate = Boolean.TRUE.equals(escalateRaw);
        String group = optionalString("onBreach.group", map.get("group"), errors, g -> g.length() > MAX_GROUP
                ? "is longer than " + MAX_GROUP + " characters" : null);
        if (group != null && !escalate) {
            errors.add(new FieldError("onBreach.group", "is the group a breach escalates to: it needs escalate: true"));
        }
        String tag = null;
        if (map.get("tag") != null) {
            try {
                tag = map.get("tag") instanceof String s ? Tags.normalise("onBreach.tag", s) : Tags.normalise("onBreach.tag", null);
            } catch (ValidationException e) {
                errors.addAll(e.errors());
            }
        }
        return new SlaPolicy.OnBreach(escalate, group, tag);
    }

    private static String optionalString(String field, Object raw, List<FieldError> errors, Function<String, String> refusal) {
        if (raw == null) return null;
        if (!(raw instanceof String s)) {
            errors.add(new FieldError(field, "must be a string or null"));
            return null;
        }
        String value = s.strip();
        if (value.isEmpty()) return null;
        String reason = refusal.apply(value);
        if (reason != null) errors.add(new FieldError(field, reason));
        return value;
    }

    private static void unknownFields(String prefix, Map<?, ?> map, Set<String> known, List<FieldError> errors) {
        for (Object key : map.keySet()) {
            if (!known.contains(String.valueOf(key))) {
                errors.add(new FieldError(prefix + key, "is not a field of an SLA policy; expected one of " + new TreeSet<>(known)));
            }
        }
    }

    @FunctionalInterface
    private interface ItemParser<T> {
        T parse(String field, String value);
    }
}
