package com.helpdesk.core.email;

import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.csat.CsatToken;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.port.MailSender;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.InMemoryTicketRepository;
import com.helpdesk.core.service.NewMessage;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.OutboundDelivery;
import com.helpdesk.core.service.SendOutcome;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Delivery;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.ticket.Transition;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The AI's answer by mail (docs/deflection.md): marked Auto-Submitted like every automatic mail, and, when it resolved
 * the ticket, asking the satisfaction question itself, so the customer gets one mail and no resolution notice after it.
 */
class AiAnswerMailTest {
    private static final Actor AI = new Actor(ActorType.AI, "auto-answer", "AI assistant", null);
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final UlidGenerator ids = new UlidGenerator(clock);
    private final TicketDesk desk = TicketDesk.wire(repo, ids, clock);
    private final CsatService csat = new CsatService(repo, new CsatToken("csat-key-for-tests-0123456789abcdef".getBytes(StandardCharsets.UTF_8)),
            ids, clock, Duration.ofDays(7));
    private final List<OutgoingMail> sent = new ArrayList<>();
    private final MailSender ses = mail -> {
        sent.add(mail);
        return new MailSender.Sent("ses-" + sent.size(), "<ses-" + sent.size() + "@email.amazonses.com>");
    };
    private final ReplyAddress replies = new ReplyAddress("secret-key-for-tests-0123456789ab".getBytes(StandardCharsets.UTF_8),
            "support@help.example.com");
    private final OutboundDelivery delivery = new OutboundDelivery(repo, desk.deliveries(), new EmailReplyTransport(ses, replies,
            "support@help.example.com", "Shop Support", new SurveyLinks(csat, "https://help.example.com/")), 3);
    private final EmailNotices notices = new EmailNotices(desk.queries(), desk.commands(), csat, "https://help.example.com", "Shop Support", false);

    private Ticket customersTicket() {
        Requester ana = Requester.of("requester", "ana@example.com", null, "Ana Demo", null);
        return desk.commands().create(new NewTicket("where is my order #1001", ana, Channel.EMAIL, null, List.of(), null, null, null,
                "Hi, where is my order #1001?", null, null, null), Actor.customer(ana), null).thread().ticket();
    }

    /** The AI answers and resolves the ticket in one write, as the WISMO auto-answer does. */
    private Message answeredByAi(Ticket t) {
        Instant now = clock.instant();
        Message reply = new Message(ids.newId("msg"), t.id(), AI, Visibility.PUBLIC, "Your order #1001 is on its way.", null, t.channel(),
                now, List.of(), "wismo-answer", null, null, Delivery.queued(now));
        Transition answered = t.answerByAi(reply, "answered by the AI", new EventStamp(ids, AI, now));
        repo.commit(new TicketWrite(t, answered.ticket(), List.of(reply), answered.events()));
        return reply;
    }

    @Test
    void theAisAnswerIsAutoSubmittedAndAsksForTheRatingOfItsResolutionInsteadOfASecondMail() {
        Ticket t = customersTicket();
        Message reply = answeredByAi(t);

        assertThat(delivery.deliver(t.id(), reply.id())).isEqualTo(SendOutcome.SENT);

        OutgoingMail mail = sent.get(0);
        assertThat(mail.automatic()).as("Auto-Submitted: auto-replied").isTrue();
        assertThat(mail.from().name()).isEqualTo("AI assistant (Shop Support)");
        assertThat(mail.text()).startsWith("Your order #1001 is on its way.").contains("Did this answer help? Rate it from 1 to 5:");
        String link = mail.text().lines().filter(l -> l.startsWith("5: ")).findFirst().orElseThrow().substring(3);
        assertThat(link).startsWith("https://help.example.com/csat/").endsWith("?rating=5");
        String token = link.substring("https://help.example.com/csat/".length(), link.indexOf('?'));
        assertThat(csat.open(token).ticket().resolvedBy().type()).as("the rating is the AI's").isEqualTo(ActorType.AI);
        assertThat(notices.resolved(t.id())).as("no resolution notice a second later").isEmpty();
        assertThat(desk.queries().get(t.id()).messages()).hasSize(2);
    }

    @Test
    void anAnswerSentAfterTheCustomerReopenedTheTicketAsksNothing() {
        Ticket t = customersTicket();
        Message reply = answeredByAi(t);
        desk.commands().addMessage(t.id(), new NewMessage("still not here", null, Visibility.PUBLIC, null, null), OptionalLong.empty(),
                Actor.customer(t.requester()));
        assertThat(desk.queries().get(t.id()).ticket().status()).isEqualTo(Status.OPEN);

        delivery.deliver(t.id(), reply.id());

        assertThat(sent.get(0).automatic()).isTrue();
        assertThat(sent.get(0).text()).isEqualTo("Your order #1001 is on its way.");
    }

    @Test
    void anAgentsResolutionStillGetsItsNoticeWithTheSurveyAndTheAgentsReplyIsNotAutomatic() {
        Ticket t = customersTicket();
        List<Message> thread = desk.commands().addMessage(t.id(), new NewMessage("It ships today.", null, Visibility.PUBLIC, null, null),
                OptionalLong.empty(), new Actor(ActorType.AGENT, "alice", "Alice Agent", null)).messages();
        desk.commands().update(t.id(), new TicketChange(Status.RESOLVED, null, null, null, null, null, null), OptionalLong.empty(),
                Actor.agent("alice"));

        delivery.deliver(t.id(), thread.get(thread.size() - 1).id());

        assertThat(sent.get(0).automatic()).isFalse();
        assertThat(sent.get(0).text()).isEqualTo("It ships today.");
        assertThat(notices.resolved(t.id())).hasValueSatisfying(n -> assertThat(n.body()).contains("How did we do? Rate us from 1 to 5:"));
    }
}
