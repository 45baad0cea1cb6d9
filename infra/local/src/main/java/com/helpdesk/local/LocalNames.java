package com.helpdesk.local;

import com.helpdesk.local.template.Intrinsics;
import com.helpdesk.local.template.Resource;
import com.helpdesk.local.template.Template;

import java.util.HashMap;
import java.util.Map;

/** Physical names and attributes of the template's resources as the local stack created them. */
final class LocalNames implements Intrinsics.Names {
    private final Template template;
    private final Map<String, String> refs = new HashMap<>();
    private final Map<String, Map<String, Object>> attributes = new HashMap<>();

    LocalNames(Template template) {
        this.template = template;
    }

    void register(String logicalId, String ref, Map<String, Object> attrs) {
        refs.put(logicalId, ref);
        attributes.computeIfAbsent(logicalId, k -> new HashMap<>()).putAll(attrs);
    }

    static String defaultName(String logicalId) {
        return Intrinsics.STACK + "-" + logicalId;
    }

    @Override
    public String ref(String logicalId) {
        if (refs.containsKey(logicalId)) return refs.get(logicalId);
        if (template.get(logicalId) == null) throw new IllegalArgumentException("Ref to unknown resource or parameter " + logicalId);
        return defaultName(logicalId);
    }

    @Override
    public Object getAtt(String logicalId, String attribute) {
        Map<String, Object> attrs = attributes.get(logicalId);
        if (attrs != null && attrs.containsKey(attribute)) return attrs.get(attribute);
        Resource r = template.get(logicalId);
        if (r == null) throw new IllegalArgumentException("GetAtt of unknown resource " + logicalId);
        if (attribute.equals("Arn")) {
            String service = r.type().split("::")[1].toLowerCase();
            return "arn:aws:" + service + ":" + Intrinsics.REGION + ":" + Intrinsics.ACCOUNT + ":" + ref(logicalId);
        }
        return ref(logicalId) + "-" + attribute;
    }
}
