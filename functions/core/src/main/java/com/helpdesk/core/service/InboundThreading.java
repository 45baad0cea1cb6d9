package com.helpdesk.core.service;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.event.EventStamp;
import com.helpdesk.core.inbound.InboundLookup;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.InboundResult;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.port.DuplicateRequestException;
import com.helpdesk.core.port.IdGenerator;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.port.TicketWrite;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Delivery;
import com.helpdesk.core.ticket.DeliveryStatus;
import com.helpdesk.core.ticket.Message;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Tags;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.Transition;
import com.helpdesk.core.ticket.Visibility;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedSet;

/**
 * Takes one customer message from any channel: stored once however often it is delivered, threaded
 * by its keys in order (following merges to the surviving ticket), reopening a pending or resolved
 * ticket, opening a linked follow-up when the conversation's ticket is closed, or opening a new
 * ticket. Two messages of a new conversation arriving together make one ticket: the second one's
 * claim on the thread key fails and it is threaded again. An auto-reply joins its ticket without
 * reopening it and never opens one; a bounce marks the reply it reports as failed.
 */
public final class InboundThreading {
    /** How many merge pointers threading follows before giving up (merges cannot form cycles; this is a guard). */
    private static final int MAX_MERGE_HOPS = 10;

    private final TicketRepository repository;
    private final TicketReads reads;
    private final ReplyDelivery deliveries;
    private final IdGenerator ids;
    private final Clock clock;
    private final ConflictRetry retry = ConflictRetry.intake(false);
    private final OpeningNotice openingNotice;

    public InboundThreading(TicketRepository repository, IdGenerator ids, Clock clock) {
        this(repository, ids, clock, OpeningNotice.NONE);
    }

    /** @param openingNotice written with each ticket a customer's message opens (email's acknowledgment), in the same write */
    public InboundThreading(TicketRepository repository, IdGenerator ids, Clock clock, OpeningNotice openingNotice) {
        this.openingNotice = Objects.requireNonNull(openingNotice);
        this.repository = Objects.requireNonNull(repository);
        this.reads = new TicketReads(repository);
        this.deliveries = new ReplyDelivery(repository, ids, clock);
        this.ids = Objects.requireNonNull(ids);
        this.clock = Objects.requireNonNull(clock);
    }

    /** Where the message's keys lead: the ticket (null: none), why, and the keys to claim for it. */
    private record Threading(Ticket target, String reason, Map<String, String> claims, Map<String, String> leadingToTarget) {}

    public InboundResult receive(InboundMessage in) {
        if (in.dedupeKey() == null || in.dedupeKey().isBlank()) throw new ValidationException("dedupeKey", "is required");
        if (in.requester() == null) throw new ValidationException("requester", "is required");
        if (in.channel() == null) throw new ValidationException("channel", "is required");
        String body = in.body() == null || in.body().isBlank() ? "(no text)" : in.body();
        String text = body.length() > Message.MAX_BODY ? body.substring(0, Message.MAX_BODY) : body;
        Actor customer = Actor.customer(in.requester());
        return retry.run(() -> {
            InboundLookup lookup = repository.lookUpInbound(in.dedupeKey(),
                    in.threadKeys().stream().filter(k -> !k.namesTicket()).map(ThreadKey::key).toList());
            var seen = lookup.deliveredBefore();
            if (seen.isPresent()) return new InboundResult(InboundResult.Outcome.DUPLICATE, seen.get(), null, "delivered before");
            Threading threading = thread(in, lookup);
            try {
                return deliver(in, threading, text, customer);
            } catch (DuplicateRequestException dup) {
                return new InboundResult(InboundResult.Outcome.DUPLICATE, dup.ticketId(), null, "delivered before");
            }
        });
    }

    private Threading thread(InboundMessage in, InboundLookup lookup) {
        Ticket target = null;
        String reason = null;
        Map<String, String> claims = new LinkedHashMap<>(); // key -> the ticket it points to now (null: none)
        Map<String, String> leadingToTarget = new LinkedHashMap<>();
        for (ThreadKey key : in.threadKeys()) {
            Optional<String> found = key.namesTicket()
                    ? reads.idOfNumber(key.key().substring(ThreadKey.NUMBER.length())) : lookup.ticketOf(key.key());
            if (found.isEmpty()) {
                if (!key.namesTicket()) claims.put(key.key(), null);
                continue;
            }
            Ticket t = followMerges(found.get());
            if (key.participantsOnly() && !isParticipant(t, in.requester())) continue;
            if (target == null) {
                target = t;
                reason = key.reason() + (t.id().equals(found.get()) ? "" : " (merged into #" + t.number() + ")");
                if (!key.namesTicket()) leadingToTarget.put(key.key(), found.get());
            } else if (!key.namesTicket() && t.id().equals(target.id())) {
                leadingToTarget.put(key.key(), found.get());
            }
        }
        return new Threading(target, reason, claims, leadingToTarget);
    }

