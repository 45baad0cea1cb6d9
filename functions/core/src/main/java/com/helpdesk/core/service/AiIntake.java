package com.helpdesk.core.service;

import com.helpdesk.core.ValidationException.FieldError;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Tags;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.Transition;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Records an AI agent's conversation as a ticket, idempotently on the conversation id: the first
 * report opens the ticket with the transcript threaded (customer turns by the customer, the AI's by
 * the AI) and either resolves it by the AI (a deflection) or hands it to humans (open, the summary and
 * the reason as an internal note, the intent as a tag). A later report adds only the turns not seen
 * yet; a new customer turn on an AI-resolved conversation reopens it for humans and the deflection no
 * longer counts. The same report twice writes nothing.
 */
public final class AiIntake {
    /** Tags of AI outcomes: a deflection counts while the ticket stays resolved by the AI. */
    public static final String AI_DEFLECTED = Ticket.AI_DEFLECTED;
    public static final String AI_HANDOFF = Ticket.AI_HANDOFF;
    public static final int MAX_AI_TURNS = 200;

    private final TicketRepository repository;
    private final TicketReads reads;
    private final IdGenerator ids;
    private final Clock clock;
    private final ConflictRetry retry = ConflictRetry.intake(true);

    public AiIntake(TicketRepository repository, IdGenerator ids, Clock clock) {
        this.repository = Objects.requireNonNull(repository);
        this.reads = new TicketReads(repository);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
    }

    public CreateResult recordAiConversation(AiConversation c, Actor ai) {
        if (ai.type() != ActorType.AI) throw new IllegalArgumentException("an AI conversation is reported by an AI");
        SortedSet<String> intentTag = validate(c);
        String key = "ai:" + ai.id() + ":conv:" + c.conversationId();
        Actor customer = Actor.customer(c.customer());
        return retry.run(() -> {
            Optional<String> existing = repository.ticketForThreadKey(key);
            EventStamp stamp = new EventStamp(ids, ai, StoreTime.now(clock));
            if (existing.isEmpty()) return new CreateResult(openAiTicket(c, stamp, customer, key, intentTag), false);
            return new CreateResult(continueAiTicket(existing.get(), c, stamp, customer, intentTag), true);
        });
    }

    /** Checks the report; answers the intent as a tag (empty when it names none). */
    private static SortedSet<String> validate(AiConversation c) {
        List<FieldError> errors = new ArrayList<>();
        if (c.conversationId() == null || c.conversationId().isBlank() || c.conversationId().length() > 200) {
            errors.add(new FieldError("conversationId", "is required (at most 200 characters)"));
        }
        if (c.customer() == null) errors.add(new FieldError("customer", "is required"));
        if (c.channel() == null) errors.add(new FieldError("channel", "is required"));
        if (c.outcome() == null) errors.add(new FieldError("outcome", "is required (resolved or handoff)"));
        if (c.transcript().isEmpty()) errors.add(new FieldError("transcript", "needs at least one turn"));
        if (c.transcript().size() > MAX_AI_TURNS) errors.add(new FieldError("transcript", "at most " + MAX_AI_TURNS + " turns"));
        for (int i = 0; i < c.transcript().size(); i++) {
            AiConversation.Turn turn = c.transcript().get(i);
            if (turn.text() == null || turn.text().isBlank()) errors.add(new FieldError("transcript[" + i + "].text", "is required"));
            else if (turn.text().length() > Message.MAX_BODY) errors.add(new FieldError("transcript[" + i + "].text", "is too long"));
        }
        if (c.outcome() == AiConversation.Outcome.HANDOFF && (c.summary() == null || c.summary().isBlank())
                && (c.handoffReason() == null || c.handoffReason().isBlank())) {
            errors.add(new FieldError("summary", "a handoff needs a summary or a handoffReason for the humans who take over"));
        }
        SortedSet<String> intentTag = c.intent() == null || c.intent().isBlank() ? new TreeSet<>()
                : TicketFields.collect(errors, () -> Tags.normaliseAll("intent", List.of(c.intent())));
        TicketFields.throwIfAny(errors);
        return intentTag;
    }

    private List<Message> turns(String ticketId, AiConversation c, int from, Actor ai, Actor customer, Instant now) {
        List<Message> out = new ArrayList<>();
        for (int i = from; i < c.transcript().size(); i++) {
            AiConversation.Turn turn = c.transcript().get(i);
            Instant at = turn.at() == null ? now : turn.at();
            out.add(new Message(ids.newId("msg"), ticketId, turn.fromCustomer() ? customer : ai, Visibility.PUBLIC, turn.text(), null,
                    c.channel(), now, List.of(), "ai transcript #" + (i + 1) + " (" + at + ")", null, null, null));
        }
        return out;
    }

