package com.helpdesk.mail;

import com.helpdesk.core.email.Email;
import com.helpdesk.core.email.QuotedText;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Seeded random inputs on every build, next to the fuzz tests' fixed seeds: the corpus messages with
 * bytes flipped, MIME tokens spliced in, parts cut or repeated, and texts built of quote-header
 * fragments. The seed is fixed, so a failure repeats; the count is bounded, so the build stays short.
 */
class MailMutationTest {
    private static final long SEED = 20261201L;
    private static final String[] TOKENS = {"\r\n", "\n", "--", "--b\r\n", "Content-Type: multipart/mixed; boundary=b\r\n",
            "Content-Transfer-Encoding: base64\r\n", "Content-Type: message/rfc822\r\n", "=?utf-8?B?", "?=", "=?", "\r\n\r\n", ":", ";",
            "\"", "<", ">", "@", "=\r\n", "=ZZ", "\u0000", "\u00ff", "From ", "report-type=disposition-notification", "{\"notificationType\":"};
    private static final String[] QUOTE_PARTS = {"On Mon, 30 Nov 2026", " wrote:", "> ", ">", "Von: ", "Gesendet: ", "-----Original Message-----",
            "Sent from my iPhone", "-- ", "пн, 30 нояб. 2026 г. в 10:00, ", "<a@b.c>", ":", "：", "\n", "\n\n", "写道", "_".repeat(12), "2026年", " "};

    @Test
    void mutatedMessagesParseWithoutAnException() throws Exception {
        List<byte[]> corpus = new ArrayList<>();
        for (String dir : List.of("src/test/resources/mail", "src/test/resources/corpus")) {
            try (Stream<Path> s = Files.list(Path.of(dir))) {
                for (Path p : s.filter(x -> x.toString().endsWith(".eml")).sorted().toList()) corpus.add(Files.readAllBytes(p));
            }
        }
        Random random = new Random(SEED);
        for (int i = 0; i < 400; i++) {
            byte[] mutated = mutate(corpus.get(random.nextInt(corpus.size())), corpus, random);
            Email mail = new MimeParser().parse(new ByteArrayInputStream(mutated), MimeParser.DISCARD);
            assertThat(mail.text()).as("input %d", i).isNotNull();
            assertThat(mail.visibleText()).as("input %d", i).isNotNull();
        }
    }

    @Test
    void textsOfQuoteHeaderFragmentsAreReadWithoutAnException() {
        Random random = new Random(SEED);
        for (int i = 0; i < 2000; i++) {
            StringBuilder b = new StringBuilder();
            int parts = 1 + random.nextInt(60);
            for (int p = 0; p < parts; p++) b.append(QUOTE_PARTS[random.nextInt(QUOTE_PARTS.length)]);
            String text = b.toString();
            assertThat(QuotedText.visible(text)).as(text).isNotNull();
            assertThat(HtmlText.visible(text.replace("\n", "<br>"))).isNotNull();
        }
    }

    private static byte[] mutate(byte[] source, List<byte[]> corpus, Random random) {
        byte[] b = source.clone();
        int edits = 1 + random.nextInt(8);
        for (int e = 0; e < edits && b.length > 0; e++) {
            int at = random.nextInt(b.length);
            switch (random.nextInt(5)) {
                case 0 -> b[at] = (byte) random.nextInt(256);
                case 1 -> b = splice(b, at, TOKENS[random.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8));
                case 2 -> b = java.util.Arrays.copyOf(b, at); // cut short
                case 3 -> {
                    byte[] other = corpus.get(random.nextInt(corpus.size()));
                    int from = random.nextInt(other.length);
                    b = splice(b, at, java.util.Arrays.copyOfRange(other, from, Math.min(other.length, from + 1 + random.nextInt(2000))));
                }
                default -> {
                    int len = Math.min(b.length - at, 1 + random.nextInt(200)); // a stretch repeated
                    byte[] piece = java.util.Arrays.copyOfRange(b, at, at + len);
                    for (int r = random.nextInt(20); r > 0; r--) b = splice(b, at, piece);
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, byte[] insert) {
        byte[] out = new byte[b.length + insert.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(insert, 0, out, at, insert.length);
        System.arraycopy(b, at, out, at + insert.length, b.length - at);
        return out;
    }
}
