package com.helpdesk.core.triage;

import com.helpdesk.core.orders.OrderContext;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Order context as evidence, after the model: a customer whose order is shipped with tracking and who asks
 * "where" (in any of the corpus's languages) wants to know where the order is. The model alone reads only the
 * text; "where do I send it back?" and "where is my parcel?" share a word, so the rule applies only when the model
 * already has {@code wismo} among its three best, and then makes it the best at no less than {@link #CONFIDENCE}.
 * Cancelled orders and shipments already delivered are not evidence (a "where" about those is a claim, not wismo).
 */
public final class OrderEvidence {
    /** The confidence wismo gets from the evidence: above the default tagging threshold, on purpose. */
    public static final double CONFIDENCE = 0.9;
    private static final Pattern WHERE = Pattern.compile(
            "\\b(where|wheres|when will|tracking|wo|wann|sendungsverfolgung|ou|quand|suivi|donde|cuando|seguimiento)\\b");

    private OrderEvidence() {}

    /** The prediction with the order context weighed in; {@code prediction} itself when the context says nothing. */
    public static IntentPrediction weigh(IntentPrediction prediction, String text, OrderContext context) {
        if (context == null || !hasShipmentInTransit(context) || !asksWhere(text)) return prediction;
        boolean wismoInTop3 = prediction.top(3).stream().anyMatch(s -> s.name() == IntentName.WISMO);
        if (!wismoInTop3) return prediction;
        double wismo = Math.max(CONFIDENCE, prediction.confidenceOf(IntentName.WISMO));
        double othersBefore = 1 - prediction.confidenceOf(IntentName.WISMO);
        double scale = othersBefore <= 0 ? 0 : (1 - wismo) / othersBefore;
        List<IntentScore> scores = new ArrayList<>();
        for (IntentScore s : prediction.ranked()) {
            scores.add(s.name() == IntentName.WISMO ? new IntentScore(IntentName.WISMO, wismo)
                    : new IntentScore(s.name(), Math.min(1, s.confidence() * scale)));
        }
        return new IntentPrediction(scores, prediction.language(), prediction.model());
    }

    /** A non-cancelled order with a fulfillment that has tracking and is not delivered yet. */
    static boolean hasShipmentInTransit(OrderContext context) {
        return context.orders().stream().filter(o -> o.cancelledAt() == null)
                .flatMap(o -> o.fulfillments().stream())
                .anyMatch(f -> (present(f.trackingNumber()) || present(f.trackingUrl())) && f.deliveredAt() == null
                        && !"delivered".equalsIgnoreCase(f.shipmentStatus()));
    }

    static boolean asksWhere(String text) {
        if (text == null) return false;
        String folded = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT);
        return WHERE.matcher(folded).find();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
