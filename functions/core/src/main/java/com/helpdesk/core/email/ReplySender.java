package com.helpdesk.core.email;

import com.helpdesk.core.port.MailSender;
import com.helpdesk.core.service.SendOutcome;
import com.helpdesk.core.service.ReplyDelivery;
import com.helpdesk.core.service.TicketQueries;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.DeliveryStatus;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends a ticket's public email reply: From the support address under the author's name, Reply-To the
 * ticket's signed reply address, the ticket token in the subject, In-Reply-To and References chained to
 * the thread. Sending is claimed first, so the same request delivered twice sends once; the outcome
 * (sent with the Message-ID SES used, or failed with the reason; see ReplyDelivery#failedAttempt) is
 * recorded on the message. Internal
 * notes are never queued, so never sent.
 */
public final class ReplySender {
    static final int MAX_REFERENCES = 20;
    private static final Actor MAILER = Actor.system("outbound-email");

    private final ReplyDelivery deliveries;
    private final TicketQueries tickets;
    private final MailSender sender;
    private final ReplyAddress replyAddress;
    private final String supportAddress;
    private final String teamName;
    private final int maxAttempts;

    public ReplySender(ReplyDelivery deliveries, TicketQueries tickets, MailSender sender, ReplyAddress replyAddress, String supportAddress, String teamName,
                       int maxAttempts) {
        this.deliveries = deliveries;
        this.tickets = tickets;
        this.sender = sender;
        this.replyAddress = replyAddress;
        this.supportAddress = supportAddress;
        this.teamName = teamName;
        this.maxAttempts = maxAttempts;
    }

    public SendOutcome deliver(String ticketId, String messageId) {
        Optional<Message> claimed = deliveries.beginDelivery(ticketId, messageId, MAILER);
        if (claimed.isEmpty()) return SendOutcome.SKIPPED;
        Message reply = claimed.get();
        TicketThread thread = tickets.get(ticketId);
        Ticket t = thread.ticket();
        if (t.requester().email() == null) {
            deliveries.recordDelivery(ticketId, messageId, DeliveryStatus.FAILED, null, "the requester has no email address", null, List.of(), MAILER);
            return SendOutcome.FAILED;
        }
        OutgoingMail mail = compose(thread, reply);
        try {
            MailSender.Sent sent = sender.send(mail);
            List<String> keys = new ArrayList<>();
            keys.add(EmailIntake.messageIdKey(mail.messageId()));
            if (sent.messageId() != null && !sent.messageId().equals(mail.messageId())) keys.add(EmailIntake.messageIdKey(sent.messageId()));
            deliveries.recordDelivery(ticketId, messageId, DeliveryStatus.SENT, sent.providerId(), null,
                    sent.messageId() != null ? sent.messageId() : mail.messageId(), keys, MAILER);
            return SendOutcome.SENT;
        } catch (MailSender.DeliveryFailure f) {
            return deliveries.failedAttempt(ticketId, reply, f.getMessage(), f.permanent(), maxAttempts, MAILER);
        }
    }

    OutgoingMail compose(TicketThread thread, Message reply) {
        Ticket t = thread.ticket();
        String domain = supportAddress.substring(supportAddress.lastIndexOf('@') + 1);
        boolean automatic = reply.author().type() == ActorType.SYSTEM;
        String author = automatic ? null : reply.author().name() != null ? reply.author().name()
                : reply.author().type() == ActorType.AGENT ? reply.author().id() : null;
        String fromName = author == null ? teamName : author + " (" + teamName + ")";
        List<Mailbox> cc = t.ccs().stream().filter(c -> c.contains("@")).map(c -> new Mailbox(null, c)).toList();
        String inReplyTo = null;
        List<String> refs = new ArrayList<>();
        for (Message m : thread.messages()) {
            if (m.id().equals(reply.id())) break;
            if (m.externalId() == null || !m.externalId().startsWith("<")) continue;
            refs.add(m.externalId());
            if (m.author().type() == ActorType.CUSTOMER) inReplyTo = m.externalId();
        }
        if (inReplyTo == null && !refs.isEmpty()) inReplyTo = refs.get(refs.size() - 1);
        if (refs.size() > MAX_REFERENCES) {
            List<String> kept = new ArrayList<>(List.of(refs.get(0)));
            kept.addAll(refs.subList(refs.size() - (MAX_REFERENCES - 1), refs.size()));
            refs = kept;
        }
        return new OutgoingMail(new Mailbox(fromName, supportAddress), List.of(new Mailbox(t.requester().name(), t.requester().email())), cc,
                new Mailbox(teamName, replyAddress.forTicket(t.number())), SubjectToken.replySubject(t.subject(), t.number()),
                "<" + reply.id() + "@" + domain + ">", inReplyTo, refs, reply.body(), reply.html(), automatic);
    }
}
