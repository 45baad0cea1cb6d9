package com.helpdesk.http;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class PrimingRequestsTest {
    @Test
    void aPrimingRequestReachesItsRouteAsAnAgentWithItsPathAndQueryParameters() {
        List<ApiRequest> seen = new ArrayList<>();
        Router router = new Router().route("GET /tickets/{id}", java.util.Set.of(Caller.AGENT), r -> {
            seen.add(r);
            return ApiResponse.json(200, Map.of());
        });

        PrimingRequests.get(router, "GET /tickets/{id}", "/tickets/" + PrimingRequests.NO_TICKET + "?limit=1");

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).pathParameter("id")).isEqualTo("0");
        assertThat(seen.get(0).query("limit")).isEqualTo("1");
        assertThat(seen.get(0).caller().roles()).contains(Caller.AGENT, Caller.ADMIN);
    }

    @Test
    void aPrimingPostReachesItsRouteWithItsJsonBody() {
        List<ApiRequest> seen = new ArrayList<>();
        Router router = new Router().route("POST /intents/classify", java.util.Set.of(Caller.AGENT), r -> {
            seen.add(r);
            return ApiResponse.json(200, Map.of());
        });

        PrimingRequests.postToRouteThatStoresNothing(router, "POST /intents/classify", "/intents/classify", "{\"text\":\"where is my order\"}");

        assertThat(seen).hasSize(1);
        assertThat(seen.get(0).bodyText()).isEqualTo("{\"text\":\"where is my order\"}");
        assertThat(seen.get(0).header("Content-Type")).isEqualTo("application/json");
    }
}
