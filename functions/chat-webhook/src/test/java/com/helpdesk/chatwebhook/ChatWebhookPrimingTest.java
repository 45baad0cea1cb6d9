package com.helpdesk.chatwebhook;

import com.helpdesk.chat.WebhookReception;
import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.port.ChannelRepository;
import com.helpdesk.core.port.SecretStore;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** The webhooks' SnapStart primer reads a channel that cannot exist, decodes each provider's sample and stores nothing. */
class ChatWebhookPrimingTest {
    private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
    private final List<String> found = new ArrayList<>();
    private final List<String> changed = new ArrayList<>();
    private final ChannelRepository channels = new ChannelRepository() {
        public Optional<ChatChannel> find(String id) {
            found.add(id);
            return Optional.empty();
        }

        public List<ChatChannel> list() {
            return List.of();
        }

        public void save(ChatChannel channel) {
            changed.add("save " + channel.id());
        }

        public boolean delete(String id) {
            changed.add("delete " + id);
            return false;
        }
    };

    @Test
    void readsTheNeverStoredChannelAndDecodesEveryProvidersSample() {
        ChatWebhookPriming.prime(channels, NOW);

        assertThat(found).containsExactly(ChatWebhookPriming.NEVER_CHANNEL);
        assertThat(changed).isEmpty();
        assertThat(ChatWebhookPriming.decodeSamples(NOW)).extracting(InboundMessage::dedupeKey).containsExactly(
                "chat:-snapstart-priming:msg:msg_priming", "chat:-snapstart-priming:msg:wamid.priming",
                "chat:-snapstart-priming:msg:IMpriming");
    }

    @Test
    void theRoutedRequestIsRefusedBeforeAnyReadAndEnqueuesNothing() {
        List<InboundMessage> enqueued = new ArrayList<>();
        List<String> secretsTouched = new ArrayList<>();
        SecretStore secrets = new SecretStore() {
            public void put(String name, String value) {
                secretsTouched.add(name);
            }

            public Optional<String> get(String name) {
                secretsTouched.add(name);
                return Optional.empty();
            }

            public void delete(String name) {
                secretsTouched.add(name);
            }
        };
        Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
        ChatWebhookHandler handler = new ChatWebhookHandler(new WebhookReception(new ChannelService(channels, secrets, "/helpdesk", clock),
                (message, conversation) -> enqueued.add(message), clock));

        handler.primeRoutes();

        assertThat(found).isEmpty();
        assertThat(enqueued).isEmpty();
        assertThat(secretsTouched).isEmpty();
        assertThat(changed).isEmpty();
    }
}
