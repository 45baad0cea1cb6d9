package com.helpdesk.core.routing;

import com.helpdesk.core.agents.AssignStrategy;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.triage.IntentName;

import java.math.BigDecimal;
import java.util.List;

/**
 * An admin's routing rule: when every condition given in {@code when} holds for a ticket, {@code then} is applied.
 * Rules run by {@code order} (then id); a rule that routes (a group or an assignment) is the last one run.
 */
public record RoutingRule(String id, int order, When when, Then then) {
    /** Every condition is optional; those given must all hold. An empty {@code when} matches every ticket. */
    public record When(Channel channel, IntentName intent, List<String> tagsAny, Priority priority, String customerTag,
                       BigDecimal orderTotalOver, TextPattern textMatches) {
        public When {
            tagsAny = tagsAny == null ? List.of() : List.copyOf(tagsAny);
        }
    }

    /**
     * What a match does, in this order: priority, tags and group in one change, then the escalation, then the
     * assignment: an agent by strategy among the group's ({@code strategy}), or a named agent ({@code agent}).
     */
    public record Then(String assignGroup, AssignStrategy strategy, String agent, Priority priority, List<String> addTags,
                       boolean escalate) {
        public Then {
            addTags = addTags == null ? List.of() : List.copyOf(addTags);
        }

        public boolean routes() {
            return assignGroup != null || strategy != null || agent != null || escalate;
        }
    }

    /** The reason each change of a match carries in the ticket's history. */
    public String reason() {
        return "routing rule " + id;
    }
}
