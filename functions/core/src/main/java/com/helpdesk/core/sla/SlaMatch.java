package com.helpdesk.core.sla;

import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which tickets a policy applies to. An empty criterion matches any ticket; a ticket matches when every
 * non-empty criterion holds: its priority is listed, its channel is listed, and it has any listed tag.
 */
public record SlaMatch(Set<Priority> priorities, Set<Channel> channels, SortedSet<String> tags) {
    public static final SlaMatch ANY = new SlaMatch(Set.of(), Set.of(), new TreeSet<>());

    public SlaMatch {
        priorities = priorities == null || priorities.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(priorities));
        channels = channels == null || channels.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(channels));
        tags = Collections.unmodifiableSortedSet(tags == null ? new TreeSet<>() : new TreeSet<>(tags));
    }

    public boolean matches(TicketFacts ticket) {
        return (priorities.isEmpty() || priorities.contains(ticket.priority()))
                && (channels.isEmpty() || channels.contains(ticket.channel()))
                && (tags.isEmpty() || ticket.tags().stream().anyMatch(tags::contains));
    }
}
