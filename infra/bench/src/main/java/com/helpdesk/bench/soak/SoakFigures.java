package com.helpdesk.bench.soak;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The soak's count. Goals: nothing lost (every message in is stored, every reply written is sent, every event
 * written is delivered), nothing duplicated (tickets, messages, replies sent, events on the bus), every poison
 * message in a dead-letter queue with its reason, and the redrive puts it back where it is parked again, once.
 *
 * @param rounds        rounds of the mix
 * @param mailIn        mails delivered (each resent after a server error, as SES retries)
 * @param mailStored    tickets found for those senders
 * @param chatIn        chat conversations (each webhook delivered twice)
 * @param chatStored    tickets found for those customers
 * @param apiIn         tickets opened through the API (with an Idempotency-Key)
 * @param apiStored     tickets found for those requesters
 * @param refused       answers still refused after the resends
 * @param repliesIn     public replies written by agents
 * @param repliesSent   of those, received by SES or the chat provider (at most once each)
 * @param duplicates    tickets, customer messages or replies sent more than once
 * @param eventsWritten events the outbox wrote during the soak
 * @param eventsDelivered of those, put on the bus
 * @param duplicateEventsOnBus puts of an event id beyond its first
 * @param ticketsWithoutOneTicketCreated tickets of the mix without exactly one TicketCreated on the bus
 * @param deadLetters   every parked message with its queue and reason
 * @param poisonIn      poison messages sent to the inbound queue
 * @param poisonParked  of those, in a dead-letter queue with a reason
 * @param redriven      messages the operators' `dlq redrive` moved back to their source queue
 * @param parkedAfterRedrive poison messages parked again after the redrive (each once)
 * @param faults        faults injected, by kind
 * @param clientRetries resends after a server error or throttle
 */
public record SoakFigures(int rounds, int mailIn, int mailStored, int chatIn, int chatStored, int apiIn, int apiStored, List<String> refused,
                          int repliesIn, int repliesSent, int duplicates, int eventsWritten, int eventsDelivered, int duplicateEventsOnBus,
                          int ticketsWithoutOneTicketCreated,
                          List<SoakLedger.DeadLetter> deadLetters, int poisonIn, int poisonParked, int redriven, int parkedAfterRedrive,
                          Map<String, Integer> faults, int clientRetries) {

    public int lost() {
        return Math.max(0, mailIn - mailStored) + Math.max(0, chatIn - chatStored) + Math.max(0, apiIn - apiStored)
                + Math.max(0, repliesIn - repliesSent) + Math.max(0, eventsWritten - eventsDelivered);
    }

    public int duplicated() {
        return duplicates + duplicateEventsOnBus + Math.max(0, mailStored - mailIn) + Math.max(0, chatStored - chatIn)
                + Math.max(0, apiStored - apiIn);
    }

    /** The goals not met, in words; empty when the soak passed. */
    public List<String> missedGoals() {
        List<String> out = new ArrayList<>();
        if (lost() > 0) out.add(lost() + " lost");
        if (duplicated() > 0) out.add(duplicated() + " duplicated");
        if (ticketsWithoutOneTicketCreated > 0) out.add(ticketsWithoutOneTicketCreated + " tickets without exactly one TicketCreated on the bus");
        if (!refused.isEmpty()) out.add(refused.size() + " refused after resends: " + refused);
        if (poisonParked != poisonIn) out.add(poisonParked + " of " + poisonIn + " poison messages parked with a reason");
        if (parkedAfterRedrive != poisonIn) out.add(parkedAfterRedrive + " of " + poisonIn + " poison messages parked again, once, after the redrive");
        if (redriven < poisonIn) out.add("the redrive moved " + redriven + " of " + poisonIn + " poison messages");
        return out;
    }

    /** The figures in the order they are read: in against stored, written against delivered, then what went wrong on purpose. */
    public Map<String, Object> table() {
        Map<String, Object> t = new LinkedHashMap<>();
        t.put("rounds", rounds);
        t.put("mail in / stored", mailIn + " / " + mailStored);
        t.put("chat in (each webhook delivered twice) / stored", chatIn + " / " + chatStored);
        t.put("api tickets in / stored", apiIn + " / " + apiStored);
        t.put("replies written / sent", repliesIn + " / " + repliesSent);
        t.put("events written / delivered", eventsWritten + " / " + eventsDelivered);
        t.put("duplicate events on the bus", duplicateEventsOnBus);
        t.put("tickets without exactly one TicketCreated", ticketsWithoutOneTicketCreated);
        t.put("duplicate tickets, messages or sends", duplicates);
        t.put("lost", lost());
        t.put("duplicated", duplicated());
        t.put("refused after resends", refused.size());
        t.put("client resends after 5xx/429", clientRetries);
        t.put("faults injected", faults);
        t.put("poison in / parked with a reason", poisonIn + " / " + poisonParked);
        t.put("redriven (dlq redrive) / parked again", redriven + " / " + parkedAfterRedrive);
        t.put("dead letters", deadLetters.size());
        for (SoakLedger.DeadLetter d : deadLetters) t.put("  " + d.queue() + " " + d.messageId(), d.reason());
        return t;
    }

    public String print() {
        StringBuilder b = new StringBuilder("soak figures\n");
        table().forEach((k, v) -> b.append(String.format("  %-50s %s%n", k, v)));
        return b.toString();
    }
}