    private InboundResult deliver(InboundMessage in, Threading th, String body, Actor customer) {
        Ticket target = th.target();
        if (in.kind() == InboundMessage.Kind.BOUNCE) return bounced(in, target, th.reason());
        if (in.kind() == InboundMessage.Kind.STATUS) return statusReport(in, target);
        if (in.kind() == InboundMessage.Kind.AUTO_REPLY && (target == null || target.status() == Status.CLOSED)) {
            return unthreaded(in, target == null ? "auto-reply to no known conversation" : "auto-reply to closed #" + target.number());
        }
        if (target != null && target.status() != Status.CLOSED) {
            return threadOnto(target, in, body, th.reason(), customer, th.claims());
        }
        return openFor(target, in, body, th.reason(), customer, th.claims(), th.leadingToTarget());
    }

    private InboundResult unthreaded(InboundMessage in, String why) {
        repository.recordUnthreaded(in, why, StoreTime.now(clock));
        return new InboundResult(InboundResult.Outcome.UNTHREADED, null, null, why);
    }

    private static boolean isParticipant(Ticket t, Requester sender) {
        List<String> known = t.identities();
        return sender.identities().stream().anyMatch(known::contains);
    }

    private Ticket followMerges(String ticketId) {
        Ticket t = reads.ticket(ticketId);
        for (int hop = 0; t.mergedInto() != null && hop < MAX_MERGE_HOPS; hop++) t = reads.ticket(t.mergedInto());
        return t;
    }

    private InboundResult threadOnto(Ticket target, InboundMessage in, String body, String reason, Actor customer,
                                     Map<String, String> claims) {
        Instant now = StoreTime.now(clock);
        boolean autoReply = in.kind() == InboundMessage.Kind.AUTO_REPLY;
        String threading = autoReply ? reason + "; auto-reply: does not reopen" : reason;
        Message message = new Message(ids.newId("msg"), target.id(), customer, Visibility.PUBLIC, body, in.html(), in.channel(),
                now, in.attachments(), threading, in.externalId(), in.original(), null);
        Transition received = target.receive(message, autoReply, Tags.normaliseAll("tags", in.tags()), new EventStamp(ids, customer, now));
        repository.commitInbound(List.of(new TicketWrite(target, received.ticket(), List.of(message), received.events())), in.dedupeKey(), claims,
                target.id(), receivedAt(in, now));
        return new InboundResult(InboundResult.Outcome.THREADED, target.id(), message.id(), threading);
    }

    private InboundResult openFor(Ticket closed, InboundMessage in, String body, String reason, Actor customer,
                                  Map<String, String> claims, Map<String, String> leadingToClosed) {
        Instant now = StoreTime.now(clock);
        String why = closed == null ? "new conversation" : "follow-up of closed #" + closed.number() + " (" + reason + ")";
        String ticketId = ids.newId("tkt");
        Message message = new Message(ids.newId("msg"), ticketId, customer, Visibility.PUBLIC, body, in.html(), in.channel(), now,
                in.attachments(), why, in.externalId(), in.original(), null);
        String subject = in.subject() == null || in.subject().isBlank() ? "(no subject)" : in.subject().strip();
        if (subject.length() > Ticket.MAX_SUBJECT) subject = subject.substring(0, Ticket.MAX_SUBJECT);
        SortedSet<String> tags = Tags.normaliseAll("tags", in.tags());
        while (tags.size() > Tags.MAX_PER_TICKET) tags.remove(tags.last());
        Ticket ticket = Ticket.builder().id(ticketId).number(repository.allocateNumber()).subject(subject).status(Status.NEW)
                .priority(Priority.NORMAL).channel(in.channel()).requester(in.requester()).tags(tags)
                .linkedTicketIds(closed == null ? List.of() : List.of(closed.id()))
                .conversation(in.threadKeys().stream().map(ThreadKey::key).filter(k -> k.startsWith("chat:") && k.contains(":conv:"))
                        .findFirst().orElse(null))
                .recipients(in.recipients())
                .createdAt(now).updatedAt(now).version(1).lastMessageAt(now).messageCount(1).build();
        EventStamp stamp = new EventStamp(ids, customer, now);
        List<TicketWrite> writes = new ArrayList<>();
        writes.add(opening(ticket, message, stamp, why));
        Map<String, String> allClaims = new LinkedHashMap<>(claims);
        InboundResult.Outcome outcome = InboundResult.Outcome.CREATED;
        if (closed != null) {
            allClaims.putAll(leadingToClosed); // the conversation continues on the follow-up
            Transition linked = closed.followedUpBy(ticket, stamp);
            writes.add(new TicketWrite(closed, linked.ticket(), List.of(), linked.events()));
            outcome = InboundResult.Outcome.FOLLOW_UP;
        }
        repository.commitInbound(writes, in.dedupeKey(), allClaims, ticketId, receivedAt(in, now));
        return new InboundResult(outcome, ticketId, message.id(), why);
    }

