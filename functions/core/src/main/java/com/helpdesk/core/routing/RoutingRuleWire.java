package com.helpdesk.core.routing;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;
import com.helpdesk.core.agents.AgentProfile;
import com.helpdesk.core.agents.AssignStrategy;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Tags;
import com.helpdesk.core.triage.IntentName;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A routing rule on the wire ({@code PUT /routing-rules/{id}}, and as stored): every field checked, every bad one
 * named by its path ({@code when.intent}, {@code then.addTags[1]}), all at once.
 */
public final class RoutingRuleWire {
    public static final Pattern ID = Pattern.compile("^[a-z0-9][a-z0-9-]{0,62}$");
    public static final String ID_RULE = "1 to 63 lower-case letters, digits and '-', starting with a letter or digit";
    static final Set<String> TOP = Set.of("order", "when", "then");
    static final Set<String> WHEN = Set.of("channel", "intent", "tagsAny", "priority", "customerTag", "orderTotalOver", "textMatches");
    static final Set<String> THEN = Set.of("assignGroup", "assign", "priority", "addTags", "escalate");
    private static final int MAX_ORDER = 1_000_000;
    private static final int MAX_TAGS = 20;

    private RoutingRuleWire() {}

    public static RoutingRule parse(String id, Map<String, Object> body) {
        List<FieldError> errors = new ArrayList<>();
        if (id == null || !ID.matcher(id).matches()) errors.add(new FieldError("id", "is not a rule id (" + ID_RULE + ")"));
        unknown("", body, TOP, errors);
        Object order = body.get("order");
        int o = 0;
        if (!(order instanceof Integer i) || i < 0 || i > MAX_ORDER) errors.add(new FieldError("order", "is required: a whole number from 0 to " + MAX_ORDER));
        else o = i;
        Map<String, Object> when = object("when", body.get("when"), errors);
        Map<String, Object> then = object("then", body.get("then"), errors);
        RoutingRule.When w = when == null ? null : when(when, errors);
        RoutingRule.Then t = then == null ? null : then(then, errors);
        if (t != null && !t.routes() && t.priority() == null && t.addTags().isEmpty()) {
            errors.add(new FieldError("then", "does nothing: give assignGroup, assign, priority, addTags or escalate"));
        }
        if (!errors.isEmpty()) throw new ValidationException(errors);
        return new RoutingRule(id, o, w, t);
    }

    private static RoutingRule.When when(Map<String, Object> m, List<FieldError> errors) {
        unknown("when.", m, WHEN, errors);
        Channel channel = parsed(errors, () -> m.get("channel") == null ? null : Channel.parse("when.channel", text("when.channel", m, errors)));
        IntentName intent = parsed(errors, () -> m.get("intent") == null ? null : IntentName.parse("when.intent", text("when.intent", m, errors)));
        Priority priority = parsed(errors, () -> m.get("priority") == null ? null : Priority.parse("when.priority", text("when.priority", m, errors)));
        List<String> tagsAny = tags("when.tagsAny", m.get("tagsAny"), errors);
        String customerTag = text("when.customerTag", m, errors);
        if (customerTag != null && (customerTag.isBlank() || customerTag.length() > 255)) {
            errors.add(new FieldError("when.customerTag", "must be 1 to 255 characters"));
        }
        BigDecimal over = null;
        Object total = m.get("orderTotalOver");
        if (total instanceof Number n && new BigDecimal(n.toString()).signum() >= 0) over = new BigDecimal(n.toString());
        else if (total != null) errors.add(new FieldError("when.orderTotalOver", "must be a number, 0 or more (the order's currency)"));
        String regex = text("when.textMatches", m, errors);
        TextPattern pattern = regex == null ? null : parsed(errors, () -> TextPattern.compile("when.textMatches", regex));
        return new RoutingRule.When(channel, intent, tagsAny, priority, customerTag == null ? null : customerTag.strip(), over, pattern);
    }

