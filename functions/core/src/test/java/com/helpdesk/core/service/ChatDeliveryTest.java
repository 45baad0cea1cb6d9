package com.helpdesk.core.service;

import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.chat.ChatKeys;
import com.helpdesk.core.chat.ChatKind;
import com.helpdesk.core.chat.ChatReplyTransport;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.InboundResult;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.port.ChannelRepository;
import com.helpdesk.core.port.ChatSender;
import com.helpdesk.core.port.SecretStore;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.DeliveryStatus;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The one delivery flow with the chat transport: claim once, send to the conversation's provider, record, retry or fail. */
class ChatDeliveryTest {
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-22T09:00:00Z"));
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final TicketDesk desk = TicketDesk.wire(repo, new UlidGenerator(clock), clock);
    private final Requester jane = Requester.of("requester", null, "+4915112345678", "Jane", null);
    private final Map<String, ChatChannel> channels = new HashMap<>();

    /** A provider that records what it is given and fails as told. */
    private static final class FakeProvider implements ChatSender {
        final List<Reply> sent = new ArrayList<>();
        final Deque<Failure> failures = new ArrayDeque<>();

        @Override
        public String send(ChatChannel channel, Reply reply) throws Failure {
            if (!failures.isEmpty()) throw failures.pop();
            sent.add(reply);
            return "wamid." + sent.size();
        }
    }

    private final FakeProvider provider = new FakeProvider();
    private final OutboundDelivery flow = new OutboundDelivery(repo, desk.deliveries(),
            new ChatReplyTransport(new ChannelService(new MapChannels(), new NoSecrets(), "/test", clock), provider), 2);

    private String chatTicket(String conversation) {
        InboundMessage in = new InboundMessage("chat:wa:msg:" + conversation, List.of(new ThreadKey(ChatKeys.conversation("wa", conversation),
                "conversation")), Channel.CHAT, jane, null, "Where is my order?", null, List.of(), clock.instant(), List.of());
        return desk.inbound().receive(in).ticketId();
    }

    private Message reply(String ticketId, String text) {
        List<Message> m = desk.commands().addMessage(ticketId, new NewMessage(text, null, Visibility.PUBLIC, null, null), OptionalLong.empty(),
                Actor.agent("alice")).messages();
        return m.get(m.size() - 1);
    }

    private Message stored(String ticketId, String messageId) {
        return desk.queries().get(ticketId).messages().stream().filter(m -> m.id().equals(messageId)).findFirst().orElseThrow();
    }

    @Test
    void aReplyGoesToItsConversationOnceAndItsStatusCallbacksOnlyMoveForward() {
        channels.put("wa", new ChatChannel("wa", ChatKind.WHATSAPP, "WhatsApp", Map.of("phoneNumberId", "1"), clock.instant(), clock.instant()));
        String id = chatTicket("c1");
        Message r = reply(id, "It ships today");
        assertThat(flow.deliver(id, r.id())).isEqualTo(SendOutcome.SENT);
        assertThat(flow.deliver(id, r.id())).as("the same event again").isEqualTo(SendOutcome.SKIPPED);
        assertThat(provider.sent).singleElement().satisfies(x -> {
            assertThat(x.conversation()).isEqualTo("c1");
            assertThat(x.authorName()).isEqualTo("alice");
        });
        assertThat(stored(id, r.id()).delivery().providerId()).isEqualTo("wamid.1");
        assertThat(repo.ticketForThreadKey(ChatKeys.providerMessage("wa", "wamid.1"))).hasValue(id);

        assertThat(desk.inbound().receive(status("s1", "read")).outcome()).isEqualTo(InboundResult.Outcome.THREADED);
        assertThat(desk.inbound().receive(status("s2", "delivered")).outcome()).as("late: never backwards")
                .isEqualTo(InboundResult.Outcome.DUPLICATE);
        assertThat(stored(id, r.id()).delivery().status()).isEqualTo(DeliveryStatus.READ);
    }

    private InboundMessage status(String dedupe, String status) {
        return new InboundMessage("chat:wa:status:" + dedupe, List.of(new ThreadKey(ChatKeys.providerMessage("wa", "wamid.1"), "status")),
                Channel.CHAT, jane, null, null, null, List.of(), clock.instant(), List.of(), null, null, InboundMessage.Kind.STATUS,
                new InboundMessage.Bounce("wamid.1", null, status, null));
    }

    @Test
    void aTransientFailureIsRetriedUntilTheLastAttemptAndAMissingChannelFailsAtOnce() {
        channels.put("wa", new ChatChannel("wa", ChatKind.WHATSAPP, "WhatsApp", Map.of("phoneNumberId", "1"), clock.instant(), clock.instant()));
        String id = chatTicket("c2");
        Message r = reply(id, "Hello");
        provider.failures.add(new ChatSender.Failure("429 too many requests", false));
        provider.failures.add(new ChatSender.Failure("503", false));
        assertThatThrownBy(() -> flow.deliver(id, r.id())).isInstanceOf(RetryLater.class);
        assertThat(stored(id, r.id()).delivery().status()).isEqualTo(DeliveryStatus.QUEUED);
        assertThat(flow.deliver(id, r.id())).isEqualTo(SendOutcome.FAILED);
        assertThat(stored(id, r.id()).delivery().detail()).isEqualTo("gave up after 2 attempts: 503");

        channels.clear();
        Message orphan = reply(id, "Anyone?");
        assertThat(flow.deliver(id, orphan.id())).isEqualTo(SendOutcome.FAILED);
        assertThat(stored(id, orphan.id()).delivery().detail()).isEqualTo("chat channel wa no longer exists");
        assertThat(provider.sent).isEmpty();
    }

    private final class MapChannels implements ChannelRepository {
        @Override
        public Optional<ChatChannel> find(String id) {
            return Optional.ofNullable(channels.get(id));
        }

        @Override
        public List<ChatChannel> list() {
            return List.copyOf(channels.values());
        }

        @Override
        public void save(ChatChannel channel) {
            channels.put(channel.id(), channel);
        }

        @Override
        public boolean delete(String id) {
            return channels.remove(id) != null;
        }
    }

    private static final class NoSecrets implements SecretStore {
        @Override
        public void put(String name, String value) {
            throw new UnsupportedOperationException("the flow reads no secrets");
        }

        @Override
        public Optional<String> get(String name) {
            return Optional.empty();
        }

        @Override
        public void delete(String name) {
            throw new UnsupportedOperationException("the flow reads no secrets");
        }
    }
}
