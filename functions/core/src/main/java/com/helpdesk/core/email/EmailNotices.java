package com.helpdesk.core.email;

import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.service.OpeningNotice;
import com.helpdesk.core.service.TicketCommands;
import com.helpdesk.core.service.TicketQueries;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketThread;

import java.util.Optional;
import java.util.Set;

/**
 * The automatic mails of the email channel, written into the thread as notices (sent like replies,
 * marked Auto-Submitted): the optional acknowledgment of a new ticket, never for machine mail, floods,
 * spam or unreadable mail; and the resolution notice with the satisfaction survey's one-click links,
 * which chat tickets get too (as a chat message, sent by the chat sender).
 */
public final class EmailNotices {
    static final String ACKNOWLEDGMENT = "acknowledgment";
    static final String RESOLUTION = "resolution notice ";
    /** Tickets that get no automatic mail: nobody asked us anything a person should be told about. */
    static final Set<String> SILENT_TAGS = Set.of("rate-limited", "spam", "virus", "parse_error");
    private static final Actor NOTICES = Actor.system("email-notices");

    private final TicketQueries tickets;
    private final TicketCommands commands;
    private final SurveyLinks surveys;
    private final String teamName;
    private final boolean acknowledge;

    public EmailNotices(TicketQueries tickets, TicketCommands commands, CsatService surveys, String publicBaseUrl, String teamName, boolean acknowledge) {
        this.tickets = tickets;
        this.commands = commands;
        this.surveys = new SurveyLinks(surveys, publicBaseUrl);
        this.teamName = teamName;
        this.acknowledge = acknowledge;
    }

    /**
     * Acknowledges a ticket a customer's mail opened, when acknowledgments are on and it has none yet (the inbound
     * processor writes it with the ticket: then this finds it and writes nothing).
     */
    public Optional<Message> acknowledge(String ticketId) {
        if (!acknowledge) return Optional.empty();
        TicketThread thread = tickets.get(ticketId);
        Optional<OpeningNotice.Text> text = thread.messages().isEmpty() ? Optional.empty()
                : new Acknowledgment(teamName).forOpened(thread.ticket(), thread.messages().get(0));
        return text.flatMap(ack -> commands.addNotice(ticketId, ack.key(), ack.body(), null, ack.author()));
    }

    /** Tells the customer their ticket is resolved, with the survey's rating links (once per resolution). */
    public Optional<Message> resolved(String ticketId) {
        Ticket t = tickets.get(ticketId).ticket();
        boolean chat = t.channel() == Channel.CHAT && t.conversation() != null && t.tags().stream().noneMatch(SILENT_TAGS::contains);
        if (!(mailable(t) || chat) || t.status() != Status.RESOLVED || t.resolvedAt() == null) return Optional.empty();
        if (surveyWithAiAnswer(t)) return Optional.empty(); // the AI's answer carried the survey: one mail, not two
        SurveyLinks.Lines survey = surveys.of(ticketId);
        StringBuilder text = new StringBuilder("Hello").append(t.requester().name() == null ? "" : " " + t.requester().name())
                .append(",\n\nwe have resolved your request \"").append(t.subject()).append("\" (ticket #").append(t.number())
                .append("). If anything is still open, just reply to this mail and the ticket reopens.\n\nHow did we do? Rate us from 1 to 5:\n");
        StringBuilder html = new StringBuilder("<p>Hello").append(t.requester().name() == null ? "" : " " + escape(t.requester().name()))
                .append(",</p><p>we have resolved your request &quot;").append(escape(t.subject())).append("&quot; (ticket #").append(t.number())
                .append("). If anything is still open, just reply to this mail and the ticket reopens.</p><p>How did we do? ");
        text.append(survey.text());
        html.append(survey.html());
        text.append("\n(The survey is open until ").append(survey.expiresAt()).append(".)\n\n").append(teamName);
        html.append("</p><p>").append(escape(teamName)).append("</p>");
        return commands.addNotice(ticketId, RESOLUTION + t.resolvedAt(), text.toString(), chat ? null : html.toString(), NOTICES);
    }

    /**
     * Whether the ticket's resolution is the AI's answer by mail, which asks the satisfaction question itself (see
     * {@link EmailReplyTransport}): the customer gets one automatic mail, and the AI's rating stays the AI's.
     */
    static boolean surveyWithAiAnswer(Ticket t) {
        return mailable(t) && t.resolvedBy() != null && t.resolvedBy().type() == ActorType.AI;
    }

    static boolean mailable(Ticket t) {
        return t.channel() == Channel.EMAIL && t.requester().email() != null && t.tags().stream().noneMatch(SILENT_TAGS::contains);
    }

    static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