    private static RoutingRule.Then then(Map<String, Object> m, List<FieldError> errors) {
        unknown("then.", m, THEN, errors);
        String raw = text("then.assignGroup", m, errors);
        String group = raw == null ? null : AgentProfile.group("then.assignGroup", raw, errors);
        String assign = text("then.assign", m, errors);
        AssignStrategy strategy = assign == null ? null : AssignStrategy.named(assign);
        String agent = assign != null && strategy == null ? assign.strip() : null;
        if (agent != null && (agent.isEmpty() || agent.length() > 128 || agent.chars().anyMatch(Character::isWhitespace))) {
            errors.add(new FieldError("then.assign", "must be round-robin, least-loaded or an agent id (no spaces, 1-128 characters)"));
        }
        if (strategy != null && group == null) {
            errors.add(new FieldError("then.assign", assign + " picks among a group's agents: give then.assignGroup"));
        }
        Priority priority = parsed(errors, () -> m.get("priority") == null ? null : Priority.parse("then.priority", text("then.priority", m, errors)));
        List<String> addTags = tags("then.addTags", m.get("addTags"), errors);
        Object escalate = m.get("escalate");
        if (escalate != null && !(escalate instanceof Boolean)) errors.add(new FieldError("then.escalate", "must be true or false"));
        return new RoutingRule.Then(group, strategy, agent, priority, addTags, Boolean.TRUE.equals(escalate));
    }

    public static Map<String, Object> toWire(RoutingRule r) {
        Map<String, Object> when = new LinkedHashMap<>();
        RoutingRule.When w = r.when();
        if (w.channel() != null) when.put("channel", w.channel().wire());
        if (w.intent() != null) when.put("intent", w.intent().wire());
        if (!w.tagsAny().isEmpty()) when.put("tagsAny", w.tagsAny());
        if (w.priority() != null) when.put("priority", w.priority().wire());
        if (w.customerTag() != null) when.put("customerTag", w.customerTag());
        if (w.orderTotalOver() != null) when.put("orderTotalOver", w.orderTotalOver());
        if (w.textMatches() != null) when.put("textMatches", w.textMatches().source());
        Map<String, Object> then = new LinkedHashMap<>();
        RoutingRule.Then t = r.then();
        if (t.assignGroup() != null) then.put("assignGroup", t.assignGroup());
        if (t.strategy() != null) then.put("assign", t.strategy().wire());
        if (t.agent() != null) then.put("assign", t.agent());
        if (t.priority() != null) then.put("priority", t.priority().wire());
        if (!t.addTags().isEmpty()) then.put("addTags", t.addTags());
        if (t.escalate()) then.put("escalate", true);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", r.id());
        out.put("order", r.order());
        out.put("when", when);
        out.put("then", then);
        return out;
    }

    private static void unknown(String prefix, Map<String, Object> m, Set<String> allowed, List<FieldError> errors) {
        for (String f : m.keySet()) {
            if (!allowed.contains(f) && !(prefix.isEmpty() && f.equals("id"))) {
                errors.add(new FieldError(prefix + f, "is not a known field (allowed: " + String.join(", ", new java.util.TreeSet<>(allowed)) + ")"));
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> object(String field, Object v, List<FieldError> errors) {
        if (v instanceof Map<?, ?> map) return (Map<String, Object>) map;
        errors.add(new FieldError(field, v == null ? "is required (an object; {} for none)" : "must be an object"));
        return null;
    }

    private static String text(String field, Map<String, Object> m, List<FieldError> errors) {
        Object v = m.get(field.substring(field.indexOf('.') + 1));
        if (v == null) return null;
        if (v instanceof String s && s.chars().noneMatch(Character::isISOControl)) return s;
        errors.add(new FieldError(field, "must be a single-line string"));
        return null;
    }

    private static List<String> tags(String field, Object v, List<FieldError> errors) {
        if (v == null) return List.of();
        if (!(v instanceof List<?> list) || list.size() > MAX_TAGS) {
            errors.add(new FieldError(field, "must be an array of at most " + MAX_TAGS + " tags"));
            return List.of();
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            String item = field + "[" + i + "]";
            Object tag = list.get(i);
            String t = parsed(errors, () -> Tags.normalise(item, tag instanceof String s ? s : null));
            if (t != null && !out.contains(t)) out.add(t);
        }
        return out;
    }

    private static <T> T parsed(List<FieldError> errors, Supplier<T> parse) {
        try {
            return parse.get();
        } catch (ValidationException e) {
            errors.addAll(e.errors());
            return null;
        }
    }
}
