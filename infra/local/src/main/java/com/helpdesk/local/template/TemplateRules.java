package com.helpdesk.local.template;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Evaluates a template's Rules section as CloudFormation does before it creates or changes a stack:
 * each rule whose RuleCondition holds (or that has none) checks its Assertions against the parameter
 * values, and every assertion that fails is reported with its AssertDescription. Supports the rule
 * functions CloudFormation allows on plain parameters (And, Or, Not, Equals, Contains,
 * EachMemberEquals, EachMemberIn, Ref); the ones about AWS-specific parameter types (RefAll,
 * ValueOf, ValueOfAll) fail loudly, naming the function.
 */
public final class TemplateRules {
    private final Template template;
    private final Intrinsics intrinsics;

    public TemplateRules(Template template, Intrinsics intrinsics) {
        this.template = template;
        this.intrinsics = intrinsics;
    }

    /** One failed assertion: the rule's name and what it says is wrong. */
    public record Violation(String rule, String description) {
        @Override
        public String toString() {
            return rule + ": " + description;
        }
    }

    /** Every failed assertion of every rule that applies, in template order; empty when the parameters pass. */
    @SuppressWarnings("unchecked")
    public List<Violation> violations() {
        List<Violation> out = new ArrayList<>();
        template.rules().forEach((name, body) -> {
            if (!(body instanceof Map<?, ?> rule)) throw new IllegalArgumentException("rule " + name + " is not a mapping");
            Object condition = rule.get("RuleCondition");
            if (condition != null && !truth(condition, name)) return;
            Object assertions = rule.get("Assertions");
            if (!(assertions instanceof List<?> list)) throw new IllegalArgumentException("rule " + name + " has no Assertions list");
            for (Object a : list) {
                Map<String, Object> assertion = (Map<String, Object>) a;
                if (!truth(assertion.get("Assert"), name)) {
                    Object description = assertion.get("AssertDescription");
                    out.add(new Violation(name, description == null ? "assertion failed" : String.valueOf(description).trim()));
                }
            }
        });
        return out;
    }

    @SuppressWarnings("unchecked")
    private boolean truth(Object expression, String rule) {
        if (expression instanceof Boolean b) return b;
        if (expression instanceof String s && (s.equals("true") || s.equals("false"))) return Boolean.parseBoolean(s);
        if (!(expression instanceof Map<?, ?> m) || m.size() != 1) {
            throw new IllegalArgumentException("rule " + rule + ": " + expression + " is not a condition");
        }
        String fn = String.valueOf(m.keySet().iterator().next());
        Object arg = m.values().iterator().next();
        List<Object> args = arg instanceof List<?> l ? (List<Object>) l : List.of(arg);
        return switch (fn) {
            case "Fn::And" -> args.stream().allMatch(x -> truth(x, rule));
            case "Fn::Or" -> args.stream().anyMatch(x -> truth(x, rule));
            case "Fn::Not" -> !truth(args.get(0), rule);
            case "Fn::Equals" -> Objects.equals(value(args.get(0)), value(args.get(1)));
            case "Fn::Contains" -> values(args.get(0)).contains(value(args.get(1)));
            case "Fn::EachMemberEquals" -> values(args.get(0)).stream().allMatch(v -> v.equals(value(args.get(1))));
            case "Fn::EachMemberIn" -> values(args.get(1)).containsAll(values(args.get(0)));
            default -> throw new IllegalArgumentException("rule " + rule + ": " + fn + " is not supported by the local stack");
        };
    }

    private String value(Object o) {
        return intrinsics.resolveString(o);
    }

    /** A list operand: a literal list or a list-valued parameter (CommaDelimitedList, resolved as a,b,c). */
    private List<String> values(Object o) {
        Object v = intrinsics.resolve(o);
        if (v instanceof List<?> l) return l.stream().map(String::valueOf).toList();
        return v == null ? List.of() : List.of(String.valueOf(v).split(",", -1));
    }
}
