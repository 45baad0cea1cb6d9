package com.helpdesk.store;

import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.email.Acknowledgment;
import com.helpdesk.core.service.InboundThreading;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.csat.CsatToken;
import com.helpdesk.core.email.EmailNotices;
import com.helpdesk.core.email.EmailReplyTransport;
import com.helpdesk.core.email.ReplyAddress;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.port.MailSender;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.NewMessage;
import com.helpdesk.core.service.OutboundDelivery;
import com.helpdesk.core.service.SendOutcome;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.ticket.Visibility;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * One typical ticket's life, driven through the core services and the real DynamoDB store as the functions
 * drive them (issue 11's yardstick): an email opens the ticket and is acknowledged, an agent takes it and sends
 * two public replies, resolves it (the customer gets the resolution notice with the survey), the customer
 * rates it, and auto-close closes it. Each outbound mail is claimed and recorded sent as outbound-email does.
 * Only the ticket path's writes are measured: what the bus's consumers (SLA clocks, metrics, order context)
 * write on top is theirs. {@link #run} answers the write cost of each step, in order.
 */
public final class TicketLife {
    public static final String EMAIL_IN = "email in, with acknowledgment";
    public static final String STORE_EMAIL = "  of which: store the inbound email";
    public static final String ASSIGN = "assign";
    public static final String REPLY = "public reply, sent";
    public static final String RESOLVE = "resolve, with survey notice sent";
    public static final String CSAT = "CSAT rating";
    public static final String CLOSE = "auto-close";

    private static final Actor AGENT = Actor.agent("alice");
    private static final AtomicInteger LIVES = new AtomicInteger();

    private final DynamoDbClient dynamo;
    private final String table;
    private final WriteMeter meter;
    private final DynamoDbTicketRepository repo;
    private final TicketDesk desk;
    private final CsatService surveys;
    private final EmailNotices notices;
    private final OutboundDelivery mail;
    private final InboundThreading intake;
    private String lastTicket;

    /** @param dynamo a client with {@code meter} attached */
    public TicketLife(DynamoDbClient dynamo, String table, WriteMeter meter) {
        this.dynamo = dynamo;
        this.table = table;
        this.meter = meter;
        Clock clock = Clock.systemUTC();
        this.repo = new DynamoDbTicketRepository(dynamo, table);
        this.desk = TicketDesk.wire(repo, new UlidGenerator(clock), clock);
        this.surveys = new CsatService(repo, new CsatToken(new byte[32]), new UlidGenerator(clock), clock, Duration.ofDays(14));
        this.notices = new EmailNotices(desk.queries(), desk.commands(), surveys, "https://help.shop.example", "Shop support", true);
        // as the inbound processor is wired: the acknowledgment is written with the ticket
        this.intake = new InboundThreading(repo, new UlidGenerator(clock), clock, new Acknowledgment("Shop support"));
        MailSender ses = m -> new MailSender.Sent("ses-" + m.messageId().hashCode(), m.messageId());
        this.mail = new OutboundDelivery(repo, desk.deliveries(),
                new EmailReplyTransport(ses, new ReplyAddress(new byte[32], "support@shop.example"), "support@shop.example", "Shop support"), 3);
    }

    /** The write cost of each step of one ticket's life, in order (the reply twice, as "public reply, sent" and "... #2"). */
    public Map<String, WriteMeter.Totals> run() {
        Map<String, WriteMeter.Totals> steps = new LinkedHashMap<>();
        int life = LIVES.incrementAndGet();
        String customer = "jane" + life + "-" + System.nanoTime() + "@customer.example";
        Instant received = Instant.now();
        String[] ticket = new String[1];
        WriteMeter.Totals before = meter.snapshot();
        new DynamoDbSenderRate(dynamo, table).countOne("email:" + customer, received.truncatedTo(java.time.temporal.ChronoUnit.HOURS));
        ticket[0] = intake.receive(inboundEmail(customer, received)).ticketId();
        steps.put(STORE_EMAIL, meter.snapshot().minus(before));
        // outbound-email, on TicketCreated: the acknowledgment is there already, so it writes nothing
        if (notices.acknowledge(ticket[0]).isPresent()) throw new IllegalStateException("the ticket was acknowledged twice");
        // outbound-email, on the acknowledgment's MessageAdded: sends it
        send(ticket[0], desk.queries().get(ticket[0]).messages().stream().filter(m -> m.author().type() == ActorType.SYSTEM)
                .findFirst().orElseThrow(() -> new IllegalStateException("the new ticket has no acknowledgment")));
        steps.put(EMAIL_IN, meter.snapshot().minus(before));
        steps.put(ASSIGN, measure(() -> desk.commands().update(ticket[0],
                new TicketChange(null, null, Optional.of("alice"), null, null, null, null), OptionalLong.empty(), AGENT)));
        for (int i = 1; i <= 2; i++) {
            String body = i == 1 ? "Your parcel left our warehouse yesterday; here is the tracking link." : "It was delivered this morning.";
            steps.put(i == 1 ? REPLY : REPLY + " #2", measure(() -> {
                List<Message> thread = desk.commands().addMessage(ticket[0], new NewMessage(body, null, Visibility.PUBLIC, null, null),
                        OptionalLong.empty(), AGENT).messages();
                return send(ticket[0], thread.get(thread.size() - 1));
            }));
        }
        steps.put(RESOLVE, measure(() -> {
            desk.commands().update(ticket[0], new TicketChange(Status.RESOLVED, null, null, null, null, null, null), OptionalLong.empty(), AGENT);
            return notices.resolved(ticket[0]).map(n -> send(ticket[0], n));
        }));
        steps.put(CSAT, measure(() -> surveys.respond(surveys.surveyFor(ticket[0]).token(), 5, "quick and kind")));
        lastTicket = ticket[0];
        steps.put(CLOSE, measure(() -> desk.commands().closeIfResolvedBefore(ticket[0], Instant.now().plusSeconds(1),
                Actor.system("auto-close"), "resolved for 5 days")));
        return steps;
    }

    /** The ticket of the last {@link #run}. */
    public String lastTicket() {
        return lastTicket;
    }

    /** The whole life: every step but the "of which" detail. */
    public static WriteMeter.Totals total(Map<String, WriteMeter.Totals> steps) {
        return steps.entrySet().stream().filter(e -> !e.getKey().startsWith(" ")).map(Map.Entry::getValue)
                .reduce(WriteMeter.Totals.ZERO, WriteMeter.Totals::plus);
    }

    private WriteMeter.Totals measure(Supplier<?> step) {
        WriteMeter.Totals before = meter.snapshot();
        step.get();
        return meter.snapshot().minus(before);
    }

    private SendOutcome send(String ticketId, Message reply) {
        SendOutcome outcome = mail.deliver(ticketId, reply.id());
        if (outcome != SendOutcome.SENT) throw new IllegalStateException("the reply was not sent: " + outcome);
        return outcome;
    }

    /** A customer's first mail as the email intake hands it on (its Message-ID the thread key, its raw source kept). */
    private static InboundMessage inboundEmail(String customer, Instant at) {
        String messageId = "<CAF" + Math.abs(customer.hashCode()) + "." + at.toEpochMilli() + "@mail.customer.example>";
        return new InboundMessage("email:msgid:" + messageId, List.of(new ThreadKey("email:msgid:" + messageId, "message-id")),
                Channel.EMAIL, Requester.of("from", customer, null, "Jane Doe", null), "Where is my order #1042?",
                "Hello,\n\nI ordered a pair of boots ten days ago (order #1042) and they have not arrived yet. Could you tell me where "
                        + "they are?\n\nThanks,\nJane",
                null, List.of(), at, List.of(), messageId,
                new Attachment("mail/" + Math.abs(messageId.hashCode()) + "/raw", "original.eml", "message/rfc822", 4_812, null),
                InboundMessage.Kind.MESSAGE, null);
    }
}
