package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.helpdesk.local.e2e.Eventually.await;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The email channel through the local or a deployed stack, as SES and a mail client would drive it: raw mail
 * delivered as the receipt rule delivers it ({@link HelpdeskDriver#deliverEmail}), tickets read through the
 * agents' API, replies read from /_local/outbox (local only: a deployed stack really sends them). The
 * customers of the journeys that run deployed carry the run's suffix: a deployed stack keeps earlier runs' tickets.
 */
@Tag("deployable")
class EmailIT {
    private static final String RUN = HelpdeskDriver.runSuffix();
    private static HelpdeskDriver stack;
    private static AgentApiClient agent;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        stack = HelpdeskDriver.start();
        agent = stack.client(stack.token("bob", "agent"));
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    // ------------------------------------------------------------------ helpers

    private static JsonNode deliver(String raw, Map<String, String> headers) {
        return stack.deliverEmail(raw, headers);
    }

    private static String mail(String from, String subject, String messageId, String extraHeaders, String body) {
        return "From: " + from + "\r\nTo: Shop Support <support@help.example.com>\r\nSubject: " + subject + "\r\nMessage-ID: " + messageId
                + "\r\nDate: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\n" + extraHeaders
                + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + body + "\r\n";
    }

    private static String id() {
        return "<" + UUID.randomUUID() + "@mail.example.com>";
    }

    /** Tickets of a requester, newest first (the processor runs asynchronously behind the FIFO queue). */
    private static List<JsonNode> ticketsOf(String email) {
        JsonNode page = agent.get("/tickets?requester=" + email).json();
        List<JsonNode> out = new ArrayList<>();
        page.get("items").forEach(out::add);
        return out;
    }

    private static JsonNode ticket(String id) {
        return agent.get("/tickets/" + id).json();
    }

    private static JsonNode onlyTicketOf(String email) {
        return await(() -> ticketsOf(email), l -> l.size() == 1, "one ticket for " + email).get(0);
    }

    private static JsonNode outbox() {
        return agent.as(null).get("/_local/outbox").json();
    }

    /** The count-th reply (not automatic mail) sent to an address. */
    private static JsonNode sentTo(String email, int count) {
        return mailTo(email, false, count);
    }

    private static JsonNode mailTo(String email, boolean automatic, int count) {
        return await(() -> mails(email, automatic), l -> l.size() >= count, count + (automatic ? " automatic" : "") + " mail(s) to " + email)
                .get(count - 1);
    }

    private static List<JsonNode> mails(String email, boolean automatic) {
        List<JsonNode> mine = new ArrayList<>();
        outbox().forEach(e -> {
            if (e.get("to").toString().contains(email) && e.get("headers").has("Auto-Submitted") == automatic) mine.add(e);
        });
        return mine;
    }

    private static String reply(String ticketId, String body, String visibility) {
        AgentApiClient.Reply r = agent.post("/tickets/" + ticketId + "/messages",
                "{\"body\":\"" + body + "\",\"visibility\":\"" + visibility + "\"}");
        assertThat(r.status()).as(r.body()).isEqualTo(201);
        JsonNode messages = r.json().get("messages");
        return messages.get(messages.size() - 1).get("id").asText();
    }

    /** Waits until the reply is recorded as sent (its SES Message-ID is known from then on), as a customer's answer would. */
    private static void awaitSent(String ticketId, String replyId) {
        await(() -> message(ticketId, replyId).get("delivery"), d -> !d.isNull() && d.get("status").asText().equals("sent"), "reply sent");
    }

    /** The message with this body on the ticket, once the processor has threaded it. */
    private static JsonNode awaitMessage(String ticketId, String body) {
        return await(() -> {
            for (JsonNode m : ticket(ticketId).get("messages")) if (m.get("body").asText().equals(body)) return m;
            return null;
        }, m -> m != null, "message '" + body + "' on " + ticketId);
    }

    private static JsonNode message(String ticketId, String messageId) {
        for (JsonNode m : ticket(ticketId).get("messages")) if (m.get("id").asText().equals(messageId)) return m;
        throw new AssertionError("no message " + messageId);
    }

    // ------------------------------------------------------------------ tests

    @Test
    void aNewMailOpensATicketWithItsAttachmentDownloadableAndTheOriginalKept() throws Exception {
        String raw = "From: =?UTF-8?Q?J=C3=BCrgen_K=C3=B6nig?= <juergen" + RUN + "@example.com>\r\nTo: support@help.example.com\r\n"
                + "Subject: =?ISO-8859-1?Q?Besch=E4digte_Lieferung?=\r\nMessage-ID: " + id() + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/mixed; boundary=\"b\"\r\n\r\n--b\r\nContent-Type: text/plain; charset=iso-8859-1\r\n"
                + "Content-Transfer-Encoding: quoted-printable\r\n\r\nDie Vase kam zerbrochen an. Gr=FC=DFe\r\n--b\r\n"
                + "Content-Type: image/png\r\nContent-Disposition: attachment; filename*=UTF-8''Sch%C3%A4den.png\r\n"
                + "Content-Transfer-Encoding: base64\r\n\r\niVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==\r\n--b--\r\n";
        JsonNode delivered = deliver(raw, Map.of());
        assertThat(delivered.get("messageId").asText()).matches("[a-z0-9]{40}");
        JsonNode summary = onlyTicketOf("juergen" + RUN + "@example.com");
        assertThat(summary.get("subject").asText()).isEqualTo("Beschädigte Lieferung");
        assertThat(summary.get("requester").get("name").asText()).isEqualTo("Jürgen König");
        JsonNode first = ticket(summary.get("id").asText()).get("messages").get(0);
        assertThat(first.get("body").asText()).isEqualTo("Die Vase kam zerbrochen an. Grüße");
        assertThat(first.get("threading").asText()).isEqualTo("new conversation");
        JsonNode attachment = first.get("attachments").get(0);
        assertThat(attachment.get("filename").asText()).isEqualTo("Schäden.png");
        assertThat(attachment.get("size").asInt()).isEqualTo(70);

        AgentApiClient.Reply link = agent.get(attachment.get("downloadPath").asText());
        assertThat(link.status()).isEqualTo(303);
        HttpResponse<byte[]> file = HTTP.send(HttpRequest.newBuilder(URI.create(link.header("Location"))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.body()).hasSize(70);
        assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
        assertThat(agent.as(null).get(attachment.get("downloadPath").asText()).status()).as("downloads need a token").isEqualTo(401);

        AgentApiClient.Reply original = agent.get(first.get("original").get("downloadPath").asText());
        HttpResponse<String> source = HTTP.send(HttpRequest.newBuilder(URI.create(original.header("Location"))).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(source.body()).isEqualTo(raw);
    }

    @Test
    void repliesThreadByInReplyToBySignedAddressAndBySubjectTokenOnlyForParticipants() {
        stack.assume(HelpdeskDriver.Capability.OUTBOX);
        String customer = "carol@example.com";
        deliver(mail("Carol <" + customer + ">", "Order 1001 missing", id(), "", "Where is it?"), Map.of());
        String ticketId = onlyTicketOf(customer).get("id").asText();
        long number = ticket(ticketId).get("number").asLong();

        // the agent answers: the mail leaves with the signed Reply-To, the token and the thread headers
        String replyId = reply(ticketId, "It ships today.", "public");
        reply(ticketId, "SECRET internal note", "internal");
        JsonNode sent = sentTo(customer, 1);
        assertThat(sent.get("subject").asText()).isEqualTo("Re: Order 1001 missing [#" + number + "]");
        assertThat(sent.get("from").asText()).isEqualTo("bob (Support) <support@help.example.com>");
        String replyTo = sent.get("headers").get("Reply-To").asText();
        assertThat(replyTo).matches(".*<support\\+" + number + "-k0-[0-9a-f]{20}@help\\.example\\.com>");
        assertThat(sent.get("headers").get("In-Reply-To").asText()).startsWith("<").endsWith("@mail.example.com>");
        assertThat(sent.get("text").asText()).isEqualTo("It ships today.");
        JsonNode delivery = await(() -> message(ticketId, replyId).get("delivery"), d -> d.get("status").asText().equals("sent"), "sent");
        assertThat(delivery.get("providerId").asText()).isEqualTo(sent.get("sesMessageId").asText());
        assertThat(outbox().toString()).as("internal notes never leave").doesNotContain("SECRET internal note");

        // 1. In-Reply-To the Message-ID SES really sent
        deliver(mail(customer, "Re: whatever", id(), "In-Reply-To: " + sent.get("messageId").asText() + "\r\n",
                "Thanks!\r\n\r\nOn Mon, 23 Nov 2026 at 10:02, Support <support@help.example.com> wrote:\r\n> It ships today."), Map.of());
        JsonNode last = awaitMessage(ticketId, "Thanks!");
        assertThat(last.get("threading").asText()).startsWith("in-reply-to");
        assertThat(ticket(ticketId).get("status").asText()).as("a customer reply reopens a pending ticket").isEqualTo("open");

        // 2. the signed reply address, with no thread headers at all (a client that drops them)
        String addr = replyTo.substring(replyTo.indexOf('<') + 1, replyTo.indexOf('>'));
        deliver(mail(customer, "no token here", id(), "", "One more thing"), Map.of("X-SES-Recipients", addr));
        assertThat(awaitMessage(ticketId, "One more thing").get("threading").asText()).isEqualTo("signed reply address");

        // a forged reply address (wrong tag) is nothing but a new conversation
        deliver(mail("mallory@example.com", "hi", id(), "", "guess"),
                Map.of("X-SES-Recipients", "support+" + number + "-00000000000000000000@help.example.com"));
        assertThat(onlyTicketOf("mallory@example.com").get("id").asText()).isNotEqualTo(ticketId);

        // 3. the subject token, from the requester
        deliver(mail(customer, "Re: [#" + number + "] again", id(), "", "Token reply"), Map.of());
        assertThat(awaitMessage(ticketId, "Token reply").get("threading").asText()).isEqualTo("subject token [#" + number + "]");

        // ...but not from a stranger: a new ticket
        deliver(mail("stranger@example.org", "Re: [#" + number + "] let me in", id(), "", "I am not Carol"), Map.of());
        JsonNode strangers = onlyTicketOf("stranger@example.org");
        assertThat(strangers.get("id").asText()).isNotEqualTo(ticketId);
        assertThat(ticket(ticketId).get("messages").toString()).doesNotContain("I am not Carol");
    }

    @Test
    void theSameMailTwiceIsStoredOnceAndAutoRepliesNeverOpenTickets() {
        stack.assume(HelpdeskDriver.Capability.OUTBOX);
        String raw = mail("dave@example.com", "Hello", id(), "", "Once only");
        deliver(raw, Map.of());
        deliver(raw, Map.of());
        String ticketId = onlyTicketOf("dave@example.com").get("id").asText();

        deliver(mail("ooo@example.com", "Automatic reply: Hello", id(), "Auto-Submitted: auto-replied\r\n", "I am away"), Map.of());
        deliver(mail("bulk@example.com", "Newsletter", id(), "Precedence: bulk\r\n", "Buy now"), Map.of());
        // an out-of-office answer to our reply joins the ticket but does not change its status
        String answer = reply(ticketId, "Here you go.", "public");
        agent.patch("/tickets/" + ticketId, "{\"status\":\"pending\"}", null);
        JsonNode sent = sentTo("dave@example.com", 1);
        awaitSent(ticketId, answer);
        deliver(mail("dave@example.com", "Abwesenheitsnotiz: Re: Hello", id(), "In-Reply-To: " + sent.get("messageId").asText() + "\r\n",
                "Ich bin nicht im Büro."), Map.of());
        assertThat(awaitMessage(ticketId, "Ich bin nicht im Büro.").get("threading").asText()).contains("auto-reply");
        assertThat(ticket(ticketId).get("status").asText()).isEqualTo("pending");
        assertThat(ticket(ticketId).get("messages").toString()).as("stored once").containsOnlyOnce("Once only");
        assertThat(ticketsOf("ooo@example.com")).isEmpty();
        assertThat(ticketsOf("bulk@example.com")).isEmpty();
        // ...but they are kept, in sight
        JsonNode kept = agent.get("/inbound/unthreaded").json().get("items");
        assertThat(kept.toString()).contains("ooo@example.com").contains("bulk@example.com").contains("auto-reply to no known conversation");
        assertThat(agent.get("/inbound/unthreaded?date=yesterday").status()).isEqualTo(400);
        assertThat(ticketsOf("dave@example.com")).hasSize(1);
        assertThat(mails("ooo@example.com", true)).as("no automatic answer to machine mail").isEmpty();
        assertThat(mails("bulk@example.com", true)).isEmpty();
        assertThat(mails("dave@example.com", true)).as("the one acknowledgment of dave's own mail").hasSize(1);
    }

    @Test
    void aBounceOfOurReplyMarksItFailedOnItsTicket() {
        stack.assume(HelpdeskDriver.Capability.OUTBOX);
        deliver(mail("erin@example.com", "Help", id(), "", "please"), Map.of());
        String ticketId = onlyTicketOf("erin@example.com").get("id").asText();
        String replyId = reply(ticketId, "Answer", "public");
        JsonNode sent = sentTo("erin@example.com", 1);
        awaitSent(ticketId, replyId);
        String dsn = "From: MAILER-DAEMON@email.amazonses.com\r\nTo: support@help.example.com\r\nSubject: Delivery Status Notification (Failure)\r\n"
                + "Message-ID: " + id() + "\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/report; report-type=delivery-status; boundary=\"r\"\r\n\r\n"
                + "--r\r\nContent-Type: text/plain\r\n\r\nAn error occurred while trying to deliver the mail.\r\n"
                + "--r\r\nContent-Type: message/delivery-status\r\n\r\nReporting-MTA: dns; a8-1.smtp-out.amazonses.com\r\n\r\n"
                + "Final-Recipient: rfc822; erin@example.com\r\nAction: failed\r\nStatus: 5.1.1\r\n"
                + "Diagnostic-Code: smtp; 550 5.1.1 user unknown\r\n"
                + "--r\r\nContent-Type: text/rfc822-headers\r\n\r\nFrom: support@help.example.com\r\nTo: erin@example.com\r\n"
                + "Message-ID: " + sent.get("messageId").asText() + "\r\nSubject: Re: Help\r\n--r--\r\n";
        deliver(dsn, Map.of("X-SES-Source", ""));
        JsonNode delivery = await(() -> message(ticketId, replyId).get("delivery"), d -> d.get("status").asText().equals("failed"),
                "bounce recorded");
        assertThat(delivery.get("detail").asText()).contains("erin@example.com").contains("5.1.1").contains("user unknown");
        JsonNode t = ticket(ticketId);
        JsonNode note = t.get("messages").get(t.get("messages").size() - 1);
        assertThat(note.get("visibility").asText()).isEqualTo("internal");
        assertThat(note.get("author").get("type").asText()).isEqualTo("system");
        assertThat(ticketsOf("mailer-daemon@email.amazonses.com")).isEmpty();
    }

    @Test
    void aNewTicketIsAcknowledgedAndAResolutionAsksForARatingOnce() {
        stack.assume(HelpdeskDriver.Capability.OUTBOX);
        deliver(mail("Kim <kim@example.com>", "Lost parcel", id(), "", "Where is it?"), Map.of());
        String ticketId = onlyTicketOf("kim@example.com").get("id").asText();
        long number = ticket(ticketId).get("number").asLong();
        JsonNode ack = mailTo("kim@example.com", true, 1);
        assertThat(ack.get("subject").asText()).isEqualTo("Re: Lost parcel [#" + number + "]");
        assertThat(ack.get("headers").get("Auto-Submitted").asText()).isEqualTo("auto-replied");
        assertThat(ack.get("text").asText()).contains("ticket #" + number);
        JsonNode t = await(() -> ticket(ticketId), x -> x.get("messageCount").asInt() == 2, "acknowledgment in the thread");
        assertThat(t.get("status").asText()).as("an acknowledgment is no answer").isEqualTo("new");
        assertThat(t.get("firstResponseAt").isNull()).isTrue();

        assertThat(agent.patch("/tickets/" + ticketId, "{\"status\":\"resolved\"}", null).status()).isEqualTo(200);
        JsonNode notice = mailTo("kim@example.com", true, 2);
        assertThat(notice.get("text").asText()).contains("resolved").contains("/csat/");
        String link = notice.get("text").asText().lines().filter(l -> l.startsWith("5: ")).findFirst().orElseThrow().substring(3);
        assertThat(link).startsWith(stack.baseUrl().replace("127.0.0.1", "localhost") + "/csat/").endsWith("?rating=5");
        AgentApiClient.Reply rated = agent.as(null).get(link.substring(link.indexOf("/csat/")));
        assertThat(rated.status()).as(rated.body()).isEqualTo(200);
        assertThat(await(() -> ticket(ticketId), x -> !x.get("csat").isNull(), "rating kept").get("csat").get("rating").asInt()).isEqualTo(5);
        assertThat(mails("kim@example.com", true)).as("one notice per resolution").hasSize(2);
    }

    @Test
    void theSameReplyEventDeliveredTwiceSendsOneMail() throws Exception {
        stack.assume(HelpdeskDriver.Capability.OUTBOX);
        deliver(mail("lou@example.com", "Twice?", id(), "", "hi"), Map.of());
        String ticketId = onlyTicketOf("lou@example.com").get("id").asText();
        String replyId = reply(ticketId, "Only once", "public");
        sentTo("lou@example.com", 1);
        // the bus delivers at least once: put the very same MessageAdded event on it again
        JsonNode original = null;
        for (JsonNode e : agent.as(null).get("/_local/events").json()) {
            JsonNode ev = e.get("event");
            if (ev.get("detail-type").asText().equals("MessageAdded") && ev.get("detail").get("data").get("messageId").asText().equals(replyId)) {
                original = ev;
            }
        }
        assertThat(original).as("the reply's MessageAdded on the bus").isNotNull();
        String entry = AgentApiClient.JSON.writeValueAsString(Map.of("Entries", List.of(Map.of("Source", original.get("source").asText(),
                "DetailType", "MessageAdded", "Detail", original.get("detail").toString(),
                "EventBusName", ((LocalDriver) stack).harness().stack().physicalName("HelpdeskBus")))));
        HttpResponse<String> put = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/_aws/events"))
                .header("Content-Type", "application/x-amz-json-1.1").header("X-Amz-Target", "AWSEvents.PutEvents")
                .POST(HttpRequest.BodyPublishers.ofString(entry)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(put.body()).contains("\"FailedEntryCount\":0");
        Thread.sleep(2000);
        assertThat(mails("lou@example.com", false)).hasSize(1);
        assertThat(message(ticketId, replyId).get("delivery").get("attempts").asInt()).isEqualTo(1);
    }

    @Test
    void aReplyToAMergedTicketsMailLandsInTheTicketItWasMergedInto() {
        stack.assume(HelpdeskDriver.Capability.OUTBOX);
        deliver(mail("max@example.com", "First problem", id(), "", "one"), Map.of());
        String target = onlyTicketOf("max@example.com").get("id").asText();
        deliver(mail("max@example.com", "Second problem", id(), "", "two"), Map.of());
        String source = await(() -> ticketsOf("max@example.com"), l -> l.size() == 2, "two tickets").stream()
                .map(x -> x.get("id").asText()).filter(x -> !x.equals(target)).findFirst().orElseThrow();
        String answer = reply(source, "About the second problem", "public");
        JsonNode sent = await(() -> mails("max@example.com", false), l -> !l.isEmpty(), "the answer").get(0);
        awaitSent(source, answer);
        AgentApiClient.Reply merged = agent.post("/tickets/" + target + "/merge", "{\"ticketIds\":[\"" + source + "\"]}");
        assertThat(merged.status()).as(merged.body()).isEqualTo(200);
        deliver(mail("max@example.com", "Re: Second problem", id(), "In-Reply-To: " + sent.get("messageId").asText() + "\r\n",
                "Still about the second one"), Map.of());
        JsonNode m = awaitMessage(target, "Still about the second one");
        assertThat(m.get("ticketId").asText()).isEqualTo(target);
        assertThat(m.get("threading").asText()).contains("merged into #" + ticket(target).get("number").asLong());
        assertThat(ticket(source).get("status").asText()).isEqualTo("closed");
    }

    @Test
    void aReplyToAClosedTicketOpensALinkedFollowUp() {
        String m1 = id();
        String frank = "frank" + RUN + "@example.com";
        deliver(mail(frank, "Broken", m1, "", "It broke"), Map.of());
        String ticketId = onlyTicketOf(frank).get("id").asText();
        assertThat(agent.patch("/tickets/" + ticketId, "{\"status\":\"resolved\"}", null).status()).isEqualTo(200);
        assertThat(agent.patch("/tickets/" + ticketId, "{\"status\":\"closed\"}", null).status()).isEqualTo(200);
        deliver(mail(frank, "Re: Broken", id(), "In-Reply-To: " + m1 + "\r\n", "Still broken"), Map.of());
        List<JsonNode> both = await(() -> ticketsOf(frank), l -> l.size() == 2, "follow-up opened");
        JsonNode followUp = both.stream().filter(x -> !x.get("id").asText().equals(ticketId)).findFirst().orElseThrow();
        assertThat(followUp.get("linkedTicketIds").toString()).contains(ticketId);
        assertThat(ticket(followUp.get("id").asText()).get("messages").get(0).get("threading").asText()).startsWith("follow-up of closed #");
    }

    @Test
    void verdictsTagAndAVirusKeepsNoAttachment() {
        String raw = "From: gina" + RUN + "@example.com\r\nTo: support@help.example.com\r\nSubject: invoice\r\nMessage-ID: " + id()
                + "\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"v\"\r\n\r\n--v\r\nContent-Type: text/plain\r\n\r\nsee attached\r\n"
                + "--v\r\nContent-Type: application/octet-stream; name=\"invoice.exe\"\r\nContent-Transfer-Encoding: base64\r\n\r\nTVqQAAMAAAAEAAAA\r\n--v--\r\n";
        deliver(raw, Map.of("X-SES-Virus-Verdict", "FAIL", "X-SES-Spam-Verdict", "FAIL", "X-SES-DMARC-Verdict", "FAIL"));
        JsonNode t = onlyTicketOf("gina" + RUN + "@example.com");
        assertThat(t.get("tags").toString()).contains("virus").contains("spam").contains("dmarc-fail");
        assertThat(ticket(t.get("id").asText()).get("messages").get(0).get("attachments")).isEmpty();
    }

    @Test
    void unreadableMailStillBecomesATicketWithItsSourceAttached() {
        deliver("\u0000\u0001 not a mail at all \u00ff", Map.of("X-SES-Recipients", "support@help.example.com",
                "X-SES-Source", "henry" + RUN + "@example.com"));
        JsonNode t = onlyTicketOf("henry" + RUN + "@example.com");
        assertThat(t.get("tags").toString()).contains("parse_error");
        JsonNode m = ticket(t.get("id").asText()).get("messages").get(0);
        assertThat(m.get("attachments").get(0).get("contentType").asText()).isEqualTo("message/rfc822");
    }

    @Test
    void throttlingIsRetriedAndARefusalIsRecordedAsFailed() {
        stack.assume(HelpdeskDriver.Capability.FAULTS);
        deliver(mail("ivy@example.com", "Q", id(), "", "?"), Map.of());
        String ticketId = onlyTicketOf("ivy@example.com").get("id").asText();
        mailTo("ivy@example.com", true, 1); // the acknowledgment is out before the faults go in
        agent.as(null).post("/_local/faults", "{\"service\":\"ses\",\"failNext\":4,\"error\":\"throttle\"}");
        String first = reply(ticketId, "A1", "public");
        JsonNode d = await(() -> message(ticketId, first).get("delivery"), x -> x.get("status").asText().equals("sent"), "sent after retries");
        assertThat(d.get("attempts").asInt()).isGreaterThanOrEqualTo(1);

        agent.as(null).post("/_local/faults", "{\"service\":\"ses\",\"failNext\":1,\"error\":\"reject\"}");
        String second = reply(ticketId, "A2", "public");
        d = await(() -> message(ticketId, second).get("delivery"), x -> x.get("status").asText().equals("failed"), "refused");
        assertThat(d.get("detail").asText()).startsWith("SES refused");
    }
}
