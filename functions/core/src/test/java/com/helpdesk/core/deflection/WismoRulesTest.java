package com.helpdesk.core.deflection;

import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContext.MatchedBy;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;
import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.IntentName;
import com.helpdesk.core.triage.IntentSource;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static com.helpdesk.core.deflection.WismoCases.DELIVERED;
import static com.helpdesk.core.deflection.WismoCases.IN_TRANSIT;
import static com.helpdesk.core.deflection.WismoCases.NOW;
import static com.helpdesk.core.deflection.WismoCases.UNTRACKED;
import static com.helpdesk.core.deflection.WismoCases.context;
import static com.helpdesk.core.deflection.WismoCases.order;
import static com.helpdesk.core.deflection.WismoCases.store;
import static com.helpdesk.core.deflection.WismoCases.wismo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class WismoRulesTest {
    private final WismoRules rules = new WismoRules(new WismoSettings(0.8, "vip"));
    private static final Requester ANA = Requester.of("requester", "ana@example.com", null, "Ana Demo", null);
    private static final OrderContext ANAS_1001 = context(List.of("newsletter"),
            order("#1009", "2026-11-29T18:05:10Z", List.of(), MatchedBy.EMAIL),
            order("#1001", "2026-11-20T09:12:44Z", List.of(IN_TRANSIT), MatchedBy.EMAIL, MatchedBy.ORDER_NUMBER));

    private static Ticket ticket(Status status, Channel channel) {
        return Ticket.builder().id("tkt_1").number(1).subject("where is my order #1001").status(status).channel(channel)
                .requester(ANA).createdAt(NOW).updatedAt(NOW).version(2).build();
    }

    private static Message message(Actor by, Visibility visibility, String threading, int minute) {
        return new Message("msg_" + minute, "tkt_1", by, visibility, "where is my order #1001?", null, Channel.EMAIL,
                NOW.plusSeconds(60L * minute), List.of(), threading, null, null, null);
    }

    private static TicketThread thread(Status status, Channel channel, Message... more) {
        List<Message> messages = new ArrayList<>();
        messages.add(message(Actor.customer(ANA), Visibility.PUBLIC, null, 0));
        messages.addAll(List.of(more));
        return new TicketThread(ticket(status, channel), messages);
    }

    private Optional<WismoDecision> decide(TicketThread thread, Intent intent, OrderContext context, boolean storeOn) {
        return rules.decide(new WismoRules.Case(thread, intent, context, Optional.of(store(storeOn)), true));
    }

    private Optional<WismoDecision> decide(OrderContext context) {
        return decide(thread(Status.NEW, Channel.EMAIL), wismo(0.93), context, true);
    }

    private static SkipReason reason(Optional<WismoDecision> d) {
        assertThat(d).isPresent();
        return d.get().reason();
    }

    @Test
    void aConfidentWismoOfTheCustomersOwnNamedOrderInTransitIsAnswered() {
        WismoDecision d = decide(ANAS_1001).orElseThrow();
        assertThat(d.answered()).isTrue();
        assertThat(d.order().name()).as("the order she names, not her newest").isEqualTo("#1001");
        assertThat(d.shipment().trackingNumber()).isEqualTo("JD014600006281234567");
        assertThat(d.messageId()).isEqualTo("msg_0");
        assertThat(d.key()).isEqualTo("answered@msg_0");
    }

    @Test
    void withoutANamedOrderTheNewestOfTheCustomersOrdersIsMeant() {
        OrderContext unnamed = context(List.of(), order("#1002", "2026-11-21T10:00:00Z", List.of(DELIVERED), MatchedBy.EMAIL),
                order("#1003", "2026-11-22T15:30:00Z", List.of(), MatchedBy.EMAIL));
        assertThat(reason(decide(unnamed))).as("#1003 has not shipped: a human answers").isEqualTo(SkipReason.NO_TRACKING);
        OrderContext delivered = context(List.of(), order("#1002", "2026-11-21T10:00:00Z", List.of(DELIVERED), MatchedBy.PHONE));
        assertThat(decide(delivered).orElseThrow().order().name()).as("a delivered order is answered with its delivery").isEqualTo("#1002");
    }

    @Test
    void neverForAVipCustomerWhateverTheCaseOfTheTag() {
        OrderContext vip = context(List.of("VIP"), order("#1001", "2026-11-20T09:12:44Z", List.of(IN_TRANSIT), MatchedBy.EMAIL));
        Optional<WismoDecision> d = decide(vip);
        assertThat(reason(d)).isEqualTo(SkipReason.VIP_CUSTOMER);
        assertThat(d.get().explanation()).isEqualTo("the customer is a VIP (Shopify tag vip)");
    }

    @Test
    void neverWhenTheStoreHasItOffOrNoStoreIsConfigured() {
        assertThat(reason(decide(thread(Status.NEW, Channel.EMAIL), wismo(0.93), ANAS_1001, false))).isEqualTo(SkipReason.STORE_OFF);
        Optional<WismoDecision> noStore = rules.decide(new WismoRules.Case(thread(Status.NEW, Channel.EMAIL), wismo(0.93), null, Optional.empty(), false));
        assertThat(reason(noStore)).isEqualTo(SkipReason.STORE_OFF);
        assertThat(noStore.get().explanation()).contains("no store is configured");
    }

    @Test
    void neverWithoutTrackingOrWithAShipmentProblem() {
        assertThat(reason(decide(context(List.of(), order("#1005", "2026-11-20T09:00:00Z", List.of(UNTRACKED), MatchedBy.EMAIL)))))
                .isEqualTo(SkipReason.NO_TRACKING);
        OrderContext.Fulfillment failed = new OrderContext.Fulfillment("SUCCESS", "DHL", "JD1", null, "FAILURE", null);
        assertThat(reason(decide(context(List.of(), order("#1006", "2026-11-20T09:00:00Z", List.of(failed), MatchedBy.EMAIL)))))
                .isEqualTo(SkipReason.SHIPMENT_PROBLEM);
    }

    @Test
    void aCancelledFulfillmentIsNotTheShipmentWhenTheOrderWasShippedAgain() {
        // Admin GraphQL lists an order's fulfillments oldest first, a cancelled one (a voided label) with the new one
        OrderContext.Fulfillment voided = new OrderContext.Fulfillment("CANCELLED", "DHL Express", "JD014600000000000001", null, "CANCELED", null);
        WismoDecision d = decide(context(List.of(), order("#1007", "2026-11-20T09:00:00Z", List.of(voided, IN_TRANSIT), MatchedBy.EMAIL)))
                .orElseThrow();
        assertThat(d.answered()).as(d.explanation()).isTrue();
        assertThat(d.shipment()).isEqualTo(IN_TRANSIT);
        assertThat(reason(decide(context(List.of(), order("#1008", "2026-11-20T09:00:00Z", List.of(voided), MatchedBy.EMAIL)))))
                .as("only a cancelled one: a human looks").isEqualTo(SkipReason.SHIPMENT_PROBLEM);
    }

    @Test
    void neverTellsTheTrackingOfAnOrderFoundOnlyByTheNumberTheSenderTyped() {
        OrderContext someoneElses = context(List.of(), order("#1001", "2026-11-20T09:12:44Z", List.of(IN_TRANSIT), MatchedBy.ORDER_NUMBER));
        assertThat(reason(decide(someoneElses))).isEqualTo(SkipReason.ORDER_NOT_CUSTOMERS);
        assertThat(reason(decide(context(List.of())))).isEqualTo(SkipReason.NO_ORDER);
        OrderContext two = context(List.of(), order("#1001", "2026-11-20T09:12:44Z", List.of(IN_TRANSIT), MatchedBy.EMAIL, MatchedBy.ORDER_NUMBER),
                order("#1004", "2026-11-24T13:00:00Z", List.of(DELIVERED), MatchedBy.EMAIL, MatchedBy.ORDER_NUMBER));
        assertThat(reason(decide(two))).isEqualTo(SkipReason.SEVERAL_ORDERS);
    }

    @Test
    void onlyAConfidentAutomaticWismoOnAnOpenUnansweredTicketOfADeliveringChannel() {
        assertThat(decide(thread(Status.NEW, Channel.EMAIL), new Intent(IntentName.DAMAGE_CLAIM, 0.95, IntentSource.AUTO, "en", "m", List.of(), null, NOW),
                ANAS_1001, true)).as("not wismo: nothing to decide").isEmpty();
        assertThat(decide(thread(Status.NEW, Channel.EMAIL), null, ANAS_1001, true)).as("not classified yet").isEmpty();
        Optional<WismoDecision> low = decide(thread(Status.NEW, Channel.EMAIL), wismo(0.7), ANAS_1001, true);
        assertThat(reason(low)).isEqualTo(SkipReason.LOW_CONFIDENCE);
        assertThat(low.get().explanation()).contains("0.70, under 0.80");
        assertThat(reason(decide(thread(Status.NEW, Channel.EMAIL), new Intent(IntentName.WISMO, 1, IntentSource.AGENT, "en", "m", List.of(), null, NOW),
                ANAS_1001, true))).isEqualTo(SkipReason.INTENT_BY_AGENT);
        assertThat(reason(decide(thread(Status.PENDING, Channel.EMAIL), wismo(0.93), ANAS_1001, true))).isEqualTo(SkipReason.TICKET_NOT_OPEN);
        assertThat(reason(decide(thread(Status.OPEN, Channel.EMAIL, message(Actor.agent("alice"), Visibility.PUBLIC, null, 5)), wismo(0.93),
                ANAS_1001, true))).isEqualTo(SkipReason.HUMAN_ANSWERED);
        assertThat(decide(thread(Status.OPEN, Channel.EMAIL, message(Actor.agent("alice"), Visibility.INTERNAL, null, 5)), wismo(0.93),
                ANAS_1001, true).orElseThrow().answered()).as("an internal note is no answer").isTrue();
        assertThat(reason(decide(thread(Status.NEW, Channel.PHONE), wismo(0.93), ANAS_1001, true))).isEqualTo(SkipReason.CHANNEL_NOT_DELIVERED);
    }

    @Test
    void waitsForTheOrderContextWhileItIsComing() {
        assertThat(decide(thread(Status.NEW, Channel.EMAIL), wismo(0.93), null, true)).isEmpty();
        assertThat(decide(thread(Status.NEW, Channel.EMAIL), wismo(0.93), OrderContext.pending("demo", NOW), true)).isEmpty();
        OrderContext down = ANAS_1001.unavailable("shopify: demo.myshopify.com answered 503", NOW);
        assertThat(reason(decide(thread(Status.NEW, Channel.EMAIL), wismo(0.93), down, true))).isEqualTo(SkipReason.ORDER_CONTEXT_UNAVAILABLE);
    }

    @Test
    void neverTwiceAndTheSameQuestionAgainIsNoNewDecision() {
        Message answer = message(WismoAutoAnswer.AI, Visibility.PUBLIC, WismoRules.ANSWER_KEY, 1);
        assertThat(decide(thread(Status.OPEN, Channel.EMAIL, answer), wismo(0.93), ANAS_1001, true)).as("a redelivery").isEmpty();
        Message again = message(Actor.customer(ANA), Visibility.PUBLIC, null, 9);
        Optional<WismoDecision> d = decide(thread(Status.OPEN, Channel.EMAIL, answer, again), wismo(0.95), ANAS_1001, true);
        assertThat(reason(d)).isEqualTo(SkipReason.ALREADY_ANSWERED);
        assertThat(d.get().key()).isEqualTo("already-answered@msg_9");
    }

    @Test
    void theAutoAnswerThresholdIsAboveTheTaggingThreshold() {
        assertThatThrownBy(() -> WismoSettings.of(0.6, 0.6, "vip")).hasMessageContaining("must be above the intent threshold");
        assertThat(WismoSettings.of(0.85, 0.6, " vip ").vipCustomerTag()).isEqualTo("vip");
    }
}
