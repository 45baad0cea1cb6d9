package com.helpdesk.localaws;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The environment variables template.yaml gives one function (its own over the Globals), with the
 * intrinsic values a deployment fills in (!Ref, !Sub, !GetAtt) replaced by plausible literals of the
 * same shape: a parameter's default, a table or bucket name, a queue URL (of a FIFO queue when the
 * queue is one), an execute-api URL. Tests build each function's configuration from these, so a
 * variable renamed in the template or in the code alone fails the build.
 */
public final class TemplateVariables {
    static final String STACK = "helpdesk";
    static final String REGION = "us-east-1";
    static final String ACCOUNT = "123456789012";
    private static final Pattern SUB_VAR = Pattern.compile("\\$\\{([^}!][^}]*)}");

    private final Map<String, Object> parameters;
    private final Map<String, Object> resources;
    private final Map<String, Object> globals;

    @SuppressWarnings("unchecked")
    private TemplateVariables(Map<String, Object> doc) {
        this.parameters = (Map<String, Object>) doc.getOrDefault("Parameters", Map.of());
        this.resources = (Map<String, Object>) doc.getOrDefault("Resources", Map.of());
        Map<String, Object> g = (Map<String, Object>) doc.getOrDefault("Globals", Map.of());
        this.globals = (Map<String, Object>) g.getOrDefault("Function", Map.of());
    }

    /** The project's template.yaml, found from the system property helpdesk.root (a module's tests run two levels below it). */
    public static TemplateVariables ofProject() {
        return of(Path.of(System.getProperty("helpdesk.root", "../..")).resolve("template.yaml"));
    }

    public static TemplateVariables of(Path template) {
        try {
            return new TemplateVariables(CfnYaml.parse(Files.readString(template)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + template.toAbsolutePath(), e);
        }
    }

    /** Every variable the function's environment holds, Globals first, as a deployment would set them. */
    public Map<String, String> forFunction(String functionLogicalId) {
        Map<String, String> env = new LinkedHashMap<>();
        variables(globals).forEach((k, v) -> env.put(k, literal(v)));
        variables(function(functionLogicalId)).forEach((k, v) -> env.put(k, literal(v)));
        return env;
    }

    /**
     * The function's variables plus those Lambda itself sets in every execution environment (the region and
     * the role's session credentials): what the function reads at init in AWS.
     */
    public Map<String, String> lambdaEnvironment(String functionLogicalId) {
        Map<String, String> env = new LinkedHashMap<>(forFunction(functionLogicalId));
        env.put("AWS_REGION", REGION);
        env.put("AWS_DEFAULT_REGION", REGION);
        env.put("AWS_ACCESS_KEY_ID", "ASIAEXAMPLEEXAMPLE");
        env.put("AWS_SECRET_ACCESS_KEY", "example-secret");
        env.put("AWS_SESSION_TOKEN", "example-session-token");
        env.put("AWS_LAMBDA_FUNCTION_NAME", STACK + "-" + functionLogicalId);
        return env;
    }

    /** Only the variables the function's own Environment sets (not the Globals). */
    public Map<String, String> ownFor(String functionLogicalId) {
        Map<String, String> env = new LinkedHashMap<>();
        variables(function(functionLogicalId)).forEach((k, v) -> env.put(k, literal(v)));
        return env;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> function(String logicalId) {
        Map<String, Object> r = (Map<String, Object>) resources.get(logicalId);
        if (r == null || !"AWS::Serverless::Function".equals(r.get("Type"))) {
            throw new IllegalArgumentException("template.yaml has no function " + logicalId);
        }
        return (Map<String, Object>) r.getOrDefault("Properties", Map.of());
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> variables(Map<String, Object> properties) {
        Map<String, Object> environment = (Map<String, Object>) properties.getOrDefault("Environment", Map.of());
        return (Map<String, Object>) environment.getOrDefault("Variables", Map.of());
    }

    @SuppressWarnings("unchecked")
    private String literal(Object value) {
        if (value == null) return "";
        if (!(value instanceof Map<?, ?> m)) return String.valueOf(value);
        if (m.containsKey("Ref")) return ref(String.valueOf(m.get("Ref")));
        if (m.containsKey("Fn::Sub")) {
            Object arg = m.get("Fn::Sub");
            if (arg instanceof List<?> l) throw new IllegalArgumentException("Fn::Sub with variables is not supported here: " + l);
            return sub(String.valueOf(arg));
        }
        if (m.containsKey("Fn::GetAtt")) {
            List<Object> parts = (List<Object>) m.get("Fn::GetAtt");
            return getAtt(String.valueOf(parts.get(0)), String.valueOf(parts.get(1)));
        }
        throw new IllegalArgumentException("no literal for " + m + " (extend TemplateVariables)");
    }

    private String sub(String text) {
        Matcher m = SUB_VAR.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String name = m.group(1);
            int dot = name.indexOf('.');
            String value = dot > 0 && !name.startsWith("AWS::") ? getAtt(name.substring(0, dot), name.substring(dot + 1)) : ref(name);
            m.appendReplacement(out, Matcher.quoteReplacement(value));
        }
        m.appendTail(out);
        return out.toString();
    }

    @SuppressWarnings("unchecked")
    private String ref(String name) {
        switch (name) {
            case "AWS::StackName": return STACK;
            case "AWS::Region": return REGION;
            case "AWS::AccountId": return ACCOUNT;
            case "AWS::Partition": return "aws";
            case "AWS::URLSuffix": return "amazonaws.com";
            default: break;
        }
        if (parameters.get(name) instanceof Map<?, ?> p) {
            if (!p.containsKey("Default")) throw new IllegalArgumentException("parameter " + name + " has no default");
            return String.valueOf(p.get("Default"));
        }
        Map<String, Object> r = (Map<String, Object>) resources.get(name);
        if (r == null) throw new IllegalArgumentException("Ref to unknown resource or parameter " + name);
        Map<String, Object> props = (Map<String, Object>) r.getOrDefault("Properties", Map.of());
        return switch (String.valueOf(r.get("Type"))) {
            case "AWS::SQS::Queue" -> "https://sqs." + REGION + ".amazonaws.com/" + ACCOUNT + "/" + STACK + "-" + name
                    + (Boolean.parseBoolean(String.valueOf(props.get("FifoQueue"))) ? ".fifo" : "");
            case "AWS::S3::Bucket" -> (STACK + "-" + name + "-1a2b3c4d").toLowerCase(Locale.ROOT);
            case "AWS::Events::EventBus" -> STACK + "-bus";
            case "AWS::Serverless::HttpApi", "AWS::Serverless::Api" -> "a1b2c3d4e5";
            default -> STACK + "-" + name + "-1A2B3C4D";
        };
    }

    private String getAtt(String resource, String attribute) {
        if (attribute.equals("Arn")) return "arn:aws:service:" + REGION + ":" + ACCOUNT + ":" + ref(resource);
        return ref(resource) + "-" + attribute;
    }
}
