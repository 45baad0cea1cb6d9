package com.helpdesk.runtime;

import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/** Plain values written by the generator are the text the project's mapper writes, character for character. */
class PlainJsonTest {
    enum Kind { A }

    record Part(String name, Instant at) {}

    @Test
    void everyPlainValueAndWhatFallsBackToTheMapperIsTheMappersText() throws Exception {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("text", "Grüße \"quoted\" </script> \u0000 \n 🚚");
        data.put("none", null);
        data.put("yes", true);
        data.put("int", 7);
        data.put("long", 3_000_000_000L);
        data.put("double", 0.9999999491276994);
        data.put("whole double", 3600.0);
        data.put("float", 1.5f);
        data.put("big", new BigDecimal("12.3400"));
        data.put("bigInt", new BigInteger("123456789012345678901234567890"));
        data.put("list", Arrays.asList("a", null, 1, List.of()));
        data.put("nested", new TreeMap<>(Map.of("b", Map.of(), "a", List.of(Map.of("x", 1.0)))));
        data.put("instant", Instant.parse("2026-12-02T10:15:30.123Z"));
        data.put("enum", Kind.A);
        data.put("record", new Part("p", Instant.EPOCH));
        data.put("optional", Optional.of("o"));
        data.put("notStringKeys", Map.of(1, "one"));
        data.put("set", new java.util.LinkedHashSet<>(List.of("s1", "s2")));
        data.put("empty", new ArrayList<>());
        assertThat(PlainJson.write(data)).isEqualTo(Json.mapper().writeValueAsString(data));
        assertThat(PlainJson.write(null)).isEqualTo(Json.mapper().writeValueAsString(null));
        assertThat(PlainJson.write(List.of(1, "x"))).isEqualTo(Json.mapper().writeValueAsString(List.of(1, "x")));
    }
}
