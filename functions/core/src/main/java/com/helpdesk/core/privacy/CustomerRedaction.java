package com.helpdesk.core.privacy;

import com.helpdesk.core.orders.OrderWebhook;
import com.helpdesk.core.orders.StoreRepository;
import com.helpdesk.core.port.TicketRepository;
import com.helpdesk.core.ticket.Requester;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * Shopify's {@code customers/redact}: erases a customer's personal data from every ticket of theirs in that store
 * (whatever its status) with the files their messages point at (attachments, raw mail), and what the store keeps
 * about them outside tickets. The tickets are found through the
 * requester index (never a scan) and listed in a {@link RedactionJob} before the first is touched, so a retry
 * after a crash finishes the job even though the index entries of the tickets already done are gone.
 */
public final class CustomerRedaction {
    private final TicketRepository tickets;
    private final StoreRepository stores;
    private final PersonalDataStore data;
    private final PersonalFiles files;
    private final Clock clock;

    public CustomerRedaction(TicketRepository tickets, StoreRepository stores, PersonalDataStore data, PersonalFiles files, Clock clock) {
        this.tickets = tickets;
        this.stores = stores;
        this.data = data;
        this.files = files;
        this.clock = clock;
    }

    /** @return the job as finished: how many tickets were redacted */
    public RedactionJob redact(OrderWebhook webhook) {
        Set<String> identities = identities(webhook.email(), webhook.phone());
        String jobId = "customer#" + webhook.store() + "#" + fingerprint(identities);
        Optional<RedactionJob> existing = data.findJob(jobId).filter(j -> j.finishedAt() == null);
        RedactionJob job = existing.orElseGet(() -> new RedactionJob(jobId, webhook.store(), webhook.topic(),
                CustomerTickets.of(tickets, stores, webhook.store(), identities), 0, clock.instant(), null));
        if (existing.isEmpty()) data.saveJob(job);
        while (!job.pending().isEmpty()) {
            redactTicket(data, files, job.pending().get(0), identities, webhook.topic(), clock);
            job = job.next(clock.instant());
            data.saveJob(job);
        }
        data.forgetCustomer(webhook.store(), identities, clock.instant());
        if (job.finishedAt() == null) {
            job = new RedactionJob(job.id(), job.store(), job.reason(), List.of(), job.done(), job.startedAt(), clock.instant());
            data.saveJob(job);
        }
        return job;
    }

    /**
     * One ticket: its files first (the table's pointers to them are what the redaction erases, so a retry after a
     * crash in between still finds them), then its items.
     */
    static void redactTicket(PersonalDataStore data, PersonalFiles files, String ticketId, Set<String> identities, String reason, Clock clock) {
        files.deleteAll(data.filesOf(ticketId));
        data.redactTicket(ticketId, identities, reason, clock.instant());
    }

    /** The customer's identities as the requester index keeps them (normalised email, E.164 phone). */
    public static Set<String> identities(String email, String phone) {
        Set<String> out = new TreeSet<>();
        for (String raw : new String[] {email, phone}) {
            if (raw == null || raw.isBlank()) continue;
            String identity = Requester.normaliseIdentity(raw);
            if (identity != null && !identity.isBlank()) out.add(identity);
        }
        return out;
    }

    /** Names the customer in a job id without their data: a SHA-256 of the identities. */
    static String fingerprint(Set<String> identities) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(String.join("\n", identities).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest).substring(0, 32);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
