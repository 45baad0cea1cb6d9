package com.helpdesk.core.email;

import com.helpdesk.core.port.MailSender;
import com.helpdesk.core.port.ReplyTransport;
import com.helpdesk.core.service.DeliveryOutcome;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;

import java.util.ArrayList;
import java.util.List;

/**
 * The email channel of the delivery flow: a ticket's public reply goes out through SES From the support
 * address under the author's name, Reply-To the ticket's signed reply address, the ticket token in the
 * subject, In-Reply-To and References chained to the thread. The Message-ID we gave it and the one SES
 * really used both become thread keys, so the customer's answer finds the ticket. Automatic mail (the system's
 * notices, the AI's answers) is marked {@code Auto-Submitted: auto-replied} (RFC 3834); the AI's answer that resolved
 * the ticket asks the satisfaction question itself, instead of a resolution notice a second later.
 */
public final class EmailReplyTransport implements ReplyTransport {
    static final int MAX_REFERENCES = 20;
    private static final Actor MAILER = Actor.system("outbound-email");

    private final MailSender sender;
    private final ReplyAddress replyAddress;
    private final String supportAddress;
    private final String teamName;
    private final SurveyLinks surveys;

    /** Without surveys: an AI's answer then goes out as written (tests, tools). */
    public EmailReplyTransport(MailSender sender, ReplyAddress replyAddress, String supportAddress, String teamName) {
        this(sender, replyAddress, supportAddress, teamName, null);
    }

    /** @param surveys the rating links an AI's answer that resolved its ticket carries (null: none) */
    public EmailReplyTransport(MailSender sender, ReplyAddress replyAddress, String supportAddress, String teamName, SurveyLinks surveys) {
        this.sender = sender;
        this.replyAddress = replyAddress;
        this.supportAddress = supportAddress;
        this.teamName = teamName;
        this.surveys = surveys;
    }

    @Override
    public Actor sender() {
        return MAILER;
    }

    @Override
    public boolean needsThread() {
        return true;
    }

    @Override
    public DeliveryOutcome send(Ticket ticket, List<Message> thread, Message reply) throws Failure {
        if (ticket.requester().email() == null) throw new Failure("the requester has no email address", true);
        OutgoingMail mail = compose(new TicketThread(ticket, thread), reply);
        try {
            MailSender.Sent sent = sender.send(mail);
            List<String> keys = new ArrayList<>();
            keys.add(EmailIntake.messageIdKey(mail.messageId()));
            if (sent.messageId() != null && !sent.messageId().equals(mail.messageId())) keys.add(EmailIntake.messageIdKey(sent.messageId()));
            return DeliveryOutcome.sent(sent.providerId(), sent.messageId() != null ? sent.messageId() : mail.messageId(), keys);
        } catch (MailSender.DeliveryFailure f) {
            throw new Failure(f.getMessage(), f.permanent());
        }
    }

    OutgoingMail compose(TicketThread thread, Message reply) {
        Ticket t = thread.ticket();
        String domain = supportAddress.substring(supportAddress.lastIndexOf('@') + 1);
        boolean automatic = reply.author().type() == ActorType.SYSTEM || reply.author().type() == ActorType.AI;
        String author = reply.author().type() == ActorType.SYSTEM ? null : reply.author().name() != null ? reply.author().name()
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
        SurveyLinks.Lines survey = asksForRating(t, reply) ? surveys.of(t.id()) : null;
        return new OutgoingMail(new Mailbox(fromName, supportAddress), List.of(new Mailbox(t.requester().name(), t.requester().email())), cc,
                new Mailbox(teamName, replyAddress.forTicket(t.number())), SubjectToken.replySubject(t.subject(), t.number()),
                "<" + reply.id() + "@" + domain + ">", inReplyTo, refs, text(reply, survey), html(reply, survey), automatic);
    }

    /** Whether this is the AI's answer that resolved the ticket (and still does): it asks how the AI did. */
    private boolean asksForRating(Ticket t, Message reply) {
        return surveys != null && reply.author().type() == ActorType.AI && t.status() == Status.RESOLVED
                && EmailNotices.surveyWithAiAnswer(t) && reply.createdAt().equals(t.resolvedAt());
    }

    private static String text(Message reply, SurveyLinks.Lines survey) {
        if (survey == null) return reply.body();
        return reply.body() + "\n\nDid this answer help? Rate it from 1 to 5:\n" + survey.text()
                + "\n(The survey is open until " + survey.expiresAt() + ".)";
    }

    private static String html(Message reply, SurveyLinks.Lines survey) {
        if (reply.html() == null || survey == null) return reply.html();
        return reply.html() + "<p>Did this answer help? " + survey.html() + "</p>";
    }
}
