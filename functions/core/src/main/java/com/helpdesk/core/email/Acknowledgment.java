package com.helpdesk.core.email;

import com.helpdesk.core.service.OpeningNotice;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;

import java.util.Optional;

/**
 * Email's acknowledgment of a ticket a customer's mail opens: whether the ticket gets one (never machine mail, floods,
 * spam or unreadable mail) and its text. The inbound processor writes it with the ticket ({@link OpeningNotice});
 * {@link EmailNotices#acknowledge} writes it for a ticket that was opened without it (one written before, or by a
 * path that does not acknowledge), once.
 */
public final class Acknowledgment implements OpeningNotice {
    static final Actor NOTICES = Actor.system("email-notices");

    private final String teamName;

    public Acknowledgment(String teamName) {
        this.teamName = teamName;
    }

    @Override
    public Optional<Text> forOpened(Ticket t, Message first) {
        if (!EmailNotices.mailable(t) || first == null || first.author().type() != ActorType.CUSTOMER) return Optional.empty();
        String body = "Hello" + (t.requester().name() == null ? "" : " " + t.requester().name()) + ",\n\n"
                + "thank you for writing to us. We have received your request \"" + t.subject() + "\" as ticket #" + t.number()
                + " and will answer as soon as we can. To add anything, simply reply to this mail.\n\n" + teamName;
        return Optional.of(new Text(EmailNotices.ACKNOWLEDGMENT, body, NOTICES));
    }
}
