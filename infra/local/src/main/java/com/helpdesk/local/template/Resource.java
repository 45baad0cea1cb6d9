package com.helpdesk.local.template;

import java.util.Map;

/** One resource of the template, Globals already merged in; properties still hold unresolved intrinsics. */
public record Resource(String logicalId, String type, Map<String, Object> properties) {
    @SuppressWarnings("unchecked")
    public Map<String, Object> map(String name) {
        Object v = properties.get(name);
        return v instanceof Map ? (Map<String, Object>) v : Map.of();
    }
}
