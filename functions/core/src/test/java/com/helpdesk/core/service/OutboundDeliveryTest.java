package com.helpdesk.core.service;

import com.helpdesk.core.email.OutgoingMail;
import com.helpdesk.core.email.ReplyAddress;
import com.helpdesk.core.email.EmailReplyTransport;
import com.helpdesk.core.port.MailSender;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.DeliveryStatus;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OutboundDeliveryTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final TicketDesk service = TicketDesk.wire(repo, new UlidGenerator(clock), clock);
    private final ReplyAddress replies = new ReplyAddress("secret-key-for-tests-0123456789ab".getBytes(StandardCharsets.UTF_8),
            "support@help.example.com");

    /** A provider that records what it is given and fails as told. */
    private static final class FakeSes implements MailSender {
        final List<OutgoingMail> sent = new ArrayList<>();
        final Deque<DeliveryFailure> failures = new ArrayDeque<>();

        @Override
        public Sent send(OutgoingMail mail) throws DeliveryFailure {
            if (!failures.isEmpty()) throw failures.pop();
            sent.add(mail);
            return new Sent("ses-" + sent.size(), "<ses-" + sent.size() + "@email.amazonses.com>");
        }
    }

    private final FakeSes ses = new FakeSes();
    private final OutboundDelivery sender = new OutboundDelivery(repo, service.deliveries(),
            new EmailReplyTransport(ses, replies, "support@help.example.com", "Shop Support"), 3);

    private String emailTicket() {
        return service.commands().create(new NewTicket("Where is my order?", Requester.of("r", "jane@example.com", null, "Jane", null), Channel.EMAIL,
                null, null, null, null, null, "It has not arrived", null, null, null), Actor.agent("alice"), null).thread().ticket().id();
    }

    private Message reply(String id, String body, Visibility v) {
        List<Message> m = service.commands().addMessage(id, new NewMessage(body, null, v, null, null), OptionalLong.empty(),
                new Actor(com.helpdesk.core.ticket.ActorType.AGENT, "alice", "Alice Agent", "alice@shop.example.com")).messages();
        return m.get(m.size() - 1);
    }

    private Message stored(String id, String messageId) {
        return service.queries().get(id).messages().stream().filter(m -> m.id().equals(messageId)).findFirst().orElseThrow();
    }

    @Test
    void aReplyGoesOutOnceWithTheThreadHeadersEvenWhenItsEventArrivesTwice() {
        String id = emailTicket();
        long number = service.queries().get(id).ticket().number();
        Message r = reply(id, "It ships today.", Visibility.PUBLIC);
        assertThat(sender.deliver(id, r.id())).isEqualTo(SendOutcome.SENT);
        assertThat(sender.deliver(id, r.id())).as("the same event again").isEqualTo(SendOutcome.SKIPPED);
        assertThat(ses.sent).hasSize(1);
        OutgoingMail m = ses.sent.get(0);
        assertThat(m.from().name()).isEqualTo("Alice Agent (Shop Support)");
        assertThat(m.from().address()).isEqualTo("support@help.example.com");
        assertThat(m.to()).extracting(x -> x.address()).containsExactly("jane@example.com");
        assertThat(replies.ticketNumber(m.replyTo().address())).hasValue(number);
        assertThat(m.subject()).isEqualTo("Re: Where is my order? [#" + number + "]");
        assertThat(m.messageId()).isEqualTo("<" + r.id() + "@help.example.com>");
        assertThat(m.automatic()).isFalse();
        Message after = stored(id, r.id());
        assertThat(after.delivery().status()).isEqualTo(DeliveryStatus.SENT);
        assertThat(after.externalId()).isEqualTo("<ses-1@email.amazonses.com>");
        assertThat(repo.threadKeys).containsKeys("email:msgid:<ses-1@email.amazonses.com>", "email:msgid:<" + r.id() + "@help.example.com>");

        // the next reply answers the customer and references what went before
        Message second = reply(id, "Tracking: 123", Visibility.PUBLIC);
        sender.deliver(id, second.id());
        assertThat(ses.sent.get(1).references()).containsExactly("<ses-1@email.amazonses.com>");
        assertThat(ses.sent.get(1).inReplyTo()).isEqualTo("<ses-1@email.amazonses.com>");
    }

    @Test
    void internalNotesAreNeverSent() {
        String id = emailTicket();
        Message note = reply(id, "customer is difficult", Visibility.INTERNAL);
        assertThat(note.delivery()).isNull();
        assertThat(sender.deliver(id, note.id())).isEqualTo(SendOutcome.SKIPPED);
        assertThat(ses.sent).isEmpty();
    }

    @Test
    void throttlingIsRetriedUntilTheLastAttemptAndARefusalFailsAtOnce() {
        String id = emailTicket();
        Message r = reply(id, "Hello", Visibility.PUBLIC);
        ses.failures.add(new MailSender.DeliveryFailure("SES 429: Maximum sending rate exceeded", false, null));
        assertThatThrownBy(() -> sender.deliver(id, r.id())).isInstanceOf(RetryLater.class);
        assertThat(stored(id, r.id()).delivery().status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(stored(id, r.id()).delivery().detail()).startsWith("retrying: SES 429");
        assertThat(sender.deliver(id, r.id())).isEqualTo(SendOutcome.SENT);
        assertThat(stored(id, r.id()).delivery().attempts()).isEqualTo(2);

        Message refused = reply(id, "Again", Visibility.PUBLIC);
        ses.failures.add(new MailSender.DeliveryFailure("SES refused: Email address is not verified", true, null));
        assertThat(sender.deliver(id, refused.id())).isEqualTo(SendOutcome.FAILED);
        assertThat(stored(id, refused.id()).delivery().detail()).isEqualTo("SES refused: Email address is not verified");

        Message stubborn = reply(id, "Third", Visibility.PUBLIC);
        for (int i = 0; i < 3; i++) ses.failures.add(new MailSender.DeliveryFailure("SES 503", false, null));
        assertThatThrownBy(() -> sender.deliver(id, stubborn.id())).isInstanceOf(RetryLater.class);
        assertThatThrownBy(() -> sender.deliver(id, stubborn.id())).isInstanceOf(RetryLater.class);
        assertThat(sender.deliver(id, stubborn.id())).isEqualTo(SendOutcome.FAILED);
        assertThat(stored(id, stubborn.id()).delivery().detail()).isEqualTo("gave up after 3 attempts: SES 503");
    }
}
