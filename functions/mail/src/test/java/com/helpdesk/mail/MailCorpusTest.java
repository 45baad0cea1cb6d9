package com.helpdesk.mail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.core.email.AutoReplies;
import com.helpdesk.core.email.Email;
import com.helpdesk.core.email.EmailIntake;
import com.helpdesk.core.email.ReplyAddress;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.ticket.Attachment;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every message of the corpus (src/test/resources/mail, written by generate.py in the shapes real
 * clients and servers produce) parsed as the inbound function parses it, against its expectation file.
 */
class MailCorpusTest {
    /** Two corpora, written independently: mail/ along with the parser, corpus/ by someone who had not seen it. */
    private static final List<Path> CORPORA = List.of(Path.of("src/test/resources/mail"), Path.of("src/test/resources/corpus"));
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SUPPORT = "support@help.example.com";

    @TestFactory
    Stream<DynamicTest> eachMessageParsesAsExpected() throws IOException {
        List<Path> files = new java.util.ArrayList<>();
        for (Path corpus : CORPORA) {
            try (Stream<Path> s = Files.list(corpus)) {
                List<Path> mine = s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
                assertThat(mine).as(corpus.toString()).hasSizeGreaterThanOrEqualTo(30);
                files.addAll(mine);
            }
        }
        return files.stream().map(eml -> DynamicTest.dynamicTest(eml.getParent().getFileName() + "/" + eml.getFileName(), () -> check(eml)));
    }

