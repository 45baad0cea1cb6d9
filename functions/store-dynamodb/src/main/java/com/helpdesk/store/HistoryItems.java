package com.helpdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.runtime.Json;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

/**
 * A ticket event's one item: the permanent audit record of the change (history, access pattern 12a) and,
 * by its insert on the table's stream, the outbox entry the relay puts on the bus. It carries the outbox
 * contract's attributes ({@code eventId}, {@code detailType}, {@code source}, {@code ticketId},
 * {@code occurredAt}, {@code detail} = the bus detail) and the outbox-by-time keys on GSI1 that the
 * operators' replay reads. Items written before the history became the outbox ({@code action},
 * {@code ticketNumber}, {@code actor} and the event's data as {@code detail}, no {@code source}) still read;
 * their events went out through their own outbox item.
 */
final class HistoryItems {
    private HistoryItems() {}

    /**
     * The number of a change's further events, on its first event's item: those share its time and are left out of the
     * outbox-by-time index (GSI1), which the operators' replay reads; it finds them through the first one.
     */
    static final String FOLLOWERS = "followers";

    /**
     * The items of one change's events, in order. Each event whose time is the first event's is found through the first
     * (replay reads the change's history items, {@code HISTORY#<version>#}), so only the first carries GSI1 keys: a
     * change with 3 events pays 1 index write, not 3 (2 WRU each in a transaction). An event at another time keeps its own.
     */
    static java.util.List<Map<String, AttributeValue>> change(java.util.List<DomainEvent> events, String source,
                                                                java.util.function.IntFunction<String> sk) {
        java.util.List<Map<String, AttributeValue>> items = new java.util.ArrayList<>();
        int followers = 0;
        for (int i = 0; i < events.size(); i++) {
            DomainEvent e = events.get(i);
            Map<String, AttributeValue> item = item(e, source, sk.apply(i));
            if (i > 0 && e.occurredAt().equals(events.get(0).occurredAt())) {
                item.remove("GSI1PK");
                item.remove("GSI1SK");
                followers++;
            }
            items.add(item);
        }
        if (followers > 0) items.get(0).put(FOLLOWERS, ItemMapper.n(followers));
        return items;
    }

    static Map<String, AttributeValue> item(DomainEvent e, String source, String sk) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("PK", ItemMapper.s(Keys.ticketPk(e.ticketId())));
        m.put("SK", ItemMapper.s(sk));
        m.put("type", ItemMapper.s(ItemMapper.TYPE_HISTORY));
        m.put("eventId", ItemMapper.s(e.id()));
        m.put("detailType", ItemMapper.s(e.type()));
        m.put("source", ItemMapper.s(source));
        m.put("ticketId", ItemMapper.s(e.ticketId()));
        m.put("occurredAt", ItemMapper.s(Keys.time(e.occurredAt())));
        m.put("detail", ItemMapper.s(ItemMapper.detailJson(e)));
        m.put("GSI1PK", ItemMapper.s(Keys.outboxPartition(e.occurredAt(), e.id())));
        m.put("GSI1SK", ItemMapper.s(Keys.outboxSort(e.occurredAt(), e.id())));
        return m;
    }

    /** The event a history item records, in either shape. */
    static DomainEvent event(Map<String, AttributeValue> m) {
        return m.containsKey("source") ? fromBusDetail(m) : legacy(m);
    }

    @SuppressWarnings("unchecked")
    private static DomainEvent fromBusDetail(Map<String, AttributeValue> m) {
        Map<String, Object> detail = json(m);
        Object actor = detail.get("actor");
        Map<String, Object> a = actor instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
        Actor by = a.get("type") == null ? null : new Actor(ActorType.parse("actor.type", (String) a.get("type")), (String) a.get("id"),
                (String) a.get("name"), (String) a.get("email"));
        Object data = detail.get("data");
        return new DomainEvent(ItemMapper.str(m, "eventId"), ItemMapper.str(m, "detailType"), ItemMapper.str(m, "ticketId"),
                ((Number) detail.get("ticketNumber")).longValue(), ItemMapper.instant(m, "occurredAt"), by,
                data instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of());
    }

    private static DomainEvent legacy(Map<String, AttributeValue> m) {
        return new DomainEvent(ItemMapper.str(m, "eventId"), ItemMapper.str(m, "action"), ItemMapper.str(m, "ticketId"),
                Long.parseLong(m.get("ticketNumber").n()), ItemMapper.instant(m, "occurredAt"),
                m.containsKey("actor") ? ItemMapper.actor(m.get("actor")) : null, json(m));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(Map<String, AttributeValue> m) {
        try {
            return Json.mapper().readValue(ItemMapper.str(m, "detail"), Map.class);
        } catch (JsonProcessingException ex) {
            throw new IllegalStateException("unreadable history entry " + ItemMapper.str(m, "SK"), ex);
        }
    }
}
