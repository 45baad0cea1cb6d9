package com.helpdesk.local.template;

import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves CloudFormation intrinsic functions against the local stack's names. Unknown functions
 * fail loudly, naming the function, so a template the local stack cannot run says why.
 */
public final class Intrinsics {
    public static final String STACK = "helpdesk-local";
    public static final String REGION = "us-east-1";
    public static final String ACCOUNT = "000000000000";
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}!][^}]*)}");

    /** Answers Ref and Fn::GetAtt for resources. */
    public interface Names {
        String ref(String logicalId);

        Object getAtt(String logicalId, String attribute);
    }

    private final Template template;
    private final Names names;
    private final Map<String, String> parameterOverrides;

    public Intrinsics(Template template, Names names, Map<String, String> parameterOverrides) {
        this.template = template;
        this.names = names;
        this.parameterOverrides = parameterOverrides;
    }

    @SuppressWarnings("unchecked")
    public Object resolve(Object value) {
        if (value instanceof Map<?, ?> m) {
            if (m.size() == 1) {
                String key = String.valueOf(m.keySet().iterator().next());
                Object arg = m.values().iterator().next();
                if (key.equals("Ref") || key.startsWith("Fn::") || (key.equals("Condition") && arg instanceof String)) {
                    return function(key, arg);
                }
            }
            Map<String, Object> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : m.entrySet()) out.put(String.valueOf(e.getKey()), resolve(e.getValue()));
            return out;
        }
        if (value instanceof List<?> l) {
            List<Object> out = new ArrayList<>();
            for (Object o : l) out.add(resolve(o));
            return out;
        }
        if (value instanceof String s && s.contains("{{resolve:")) {
            throw new IllegalArgumentException("dynamic references ({{resolve:...}}) are not supported locally: " + s);
        }
        return value;
    }

    public String resolveString(Object value) {
        Object v = resolve(value);
        return v == null ? null : String.valueOf(v);
    }

    @SuppressWarnings("unchecked")
    private Object function(String fn, Object arg) {
        switch (fn) {
            case "Ref":
                return ref(String.valueOf(arg));
            case "Fn::GetAtt": {
                List<Object> parts = arg instanceof List<?> l ? (List<Object>) l : List.of(String.valueOf(arg).split("\\.", 2));
                return names.getAtt(resolveString(parts.get(0)), resolveString(parts.get(1)));
            }
            case "Fn::Sub":
                return sub(arg);
            case "Fn::Join": {
                List<Object> a = (List<Object>) arg;
                List<Object> items = (List<Object>) resolve(a.get(1));
                List<String> parts = new ArrayList<>();
                for (Object o : items) parts.add(String.valueOf(o));
                return String.join(String.valueOf(a.get(0)), parts);
            }
            case "Fn::Select": {
                List<Object> a = (List<Object>) arg;
                int index = Integer.parseInt(resolveString(a.get(0)));
                return ((List<Object>) resolve(a.get(1))).get(index);
            }
            case "Fn::Split": {
                List<Object> a = (List<Object>) arg;
                return List.of(resolveString(a.get(1)).split(Pattern.quote(String.valueOf(a.get(0))), -1));
            }
            case "Fn::If": {
                List<Object> a = (List<Object>) arg;
                return condition(String.valueOf(a.get(0))) ? resolve(a.get(1)) : resolve(a.get(2));
            }
            case "Fn::Equals": {
                List<Object> a = (List<Object>) arg;
                return Objects.equals(String.valueOf(resolve(a.get(0))), String.valueOf(resolve(a.get(1))));
            }
            case "Fn::Not":
                return !truth(((List<Object>) arg).get(0));
            case "Fn::And":
                return ((List<Object>) arg).stream().allMatch(this::truth);
            case "Fn::Or":
                return ((List<Object>) arg).stream().anyMatch(this::truth);
            case "Condition":
                return condition(String.valueOf(arg));
            case "Fn::Base64":
                return Base64.getEncoder().encodeToString(resolveString(arg).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            case "Fn::FindInMap": {
                List<Object> a = (List<Object>) arg;
                Map<String, Object> top = (Map<String, Object>) template.mappings().get(resolveString(a.get(0)));
                Map<String, Object> second = (Map<String, Object>) top.get(resolveString(a.get(1)));
                return second.get(resolveString(a.get(2)));
            }
            case "Fn::GetAZs":
                return List.of(REGION + "a", REGION + "b", REGION + "c");
            default:
                throw new IllegalArgumentException(fn + " is not supported by the local stack");
        }
    }

    private boolean truth(Object o) {
        Object v = resolve(o);
        return Boolean.TRUE.equals(v) || "true".equals(v);
    }

    public boolean condition(String name) {
        Object c = template.conditions().get(name);
        if (c == null) throw new IllegalArgumentException("unknown condition " + name);
        return truth(c);
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Region": return REGION;
            case "AWS::AccountId": return ACCOUNT;
            case "AWS::StackName": return STACK;
            case "AWS::StackId": return "arn:aws:cloudformation:" + REGION + ":" + ACCOUNT + ":stack/" + STACK + "/local";
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
            case "AWS::NoValue": return null;
            default:
        }
        if (template.parameters().containsKey(name)) {
            if (parameterOverrides.containsKey(name)) return parameterOverrides.get(name);
            Object p = template.parameters().get(name);
            Object def = p instanceof Map<?, ?> m ? m.get("Default") : null;
            if (def == null) throw new IllegalArgumentException("parameter " + name + " has no Default; pass --parameter " + name + "=...");
            return def instanceof List<?> l ? String.join(",", l.stream().map(String::valueOf).toList()) : String.valueOf(def);
        }
        return names.ref(name);
    }

    @SuppressWarnings("unchecked")
    private String sub(Object arg) {
        String text;
        Map<String, Object> vars = Map.of();
        if (arg instanceof List<?> l) {
            text = String.valueOf(l.get(0));
            vars = (Map<String, Object>) l.get(1);
        } else {
            text = String.valueOf(arg);
        }
        Matcher m = SUB_VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String var = m.group(1).trim();
            String value;
            if (vars.containsKey(var)) {
                value = resolveString(vars.get(var));
            } else if (var.contains(".") && !var.startsWith("AWS::")) {
                String[] p = var.split("\\.", 2);
                value = String.valueOf(names.getAtt(p[0], p[1]));
            } else {
                value = ref(var);
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value == null ? "" : value));
        }
        m.appendTail(sb);
        return sb.toString().replace("${!", "${");
    }
}