    private Message aiNote(String ticketId, AiConversation c, Actor ai, Instant now) {
        StringBuilder note = new StringBuilder("AI ").append(c.outcome() == AiConversation.Outcome.HANDOFF ? "handoff" : "resolution");
        if (c.intent() != null) note.append(" - intent: ").append(c.intent());
        if (c.confidence() != null) note.append(" (confidence ").append(c.confidence()).append(')');
        if (c.handoffReason() != null && !c.handoffReason().isBlank()) note.append("\nReason for the handoff: ").append(c.handoffReason());
        if (c.summary() != null && !c.summary().isBlank()) note.append("\nSummary: ").append(c.summary());
        return new Message(ids.newId("msg"), ticketId, ai, Visibility.INTERNAL, note.toString(), null, c.channel(), now, List.of(),
                "ai " + c.outcome().name().toLowerCase(Locale.ROOT), null, null, null);
    }

    private TicketThread openAiTicket(AiConversation c, EventStamp stamp, Actor customer, String key, SortedSet<String> intentTag) {
        Actor ai = stamp.actor();
        Instant now = stamp.at();
        String ticketId = ids.newId("tkt");
        boolean resolved = c.outcome() == AiConversation.Outcome.RESOLVED;
        List<Message> messages = new ArrayList<>(turns(ticketId, c, 0, ai, customer, now));
        messages.add(aiNote(ticketId, c, ai, now));
        SortedSet<String> tags = new TreeSet<>(intentTag);
        tags.add(resolved ? AI_DEFLECTED : AI_HANDOFF);
        String first = c.transcript().stream().filter(AiConversation.Turn::fromCustomer).map(AiConversation.Turn::text).findFirst()
                .orElse(c.transcript().get(0).text()).strip().replaceAll("\\s+", " ");
        String subject = (c.intent() == null ? "" : c.intent() + ": ") + (first.length() > 80 ? first.substring(0, 80) + "..." : first);
        if (subject.length() > Ticket.MAX_SUBJECT) subject = subject.substring(0, Ticket.MAX_SUBJECT);
        boolean aiAnswered = c.transcript().stream().anyMatch(t -> !t.fromCustomer());
        Ticket ticket = Ticket.builder().id(ticketId).number(repository.allocateNumber()).subject(subject)
                .status(resolved ? Status.RESOLVED : Status.OPEN).priority(Priority.NORMAL).channel(c.channel()).requester(c.customer())
                .tags(tags).createdAt(now).updatedAt(now).version(1).lastMessageAt(now).messageCount(messages.size())
                .firstResponseAt(aiAnswered ? now : null).resolvedAt(resolved ? now : null).resolvedBy(resolved ? ai : null).build();
        List<DomainEvent> events = new ArrayList<>();
        events.add(stamp.created(ticket, resolved ? "resolved by the AI agent" : "handed off by the AI agent: "
                + (c.handoffReason() == null ? "" : c.handoffReason())));
        for (Message m : messages) events.add(stamp.by(m.author()).messageAdded(ticket, m));
        Map<String, String> claims = new LinkedHashMap<>();
        claims.put(key, null); // the key is new: no ticket holds it yet
        repository.commitInbound(List.of(TicketWrite.create(ticket, messages, events)), key + "#report:" + c.transcript().size() + ":" + c.outcome(),
                claims, ticketId, now);
        return new TicketThread(ticket, messages);
    }

    private TicketThread continueAiTicket(String ticketId, AiConversation c, EventStamp stamp, Actor customer, SortedSet<String> intentTag) {
        Actor ai = stamp.actor();
        Instant now = stamp.at();
        TicketThread current = reads.thread(ticketId);
        Ticket t = current.ticket();
        int seen = (int) current.messages().stream().filter(m -> m.threading() != null && m.threading().startsWith("ai transcript #")).count();
        List<Message> added = new ArrayList<>(turns(ticketId, c, Math.min(seen, c.transcript().size()), ai, customer, now));
        boolean customerWroteAgain = added.stream().anyMatch(m -> m.author().type() == ActorType.CUSTOMER);
        boolean handoffNow = c.outcome() == AiConversation.Outcome.HANDOFF && t.aiDeflected();
        if (added.isEmpty() && !handoffNow) return current; // the same report again
        if (handoffNow || customerWroteAgain && c.outcome() == AiConversation.Outcome.HANDOFF) added.add(aiNote(ticketId, c, ai, now));
        Transition continued = t.continueAiConversation(added, c.outcome() == AiConversation.Outcome.HANDOFF, intentTag, customer, stamp);
        repository.commit(new TicketWrite(t, continued.ticket(), added, continued.events()));
        List<Message> thread = new ArrayList<>(current.messages());
        thread.addAll(added);
        return new TicketThread(continued.ticket(), thread);
    }
}
