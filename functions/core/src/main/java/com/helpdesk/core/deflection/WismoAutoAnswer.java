package com.helpdesk.core.deflection;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.event.EventTypes;
import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContexts;
import com.helpdesk.core.orders.Store;
import com.helpdesk.core.orders.StoreRepository;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.service.ConflictRetry;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Delivery;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Transition;
import com.helpdesk.core.ticket.Visibility;
import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.TicketIntents;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The WISMO auto-answer on a ticket whose intent was (re)classified: reads the ticket, its intent and order context
 * and the store as they are now (a redelivered event decides on today's facts), decides ({@link WismoRules}) and
 * records the decision. An answer is one write of the ticket: the AI's public reply (sent through the ticket's channel
 * like an agent's), the resolution by the AI, the {@code ai-deflected} tag and the decision's event, on the condition
 * that the ticket is still at the version read, so two deliveries racing cannot both answer: the loser reads again
 * and finds the answer. A decision not to answer changes nothing on the ticket and goes to {@link AutoAnswerLog}.
 */
public final class WismoAutoAnswer {
    /** The AI as the author of its answers, and of the decisions. */
    public static final Actor AI = new Actor(ActorType.AI, "auto-answer", "AI assistant", null);
    private static final ConflictRetry RETRY = ConflictRetry.intake(false);

    /** Where the auto-answer reads and writes. */
    public record Ports(TicketRepository tickets, TicketIntents intents, OrderContexts contexts, StoreRepository stores, AutoAnswerLog log) {}

    private final Ports ports;
    private final WismoRules rules;
    private final WismoReply replies;
    private final IdGenerator ids;
    private final Clock clock;

    public WismoAutoAnswer(Ports ports, WismoRules rules, WismoReply replies, IdGenerator ids, Clock clock) {
        this.ports = ports;
        this.rules = rules;
        this.replies = replies;
        this.ids = ids;
        this.clock = clock;
    }

    /** The decision made and recorded; empty when there was none to make (not wismo, the order context still coming) or it was recorded before. */
    public Optional<WismoDecision> onIntentClassified(String ticketId) {
        return RETRY.run(() -> decideOnce(ticketId));
    }

    private Optional<WismoDecision> decideOnce(String ticketId) {
        TicketThread thread = ports.tickets().find(ticketId).orElseThrow(() -> new NotFoundException("no ticket " + ticketId));
        Intent intent = ports.intents().find(ticketId).map(TicketIntents.Stored::intent).orElse(null);
        OrderContext context = ports.contexts().find(ticketId).map(OrderContexts.Stored::context).orElse(null);
        Optional<Store> store = context == null ? Optional.empty() : ports.stores().find(context.store());
        boolean anyStore = context != null || !ports.stores().list().isEmpty();
        Optional<WismoDecision> decision = rules.decide(new WismoRules.Case(thread, intent, context, store, anyStore));
        if (decision.isEmpty()) return Optional.empty();
        EventStamp stamp = new EventStamp(ids, AI, clock.instant().truncatedTo(ChronoUnit.MILLIS));
        if (decision.get().answered()) {
            answer(thread, intent, context, decision.get(), stamp);
            return decision;
        }
        Optional<AutoAnswerLog.Last> last = ports.log().last(ticketId);
        if (last.isPresent() && last.get().key().equals(decision.get().key())) return Optional.empty();
        Ticket t = thread.ticket();
        ports.log().record(ticketId, decision.get().key(), last.map(AutoAnswerLog.Last::version).orElse(0L), t.version(),
                event(stamp, t, decision.get(), intent, null));
        return decision;
    }

    private void answer(TicketThread thread, Intent intent, OrderContext context, WismoDecision d, EventStamp stamp) {
        Ticket t = thread.ticket();
        Instant now = stamp.at();
        String name = t.requester().name() != null ? t.requester().name() : context.customer() == null ? null : context.customer().name();
        String body = replies.render(intent.language(), name, d.order(), d.shipment());
        Message reply = new Message(ids.newId("msg"), t.id(), AI, Visibility.PUBLIC, body, null, t.channel(), now, List.of(),
                WismoRules.ANSWER_KEY, null, null, Delivery.queued(now));
        Transition answered = t.answerByAi(reply, "answered by the AI: where is my order " + d.order().name(), stamp);
        List<DomainEvent> events = new ArrayList<>(answered.events());
        events.add(event(stamp, answered.ticket(), d, intent, reply.id()));
        ports.tickets().commit(new TicketWrite(t, answered.ticket(), List.of(reply), events));
    }

    /** The AutoAnswerDecided event (docs/events.md): the decision, what it was about, and for an answer what it said. */
    private static DomainEvent event(EventStamp stamp, Ticket t, WismoDecision d, Intent intent, String replyId) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("intent", "wismo");
        data.put("answered", d.answered());
        data.put("reason", d.answered() ? null : d.reason().wire());
        data.put("explanation", d.explanation());
        data.put("messageId", d.messageId());
        data.put("confidence", intent.confidence());
        data.put("language", WismoReply.language(intent.language()));
        if (d.answered()) {
            data.put("replyId", replyId);
            data.put("order", d.order().name());
            data.put("carrier", d.shipment().carrier());
            data.put("trackingNumber", d.shipment().trackingNumber());
            data.put("shipmentStatus", d.shipment().shipmentStatus());
        }
        return stamp.event(EventTypes.AUTO_ANSWER_DECIDED, t, data);
    }
}
