package com.helpdesk.inboundemail;

import com.helpdesk.core.email.EmailIntake;
import com.helpdesk.core.email.MailReception;
import com.helpdesk.core.email.ReplyAddress;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.port.FileStore;
import com.helpdesk.core.port.RawMailStore;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.mail.MimeParser;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The handler driven by the real-shaped SES receipt event in events/ses, with in-memory storage and queue. */
class InboundEmailHandlerTest {
    private static final Path EVENT = Path.of("../../events/ses/receipt.json");

    private final Map<String, byte[]> raw = new HashMap<>();
    private final Map<String, byte[]> files = new HashMap<>();
    private final List<InboundMessage> queued = new ArrayList<>();
    private final Map<String, Long> counts = new HashMap<>();

    private final RawMailStore rawStore = new RawMailStore() {
        @Override
        public InputStream open(String key) throws IOException {
            byte[] b = raw.get(key);
            if (b == null) throw new IOException("NoSuchKey " + key);
            return new ByteArrayInputStream(b);
        }

        @Override
        public long size(String key) {
            return raw.get(key).length;
        }
    };

    private final FileStore fileStore = new FileStore() {
        @Override
        public Attachment save(String folder, String filename, String contentType, String contentId, InputStream content) throws IOException {
            byte[] b = content.readAllBytes();
            String key = "attachments/" + folder + "/" + files.size();
            files.put(key, b);
            return new Attachment(key, filename, contentType, b.length, contentId);
        }

        @Override
        public URI downloadLink(Attachment file, Duration validFor) {
            return URI.create("https://example.com/" + file.id());
        }
    };

    private InboundEmailHandler handler(int floodLimit) {
        ReplyAddress replies = new ReplyAddress("test-key-0123456789abcdef01234567".getBytes(StandardCharsets.UTF_8), "support@help.example.com");
        return new InboundEmailHandler(new MailReception(rawStore, new MimeParser(), fileStore, (m, conversation) -> queued.add(m),
                (sender, window) -> counts.merge(sender + window, 1L, Long::sum), new EmailIntake(replies, List.of("support@help.example.com")),
                floodLimit), "inbound/");
    }

    private static String mail() {
        return ("MIME-Version: 1.0\r\nFrom: Anna Schmidt <anna.schmidt@example.com>\r\nDate: Mon, 23 Nov 2026 10:15:00 +0100\r\n"
                + "Message-ID: <CAJ4x8Zs9k2m=Yt@mail.gmail.com>\r\nSubject: Damaged vase in order 4711\r\nTo: Shop Support <support@help.example.com>\r\n"
                + "Content-Type: multipart/mixed; boundary=\"000000000000a1b2c3d4e5f6\"\r\n\r\n--000000000000a1b2c3d4e5f6\r\n"
                + "Content-Type: text/plain; charset=\"UTF-8\"\r\n\r\nThe vase arrived broken, photo attached.\r\n--000000000000a1b2c3d4e5f6\r\n"
                + "Content-Type: image/jpeg; name=\"vase.jpg\"\r\nContent-Disposition: attachment; filename=\"vase.jpg\"\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\n/9j/4AAQSkZJRgABAQAAAQABAAD/2wBDAAEBAQEBAQEBAQEBAQEBAQE=\r\n--000000000000a1b2c3d4e5f6--\r\n");
    }

    private String invoke(InboundEmailHandler h, byte[] event) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        h.handleRequest(new ByteArrayInputStream(event), out, null);
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void theReceiptEventsMailIsReadFromWhereTheS3ActionPutItAndEnqueued() throws IOException {
        raw.put("inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g81", mail().getBytes(StandardCharsets.UTF_8));
        String result = invoke(handler(20), Files.readAllBytes(EVENT));
        assertThat(result).contains("\"disposition\":\"CONTINUE\"");
        assertThat(queued).hasSize(1);
        InboundMessage m = queued.get(0);
        assertThat(m.dedupeKey()).isEqualTo("email:msgid:<CAJ4x8Zs9k2m=Yt@mail.gmail.com>");
        assertThat(m.requester().email()).isEqualTo("anna.schmidt@example.com");
        assertThat(m.requester().name()).isEqualTo("Anna Schmidt");
        assertThat(m.body()).isEqualTo("The vase arrived broken, photo attached.");
        assertThat(m.tags()).as("the event's DMARC verdict").containsExactly("dmarc-fail");
        assertThat(m.attachments()).singleElement().satisfies(a -> {
            assertThat(a.filename()).isEqualTo("vase.jpg");
            assertThat(files.get(a.id())).hasSize((int) a.size());
            assertThat(a.id()).startsWith("attachments/mail/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g81/");
        });
        assertThat(m.original().id()).isEqualTo("inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g81");
        assertThat(m.receivedAt()).hasToString("2026-11-23T09:15:02.028Z");
    }

    @Test
    void aSenderOverItsHourlyLimitIsCollectedRatherThanDropped() throws IOException {
        raw.put("inbound/o3vrnil0e2ic28trm7dfhrc2v0clambda4nbp0g81", mail().getBytes(StandardCharsets.UTF_8));
        InboundEmailHandler h = handler(1);
        invoke(h, Files.readAllBytes(EVENT));
        invoke(h, Files.readAllBytes(EVENT));
        assertThat(queued).hasSize(2);
        assertThat(queued.get(0).tags()).doesNotContain("rate-limited");
        assertThat(queued.get(1).tags()).contains("rate-limited");
        assertThat(queued.get(1).threadKeys()).last().satisfies(k -> assertThat(k.key()).startsWith("email:flood:anna.schmidt@example.com:"));
    }

    @Test
    void aMissingRawMessageFailsTheInvocationSoLambdaRetriesIt() {
        assertThatThrownBy(() -> invoke(handler(20), Files.readAllBytes(EVENT))).isInstanceOf(IOException.class).hasMessageContaining("NoSuchKey");
        assertThat(queued).isEmpty();
    }

    @Test
    void anEventThatIsNotAReceiptIsRefused() {
        assertThatThrownBy(() -> invoke(handler(20), "{\"detail\":{}}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> invoke(handler(20), "{\"Records\":[{\"ses\":{\"mail\":{\"messageId\":\"../../etc/passwd\"}}}]}"
                .getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
    }
}
