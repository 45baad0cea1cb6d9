package com.helpdesk.core.triage;

import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Ticket;

import java.util.Optional;

/**
 * Classification of tickets: what the classifier says about a customer's words (weighed with the order
 * context) becomes the ticket's intent and its tag ({@link IntentRecords}). An agent's intent stands: later
 * customer messages no longer reclassify the ticket.
 */
public final class IntentTriage {
    public static final String COMPONENT = "triage";
    private final IntentClassifier classifier;
    private final IntentPolicy policy;
    private final IntentRecords records;

    public IntentTriage(IntentClassifier classifier, IntentPolicy policy, IntentRecords records) {
        this.classifier = classifier;
        this.policy = policy;
        this.records = records;
    }

    /** What the classifier says about a text, weighed with an order context when there is one; nothing is stored. */
    public IntentPrediction predict(String subject, String text, OrderContext orders) {
        return OrderEvidence.weigh(classifier.classify(subject, text), text, orders);
    }

    public IntentPolicy policy() {
        return policy;
    }

    public IntentRecords records() {
        return records;
    }

    /**
     * Classifies a customer's words on {@code ticket}; empty when the ticket's intent is an agent's, which stands, or
     * when the classification only restates the stored intent on a ticket already tagged with it (nothing changes, so
     * nothing is written and no IntentClassified event goes out again: a ticket's creation and its first message both
     * ask about the same words).
     */
    public Optional<Intent> classify(Ticket ticket, String subject, String text, OrderContext orders) {
        return classify(ticket, subject, text, orders, false);
    }

    /**
     * As {@link #classify}, on new evidence (the ticket's order context arrived): recorded even when it restates the
     * stored intent, since its consumers wait for the IntentClassified that follows the evidence (the auto-answer
     * decides on it, docs/deflection.md).
     */
    public Optional<Intent> classifyOnEvidence(Ticket ticket, String subject, String text, OrderContext orders) {
        return classify(ticket, subject, text, orders, true);
    }

    private Optional<Intent> classify(Ticket ticket, String subject, String text, OrderContext orders, boolean evidence) {
        Optional<TicketIntents.Stored> stored = records.find(ticket.id());
        if (stored.isPresent() && stored.get().intent().source() == IntentSource.AGENT) return Optional.empty();
        EventStamp stamp = records.stamp(Actor.system(COMPONENT));
        Intent intent = policy.decide(predict(subject, text, orders), stamp.at());
        boolean restated = stored.isPresent() && intent.restates(stored.get().intent()) && ticket.taggedAs(intent.tag());
        if (restated && !evidence) return Optional.empty();
        records.save(ticket, intent, stored, stamp);
        return Optional.of(intent);
    }
}
