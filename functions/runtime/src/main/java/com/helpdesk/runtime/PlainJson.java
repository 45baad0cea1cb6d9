package com.helpdesk.runtime;

import com.fasterxml.jackson.core.JsonGenerator;

import java.io.IOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Collection;
import java.util.Map;

/**
 * JSON of plain values (maps with string keys, lists, strings, numbers, booleans, null) written with the project's
 * generator, and anything else through the project's mapper: the same text {@code Json.mapper().writeValueAsString}
 * writes, without building the mapper's serializers for the common case. Building them was the largest part of
 * writing a cold function's first event detail (some 100 ms of triage's first classification).
 */
public final class PlainJson {
    private PlainJson() {}

    public static String write(Object value) {
        return Json.write(g -> write(value, g));
    }

    private static void write(Object v, JsonGenerator g) throws IOException {
        if (v == null) g.writeNull();
        else if (v instanceof String s) g.writeString(s);
        else if (v instanceof Boolean b) g.writeBoolean(b);
        else if (v instanceof Integer || v instanceof Short || v instanceof Byte) g.writeNumber(((Number) v).intValue());
        else if (v instanceof Long l) g.writeNumber(l);
        else if (v instanceof Double d) g.writeNumber(d);
        else if (v instanceof Float f) g.writeNumber(f);
        else if (v instanceof BigDecimal d) g.writeNumber(d);
        else if (v instanceof BigInteger i) g.writeNumber(i);
        else if (v instanceof Map<?, ?> m && m.keySet().stream().allMatch(k -> k instanceof String)) {
            g.writeStartObject();
            for (Map.Entry<?, ?> e : m.entrySet()) {
                g.writeFieldName((String) e.getKey());
                write(e.getValue(), g);
            }
            g.writeEndObject();
        } else if (v instanceof Collection<?> c) {
            g.writeStartArray();
            for (Object o : c) write(o, g);
            g.writeEndArray();
        } else {
            g.writeObject(v); // records, enums, instants, optionals: the mapper's own serializers
        }
    }
}
