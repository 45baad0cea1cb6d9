package com.helpdesk.store;

import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/** An item's size as DynamoDB bills it (the documented rules: names and values in bytes; 3 bytes per list or map, 1 per element). */
public final class ItemSize {
    private ItemSize() {}

    public static int of(Map<String, AttributeValue> item) {
        int size = 0;
        for (Map.Entry<String, AttributeValue> a : item.entrySet()) size += utf8(a.getKey()) + value(a.getValue());
        return size;
    }

    private static int value(AttributeValue v) {
        if (v.s() != null) return utf8(v.s());
        if (v.n() != null) return (v.n().replaceAll("[^0-9]", "").replaceFirst("^0+", "").length() + 1) / 2 + 1;
        if (v.b() != null) return v.b().asByteArray().length;
        if (v.bool() != null || Boolean.TRUE.equals(v.nul())) return 1;
        if (v.hasL()) return 3 + v.l().stream().mapToInt(x -> 1 + value(x)).sum();
        if (v.hasM()) return 3 + v.m().entrySet().stream().mapToInt(e -> 1 + utf8(e.getKey()) + value(e.getValue())).sum();
        if (v.hasSs()) return v.ss().stream().mapToInt(ItemSize::utf8).sum();
        return 0;
    }

    private static int utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8).length;
    }
}
