package com.helpdesk.local.api;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RouteTest {
    @Test
    void pathParametersAndGreedyPaths() {
        Route one = Route.of("GET", "/tickets/{id}", "Fn", null, List.of());
        assertThat(one.match("/tickets/tkt_1")).isEqualTo(Map.of("id", "tkt_1"));
        assertThat(one.match("/tickets/tkt_1/messages")).isNull();
        assertThat(one.match("/tickets/")).isNull();
        Route greedy = Route.of("ANY", "/files/{proxy+}", "Fn", null, List.of());
        assertThat(greedy.match("/files/a/b/c.txt")).isEqualTo(Map.of("proxy", "a/b/c.txt"));
        assertThat(greedy.allows("DELETE")).isTrue();
        assertThat(one.allows("POST")).isFalse();
        assertThat(one.routeKey()).isEqualTo("GET /tickets/{id}");
    }

    @Test
    void staticSegmentsAreMoreSpecificThanParameters() {
        Route param = Route.of("GET", "/tickets/{id}", "A", null, List.of());
        Route fixed = Route.of("GET", "/tickets/export", "B", null, List.of());
        Route fallback = Route.of("ANY", "$default", "C", null, List.of());
        assertThat(fixed.specificity()).isGreaterThan(param.specificity());
        assertThat(param.specificity()).isGreaterThan(fallback.specificity());
    }
}
