package com.helpdesk.core.triage;

import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContext.Fulfillment;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class OrderEvidenceTest {
    private static final Instant NOW = Instant.parse("2026-12-01T10:00:00Z");

    private static IntentPrediction prediction(IntentName best, double p1, IntentName second, double p2, IntentName third, double p3) {
        double rest = (1 - p1 - p2 - p3) / 11;
        List<IntentScore> scores = new java.util.ArrayList<>();
        for (IntentName n : IntentName.values()) {
            double c = n == best ? p1 : n == second ? p2 : n == third ? p3 : rest;
            scores.add(new IntentScore(n, c));
        }
        return new IntentPrediction(scores, "en", "maxent-test");
    }

    private static OrderContext withFulfillment(Fulfillment f, Instant cancelledAt) {
        ShopOrder order = new ShopOrder("gid://shopify/Order/1", "#1001", NOW.minusSeconds(86400 * 3), "paid", "fulfilled",
                cancelledAt, "49.90", "EUR", List.of(), null, List.of(f), List.of(), List.of());
        return new OrderContext("demo", OrderContext.Status.OK, null, NOW, null, List.of(order));
    }

    private static final Fulfillment IN_TRANSIT = new Fulfillment("success", "DHL", "00340434161094042557",
            "https://www.dhl.de/track?id=00340434161094042557", "in_transit", null);

    @Test
    void aShipmentWithTrackingAndAWhereQuestionMakesWismoTheBestAtTheEvidenceConfidence() {
        IntentPrediction model = prediction(IntentName.MISSING_ITEM, 0.40, IntentName.WISMO, 0.35, IntentName.OTHER, 0.1);

        IntentPrediction weighed = OrderEvidence.weigh(model, "Where is my order #1001?", withFulfillment(IN_TRANSIT, null));

        assertThat(weighed.best().name()).isEqualTo(IntentName.WISMO);
        assertThat(weighed.best().confidence()).isEqualTo(OrderEvidence.CONFIDENCE);
        assertThat(weighed.ranked().stream().mapToDouble(IntentScore::confidence).sum()).isCloseTo(1.0, within(1e-9));
        assertThat(weighed.confidenceOf(IntentName.MISSING_ITEM)).isLessThan(0.40);
    }

    @Test
    void theWhereQuestionIsFoundInGermanFrenchAndSpanishWithOrWithoutAccents() {
        assertThat(OrderEvidence.asksWhere("Wo ist mein Paket?")).isTrue();
        assertThat(OrderEvidence.asksWhere("Où est ma commande ?")).isTrue();
        assertThat(OrderEvidence.asksWhere("il est ou mon colis")).isTrue();
        assertThat(OrderEvidence.asksWhere("¿Dónde está mi pedido?")).isTrue();
        assertThat(OrderEvidence.asksWhere("The lamp arrived broken")).isFalse();
        assertThat(OrderEvidence.asksWhere("somewhere nowhere")).isFalse();
    }

    @Test
    void withoutTrackingADeliveredShipmentOrACancelledOrderThePredictionStands() {
        IntentPrediction model = prediction(IntentName.MISSING_ITEM, 0.40, IntentName.WISMO, 0.35, IntentName.OTHER, 0.1);
        Fulfillment untracked = new Fulfillment("success", null, null, null, null, null);
        Fulfillment delivered = new Fulfillment("success", "DHL", "0034", null, "delivered", NOW.minusSeconds(3600));

        assertThat(OrderEvidence.weigh(model, "where is it", withFulfillment(untracked, null))).isSameAs(model);
        assertThat(OrderEvidence.weigh(model, "where is it", withFulfillment(delivered, null))).isSameAs(model);
        assertThat(OrderEvidence.weigh(model, "where is it", withFulfillment(IN_TRANSIT, NOW))).isSameAs(model);
        assertThat(OrderEvidence.weigh(model, "where is it", null)).isSameAs(model);
    }

    @Test
    void aWhereQuestionTheModelReadsAsSomethingElseEntirelyIsNotTurnedIntoWismo() {
        IntentPrediction model = prediction(IntentName.RETURN_REQUEST, 0.80, IntentName.EXCHANGE, 0.08, IntentName.BILLING, 0.05);

        IntentPrediction weighed = OrderEvidence.weigh(model, "Where do I drop off the return?", withFulfillment(IN_TRANSIT, null));

        assertThat(weighed).isSameAs(model);
    }

    @Test
    void noWhereQuestionNoEvidence() {
        IntentPrediction model = prediction(IntentName.DAMAGE_CLAIM, 0.50, IntentName.WISMO, 0.30, IntentName.OTHER, 0.1);

        assertThat(OrderEvidence.weigh(model, "the vase is broken", withFulfillment(IN_TRANSIT, null))).isSameAs(model);
    }
}