    /**
     * The write that opens {@code ticket} with the customer's {@code first} message and, when there is one, the opening
     * notice (email's acknowledgment): one transaction instead of a second change that rewrites the ticket. The notice
     * is a millisecond younger than the message, so the thread shows it after the message it answers.
     */
    private TicketWrite opening(Ticket ticket, Message first, EventStamp stamp, String why) {
        Optional<OpeningNotice.Text> text = openingNotice.forOpened(ticket, first);
        if (text.isEmpty()) {
            return TicketWrite.create(ticket, List.of(first), List.of(stamp.created(ticket, why), stamp.messageAdded(ticket, first)));
        }
        Instant at = stamp.at().plusMillis(1);
        Message notice = new Message(ids.newId("msg"), ticket.id(), text.get().author(), Visibility.PUBLIC, text.get().body(), null,
                ticket.channel(), at, List.of(), text.get().key(), null, null, ticket.channel().delivers() ? Delivery.queued(at) : null);
        Ticket withNotice = ticket.toBuilder().messageCount(ticket.messageCount() + 1).build();
        return TicketWrite.create(withNotice, List.of(first, notice), List.of(stamp.created(withNotice, why),
                stamp.messageAdded(withNotice, first), new EventStamp(ids, notice.author(), at).messageAdded(withNotice, notice)));
    }

    /**
     * A delivery report about one of our replies: the reply is marked failed with the report's reason and
     * the ticket gets a system note, without a status change. A report about nothing we sent is recorded.
     */
    private InboundResult bounced(InboundMessage in, Ticket target, String reason) {
        InboundMessage.Bounce b = in.bounce();
        Message reply = null;
        if (target != null && b != null && b.repliedExternalId() != null) {
            reply = reads.thread(target.id()).messages().stream().filter(m -> b.repliedExternalId().equals(m.externalId())).findFirst().orElse(null);
        }
        if (reply == null) return unthreaded(in, "delivery report for no known reply");
        Instant now = StoreTime.now(clock);
        String detail = "bounced" + (b.recipient() == null ? "" : " by " + b.recipient())
                + (b.status() == null ? "" : ": " + b.status()) + (b.diagnostic() == null ? "" : " " + b.diagnostic());
        Actor mail = Actor.system("mail");
        Message note = new Message(ids.newId("msg"), target.id(), mail, Visibility.INTERNAL,
                "Delivery failed for the reply of " + reply.createdAt() + ": " + detail, null, in.channel(), now,
                in.attachments(), reason + "; delivery report", in.externalId(), in.original(), null);
        Delivery current = reply.delivery();
        Delivery failed = current == null || current.status().canMoveTo(DeliveryStatus.FAILED)
                ? Delivery.reported(current, DeliveryStatus.FAILED, now, null, detail) : null;
        Transition noted = target.recordBounce(note, reply, failed, new EventStamp(ids, mail, now));
        List<Message> changed = failed == null ? List.of() : List.of(reply.withDelivery(failed));
        repository.commitInbound(List.of(new TicketWrite(target, noted.ticket(), List.of(note), List.of(), noted.events(), changed, List.of())),
                in.dedupeKey(), Map.of(), target.id(), receivedAt(in, now));
        return new InboundResult(InboundResult.Outcome.THREADED, target.id(), note.id(), detail);
    }

    /**
     * A provider's status callback about one of our replies (delivered, read, failed): recorded on the
     * reply; statuses only move forward, so a repeated or late callback changes nothing.
     */
    private InboundResult statusReport(InboundMessage in, Ticket target) {
        InboundMessage.Bounce r = in.bounce();
        Message reply = target == null || r == null || r.repliedExternalId() == null ? null : reads.thread(target.id()).messages().stream()
                .filter(m -> m.delivery() != null && r.repliedExternalId().equals(m.delivery().providerId())).findFirst().orElse(null);
        DeliveryStatus status;
        try {
            status = r == null ? null : DeliveryStatus.parse("status", r.status());
        } catch (ValidationException unknown) {
            status = null;
        }
        if (reply == null || status == null) return unthreaded(in, "status report for no known reply");
        boolean moved = deliveries.recordDelivery(reply.ticketId(), reply.id(), DeliveryOutcome.reported(status, r.diagnostic()),
                Actor.system("chat-status"));
        return new InboundResult(moved ? InboundResult.Outcome.THREADED : InboundResult.Outcome.DUPLICATE, reply.ticketId(), reply.id(),
                "delivery " + status.wire());
    }

    private static Instant receivedAt(InboundMessage in, Instant now) {
        return in.receivedAt() == null ? now : in.receivedAt();
    }
}
