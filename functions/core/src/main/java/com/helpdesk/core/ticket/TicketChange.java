package com.helpdesk.core.ticket;


import java.util.List;
import java.util.Optional;

/**
 * A partial update. A null field is left as it is; for {@code assignee} and {@code group},
 * {@code Optional.empty()} clears the value.
 */
public record TicketChange(
        Status status,
        Priority priority,
        Optional<String> assignee,
        Optional<String> group,
        String subject,
        List<String> addTags,
        List<String> removeTags) {

    public boolean isEmpty() {
        return status == null && priority == null && assignee == null && group == null && subject == null
                && (addTags == null || addTags.isEmpty()) && (removeTags == null || removeTags.isEmpty());
    }
}
