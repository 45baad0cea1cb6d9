package com.helpdesk.local.template;

import com.helpdesk.localaws.CfnYaml;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A parsed SAM/CloudFormation template: parameters, conditions, rules, and resources with SAM Globals applied. */
public final class Template {
    private final Path folder;
    private final Map<String, Object> parameters;
    private final Map<String, Object> conditions;
    private final Map<String, Object> mappings;
    private final Map<String, Object> rules;
    private final List<Resource> resources = new ArrayList<>();

    @SuppressWarnings("unchecked")
    private Template(Path folder, Map<String, Object> doc) {
        this.folder = folder;
        this.parameters = (Map<String, Object>) doc.getOrDefault("Parameters", Map.of());
        this.conditions = (Map<String, Object>) doc.getOrDefault("Conditions", Map.of());
        this.mappings = (Map<String, Object>) doc.getOrDefault("Mappings", Map.of());
        this.rules = (Map<String, Object>) doc.getOrDefault("Rules", Map.of());
        Map<String, Object> globals = (Map<String, Object>) doc.getOrDefault("Globals", Map.of());
        Map<String, Object> res = (Map<String, Object>) doc.get("Resources");
        if (res == null || res.isEmpty()) throw new IllegalArgumentException("template has no Resources");
        res.forEach((id, body) -> {
            Map<String, Object> r = (Map<String, Object>) body;
            String type = String.valueOf(r.get("Type"));
            Map<String, Object> props = new LinkedHashMap<>((Map<String, Object>) r.getOrDefault("Properties", Map.of()));
            String globalSection = switch (type) {
                case "AWS::Serverless::Function" -> "Function";
                case "AWS::Serverless::HttpApi" -> "HttpApi";
                case "AWS::Serverless::Api" -> "Api";
                default -> null;
            };
            if (globalSection != null && globals.get(globalSection) instanceof Map<?, ?> g) {
                props = merge((Map<String, Object>) g, props);
            }
            resources.add(new Resource(id, type, props));
        });
    }

    public static Template read(Path file) {
        try {
            return new Template(file.toAbsolutePath().getParent(), CfnYaml.parse(Files.readString(file)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /** Globals under resource properties: maps merge (the resource wins), everything else is replaced. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> merge(Map<String, Object> global, Map<String, Object> local) {
        Map<String, Object> out = new LinkedHashMap<>(global);
        local.forEach((k, v) -> {
            Object g = out.get(k);
            if (g instanceof Map && v instanceof Map) {
                out.put(k, merge((Map<String, Object>) g, (Map<String, Object>) v));
            } else {
                out.put(k, v);
            }
        });
        return out;
    }

    public Path folder() { return folder; }
    public Map<String, Object> parameters() { return parameters; }
    public Map<String, Object> conditions() { return conditions; }
    public Map<String, Object> mappings() { return mappings; }
    /** The Rules section: deploy-time assertions on the parameters (see {@link TemplateRules}). */
    public Map<String, Object> rules() { return rules; }
    public List<Resource> resources() { return resources; }

    public List<Resource> ofType(String type) {
        return resources.stream().filter(r -> r.type().equals(type)).toList();
    }

    public Resource get(String logicalId) {
        return resources.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst().orElse(null);
    }
}
