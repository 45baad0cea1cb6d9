package com.helpdesk.core.service;

import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The lookups every use case starts with: a ticket (alone, or with its thread) or one of its messages,
 * where not finding it is the caller's error, and what a client calls a ticket resolved to its id.
 */
final class TicketReads {
    private static final Pattern NUMBER = Pattern.compile("^[0-9]{1,15}$");
    private static final Pattern TICKET_ID = Pattern.compile("^tkt_[0-9a-z]{26}$");

    private final TicketRepository repository;

    TicketReads(TicketRepository repository) {
        this.repository = Objects.requireNonNull(repository);
    }

    TicketThread thread(String ticketId) {
        return repository.find(ticketId).orElseThrow(() -> notFound(ticketId));
    }

    /** The ticket item alone: for commands that do not need the thread. */
    Ticket ticket(String ticketId) {
        return repository.findTicket(ticketId).orElseThrow(() -> notFound(ticketId));
    }

    /** A message written on this ticket itself (not one shown here because its ticket was merged in). */
    Message ownMessage(String ticketId, String messageId) {
        return repository.findMessage(ticketId, messageId)
                .orElseThrow(() -> new NotFoundException("message " + messageId + " on ticket " + ticketId));
    }

    /**
     * Resolves what a client calls a ticket: its opaque id, or its number (all digits, "1042" or "#1042").
     * Anything else cannot name a ticket and is not found, without touching storage.
     */
    String resolveId(String reference) {
        String ref = reference == null ? "" : reference.strip();
        if (ref.startsWith("#")) ref = ref.substring(1);
        if (NUMBER.matcher(ref).matches()) {
            long number = Long.parseLong(ref);
            return repository.findIdByNumber(number)
                    .orElseThrow(() -> new NotFoundException("no ticket with number " + number));
        }
        if (!TICKET_ID.matcher(ref).matches()) {
            throw new NotFoundException("no ticket with id " + (ref.length() > 40 ? ref.substring(0, 40) + "..." : ref));
        }
        return ref;
    }

    /** The id of the ticket a number names, when {@code digits} is a number at all. */
    Optional<String> idOfNumber(String digits) {
        return NUMBER.matcher(digits).matches() ? repository.findIdByNumber(Long.parseLong(digits)) : Optional.empty();
    }

    private static NotFoundException notFound(String ticketId) {
        return new NotFoundException("no ticket with id " + ticketId);
    }
}
