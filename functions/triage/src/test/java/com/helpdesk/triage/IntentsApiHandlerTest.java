package com.helpdesk.triage;

import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.triage.IntentPolicy;
import com.helpdesk.core.triage.IntentRecords;
import com.helpdesk.core.triage.IntentTriage;
import com.helpdesk.core.triage.TicketIntents;
import com.helpdesk.intentmodel.MaxentIntentClassifier;
import com.helpdesk.runtime.Json;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.time.Clock;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verifyNoInteractions;

/** POST /intents/classify with the model the build trained (events/api/classify-intent.json). */
class IntentsApiHandlerTest {
    private static IntentsApiHandler handler;
    private static final TicketIntents intents = mock(TicketIntents.class);

    @BeforeAll
    static void load() {
        IntentTriage triage = new IntentTriage(MaxentIntentClassifier.load(), new IntentPolicy(0.6),
                new IntentRecords(intents, new UlidGenerator(Clock.systemUTC()), Clock.systemUTC()));
        handler = new IntentsApiHandler(triage);
    }

    static APIGatewayV2HTTPEvent sample() {
        return EventLoader.loadApiGatewayHttpEvent("../../events/api/classify-intent.json");
    }

    static APIGatewayV2HTTPEvent withBody(String body) {
        APIGatewayV2HTTPEvent e = sample();
        e.setBody(body);
        return e;
    }

    @Test
    void theSampleIsWismoInEnglishWithThreeSuggestionsAndNothingIsStored() throws Exception {
        APIGatewayV2HTTPResponse r = handler.handle(sample(), null);

        assertThat(r.getStatusCode()).isEqualTo(200);
        JsonNode body = Json.mapper().readTree(r.getBody());
        assertThat(body.get("intent").asText()).isEqualTo("wismo");
        assertThat(body.get("language").asText()).isEqualTo("en");
        assertThat(body.get("confidence").asDouble()).isGreaterThanOrEqualTo(0.6);
        assertThat(body.get("model").asText()).startsWith("maxent-");
        assertThat(body.get("suggestions")).hasSize(3);
        assertThat(body.get("suggestions").get(0).get("intent").asText()).isEqualTo("wismo");
        verifyNoInteractions(intents);
    }

    @Test
    void germanAndSpanishAreRead() throws Exception {
        JsonNode de = Json.mapper().readTree(handler.handle(withBody("{\"text\":\"Ich möchte meine Bestellung stornieren\"}"), null).getBody());
        JsonNode es = Json.mapper().readTree(handler.handle(withBody("{\"subject\":\"pedido\",\"text\":\"me cobrasteis dos veces\"}"), null).getBody());

        assertThat(de.get("language").asText()).isEqualTo("de");
        assertThat(de.get("suggestions").get(0).get("intent").asText()).isEqualTo("cancellation");
        assertThat(es.get("language").asText()).isEqualTo("es");
        assertThat(es.get("suggestions").get(0).get("intent").asText()).isEqualTo("billing");
    }

    @Test
    void aMissingOrEmptyTextOrAnUnknownFieldIsA400NamingTheField() {
        APIGatewayV2HTTPResponse missing = handler.handle(withBody("{\"subject\":\"hi\"}"), null);
        APIGatewayV2HTTPResponse empty = handler.handle(withBody("{\"text\":\"   \"}"), null);
        APIGatewayV2HTTPResponse unknown = handler.handle(withBody("{\"text\":\"where\",\"orderId\":\"1\"}"), null);
        APIGatewayV2HTTPResponse wrongType = handler.handle(withBody("{\"text\":42}"), null);

        for (APIGatewayV2HTTPResponse r : new APIGatewayV2HTTPResponse[] {missing, empty, unknown, wrongType}) {
            assertThat(r.getStatusCode()).isEqualTo(400);
            assertThat(r.getHeaders().get("Content-Type")).contains("application/problem+json");
        }
        assertThat(missing.getBody()).contains("text");
        assertThat(empty.getBody()).contains("text");
        assertThat(unknown.getBody()).contains("orderId");
    }

    @Test
    void agentsAndIntegrationsMayClassifyACustomerMayNot() {
        for (String group : new String[] {"[agent]", "[integration]"}) {
            APIGatewayV2HTTPEvent e = sample();
            e.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", group);
            assertThat(handler.handle(e, null).getStatusCode()).as(group).isEqualTo(200);
        }
        APIGatewayV2HTTPEvent nobody = sample();
        nobody.getRequestContext().getAuthorizer().getJwt().getClaims().put("cognito:groups", "[]");
        assertThat(handler.handle(nobody, null).getStatusCode()).isEqualTo(403);
    }
}