    private static void check(Path eml) throws IOException {
        JsonNode x = JSON.readTree(Files.readString(Path.of(eml.toString().replace(".eml", ".json"))));
        Email mail;
        try (InputStream in = Files.newInputStream(eml)) {
            mail = new MimeParser().parse(in, MimeParser.DISCARD);
        }
        SoftAssertions soft = new SoftAssertions();
        soft.assertThat(mail.unreadable()).as("readable").isFalse();
        if (x.has("from")) {
            soft.assertThat(mail.from()).as("from").isNotNull();
            if (mail.from() != null) {
                soft.assertThat(mail.from().address()).as("from.email").isEqualTo(x.get("from").get("email").asText());
                if (x.get("from").has("name")) soft.assertThat(mail.from().name()).as("from.name").isEqualTo(text(x.get("from"), "name"));
            }
        }
        if (x.has("subject")) soft.assertThat(mail.subject()).as("subject").isEqualTo(text(x, "subject"));
        JsonNode subjectContains = x.path("subjectContains");
        for (JsonNode s : subjectContains.isArray() ? subjectContains : List.of(subjectContains)) {
            if (!s.isMissingNode()) soft.assertThat(mail.subject()).as("subject").contains(s.asText());
        }
        if (x.has("messageId")) soft.assertThat(mail.messageId()).as("messageId").isEqualTo(text(x, "messageId"));
        if (x.has("inReplyTo")) soft.assertThat(mail.inReplyTo()).as("inReplyTo").isEqualTo(text(x, "inReplyTo"));
        if (x.has("references")) {
            soft.assertThat(mail.references()).as("references").containsExactlyElementsOf(
                    JSON.convertValue(x.get("references"), JSON.getTypeFactory().constructCollectionType(List.class, String.class)));
        }
        if (x.has("visibleText")) soft.assertThat(mail.visibleText()).as("visible text").isEqualTo(x.get("visibleText").asText());
        for (JsonNode s : x.path("visibleTextContains")) soft.assertThat(mail.visibleText()).as("visible text").contains(s.asText());
        for (JsonNode s : x.path("visibleTextExcludes")) soft.assertThat(mail.visibleText()).as("visible text").doesNotContain(s.asText());
        for (JsonNode s : x.path("fullTextContains")) soft.assertThat(mail.text()).as("full text").contains(s.asText());
        if (x.has("attachments")) {
            JsonNode want = x.get("attachments");
            soft.assertThat(mail.attachments()).as("attachments").hasSize(want.size());
            for (int i = 0; i < Math.min(want.size(), mail.attachments().size()); i++) {
                Attachment got = mail.attachments().get(i);
                JsonNode w = want.get(i);
                soft.assertThat(got.filename()).as("attachment %d filename", i).isEqualTo(w.get("filename").asText());
                soft.assertThat(got.contentType()).as("attachment %d type", i).isEqualTo(w.get("contentType").asText());
                if (w.has("size")) soft.assertThat(got.size()).as("attachment %d size", i).isEqualTo(w.get("size").asLong());
                if (w.has("sizeAtLeast")) soft.assertThat(got.size()).as("attachment %d size", i).isBetween(w.get("sizeAtLeast").asLong(), w.get("sizeAtMost").asLong());
                if (w.has("contentId")) soft.assertThat(got.contentId()).as("attachment %d contentId", i).isEqualTo(text(w, "contentId"));
            }
        }
        Optional<String> auto = AutoReplies.reason(mail, List.of(SUPPORT));
        if (x.has("autoReply")) soft.assertThat(auto.isPresent()).as("auto-reply " + auto).isEqualTo(x.get("autoReply").asBoolean());
        if (x.has("autoReplyReason")) soft.assertThat(auto).as("auto-reply reason").hasValue(x.get("autoReplyReason").asText());
        if (x.has("bounce")) {
            JsonNode b = x.get("bounce");
            soft.assertThat(mail.report()).as("delivery report").isNotNull();
            if (mail.report() != null) {
                soft.assertThat(mail.report().recipient()).as("bounce recipient").isEqualTo(b.get("recipient").asText());
                soft.assertThat(mail.report().status()).as("bounce status").isEqualTo(b.get("status").asText());
                soft.assertThat(mail.report().diagnostic()).as("bounce diagnostic").isEqualTo(b.get("diagnostic").asText());
                soft.assertThat(mail.report().originalMessageId()).as("bounced message").isEqualTo(b.get("originalMessageId").asText());
            }
        } else {
            soft.assertThat(mail.report()).as("no delivery report").isNull();
        }
        if (x.has("notice")) {
            JsonNode n = x.get("notice");
            soft.assertThat(mail.notice()).as("notice").isNotNull();
            if (mail.notice() != null) {
                soft.assertThat(mail.notice().type().name()).as("notice type").isEqualTo(n.get("type").asText());
                soft.assertThat(mail.notice().recipient()).as("notice recipient").isEqualTo(text(n, "recipient"));
                soft.assertThat(mail.notice().originalMessageId()).as("notice of message").isEqualTo(text(n, "originalMessageId"));
            }
        } else {
            soft.assertThat(mail.notice()).as("no notice").isNull();
        }
        if (x.has("kind")) checkInbound(soft, mail, x);
        if (x.path("parseProblems").asBoolean()) soft.assertThat(mail.problems()).as("problems reported").isNotEmpty();
        soft.assertAll();
    }

    /** What the intake makes of it: the kind decides whether it may open a ticket (only a MESSAGE may). */
    private static void checkInbound(SoftAssertions soft, Email mail, JsonNode x) {
        EmailIntake intake = new EmailIntake(new ReplyAddress("k".repeat(32).getBytes(StandardCharsets.UTF_8), SUPPORT), List.of(SUPPORT));
        InboundMessage in = intake.toInbound(mail, new EmailIntake.Receipt("ses-1", List.of(SUPPORT), null, Instant.EPOCH, null, null), false);
        soft.assertThat(in.kind().name()).as("kind").isEqualTo(x.get("kind").asText());
        soft.assertThat(in.requester().email()).as("requester").isNotEqualTo("unknown-sender@invalid.invalid");
        if (x.has("status")) soft.assertThat(in.bounce()).as("status report").extracting(InboundMessage.Bounce::status).isEqualTo(text(x, "status"));
        if (x.has("statusOf")) {
            soft.assertThat(in.bounce()).as("status of").extracting(InboundMessage.Bounce::repliedExternalId).isEqualTo(text(x, "statusOf"));
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
