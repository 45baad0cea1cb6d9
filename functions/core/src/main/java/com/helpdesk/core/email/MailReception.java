package com.helpdesk.core.email;

import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.port.EmailParser;
import com.helpdesk.core.port.FileStore;
import com.helpdesk.core.port.InboundQueue;
import com.helpdesk.core.port.RawMailStore;
import com.helpdesk.core.port.SenderRate;
import com.helpdesk.core.ticket.Attachment;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The email intake: reads one received message from where SES stored it, as a stream; its attachments
 * are stored as they are read (none when the virus verdict failed); the normalised message is handed
 * to the inbound queue. No ticket logic: threading is the processor's job.
 */
public final class MailReception {
    /** One received message: its id at the provider, where its raw source is, and the delivery facts. */
    public record Arrival(String providerMessageId, String rawKey, List<String> recipients, String envelopeSender, Instant receivedAt,
                          MailVerdicts verdicts) {}

    private final RawMailStore raw;
    private final EmailParser parser;
    private final FileStore files;
    private final InboundQueue queue;
    private final SenderRate rate;
    private final EmailIntake intake;
    private final int floodLimit;

    public MailReception(RawMailStore raw, EmailParser parser, FileStore files, InboundQueue queue, SenderRate rate, EmailIntake intake,
                         int floodLimit) {
        this.raw = raw;
        this.parser = parser;
        this.files = files;
        this.queue = queue;
        this.rate = rate;
        this.intake = intake;
        this.floodLimit = floodLimit;
    }

    public InboundMessage receive(Arrival a) throws IOException {
        String folder = "mail/" + safe(a.providerMessageId());
        boolean virus = a.verdicts() != null && a.verdicts().virusFailed();
        EmailParser.AttachmentSink sink = virus
                ? (filename, type, cid, content) -> new Attachment("withheld", filename, type, content.transferTo(java.io.OutputStream.nullOutputStream()), cid)
                : (filename, type, cid, content) -> files.save(folder, filename, type, cid, content);
        Email mail;
        try (InputStream in = raw.open(a.rawKey())) {
            mail = parser.parse(in, sink);
        }
        Attachment original = new Attachment(a.rawKey(), "original.eml", "message/rfc822", raw.size(a.rawKey()), null);
        EmailIntake.Receipt receipt = new EmailIntake.Receipt(a.providerMessageId(), a.recipients(), a.envelopeSender(), a.receivedAt(),
                a.verdicts(), original);
        // only a person's mail counts towards the flood limit; machine mail opens no tickets anyway
        boolean flooding = intake.kind(mail) == InboundMessage.Kind.MESSAGE
                && rate.countOne("email:" + EmailIntake.requester(mail, receipt).identities().get(0),
                        a.receivedAt().truncatedTo(ChronoUnit.HOURS)) > floodLimit;
        InboundMessage message = intake.toInbound(mail, receipt, flooding);
        queue.enqueue(message, "email:" + message.requester().identities().get(0));
        return message;
    }

    private static String safe(String id) {
        return id == null ? "unknown" : id.replaceAll("[^A-Za-z0-9._-]", "_");
    }
}
