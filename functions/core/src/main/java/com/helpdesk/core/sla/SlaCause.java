package com.helpdesk.core.sla;

import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventTypes;

import java.util.List;
import java.util.Map;

/**
 * The {@code cause} a ledger entry records for a domain event: short, and enough to find the event in the
 * ticket's history ("MessageAdded msg_…", "StatusChanged open→pending", "PriorityChanged normal→urgent",
 * "Tagged +vip -spam", "Merged into #1234").
 */
public final class SlaCause {
    private SlaCause() {}

    public static String of(DomainEvent event) {
        Map<String, Object> d = event.detail();
        String type = event.type();
        return switch (type) {
            case EventTypes.MESSAGE_ADDED -> type + " " + d.get("messageId");
            case EventTypes.STATUS_CHANGED, EventTypes.PRIORITY_CHANGED -> type + " " + d.get("from") + "→" + d.get("to");
            case EventTypes.TAGGED -> type + signed("+", d.get("added")) + signed("-", d.get("removed"));
            case EventTypes.MERGED -> d.get("target") instanceof Map<?, ?> target ? type + " into #" + target.get("number") : type;
            default -> type;
        };
    }

    private static String signed(String sign, Object tags) {
        StringBuilder out = new StringBuilder();
        if (tags instanceof List<?> list) {
            for (Object t : list) out.append(' ').append(sign).append(t);
        }
        return out.toString();
    }
}
