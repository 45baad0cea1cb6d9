package com.helpdesk.core.email;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.inbound.ThreadKey;
import com.helpdesk.core.ticket.Attachment;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * Turns a received email into the channel-agnostic inbound message: who wrote it, the thread keys in
 * the order they decide (signed reply address, In-Reply-To and References, the subject token for the
 * ticket's own participants; its own Message-ID is claimed so answers to it thread too), what kind of
 * mail it is (a person's, an auto-reply, a delivery report) and the tags its verdicts earn.
 */
public final class EmailIntake {
    /** Thread keys of email Message-IDs. */
    public static final String MESSAGE_ID_KEY = "email:msgid:";
    /** At most this many References are followed (the newest), so one message's claims stay small. */
    static final int MAX_REFERENCES = 20;

    /** How SES (or the local stack) delivered the message. */
    public record Receipt(String providerMessageId, List<String> recipients, String envelopeSender, Instant receivedAt,
                          MailVerdicts verdicts, Attachment original) {
        public Receipt {
            recipients = recipients == null ? List.of() : List.copyOf(recipients);
            verdicts = verdicts == null ? MailVerdicts.NONE : verdicts;
        }
    }

    private final ReplyAddress replyAddress;
    private final List<String> supportAddresses;

    public EmailIntake(ReplyAddress replyAddress, List<String> supportAddresses) {
        this.replyAddress = replyAddress;
        this.supportAddresses = List.copyOf(supportAddresses);
    }

    public static String messageIdKey(String messageId) {
        return MESSAGE_ID_KEY + messageId;
    }

    /** Why the mail is machine-written, if it is (then it opens no ticket and gets no automatic answer). */
    public Optional<String> autoReplyReason(Email mail) {
        return AutoReplies.reason(mail, supportAddresses);
    }

    /**
     * @param flooding the sender is over its rate: the message joins the sender's flood ticket of this
     *                 hour instead of opening a new one (threads by reply still win)
     */
    public InboundMessage toInbound(Email mail, Receipt receipt, boolean flooding) {
        Requester requester = requester(mail, receipt);
        List<ThreadKey> keys = new ArrayList<>();
        Set<String> recipients = new LinkedHashSet<>(receipt.recipients());
        for (Mailbox m : mail.to()) recipients.add(m.address());
        for (Mailbox m : mail.cc()) recipients.add(m.address());
        for (String r : recipients) {
            OptionalLong n = replyAddress.ticketNumber(r);
            if (n.isPresent()) {
                keys.add(new ThreadKey(ThreadKey.NUMBER + n.getAsLong(), "signed reply address"));
                break;
            }
        }
        DeliveryReport report = mail.report();
        if (report != null && report.originalMessageId() != null) {
            keys.add(new ThreadKey(messageIdKey(report.originalMessageId()), "delivery report of our message"));
        }
        MailNotice notice = mail.notice();
        boolean status = isStatus(notice);
        if (status) keys.add(new ThreadKey(messageIdKey(notice.originalMessageId()), notice.type().reason() + " of our message"));
        Set<String> answered = new LinkedHashSet<>();
        if (mail.inReplyTo() != null) answered.add(mail.inReplyTo());
        List<String> refs = mail.references();
        for (int i = refs.size() - 1; i >= 0 && answered.size() < MAX_REFERENCES; i--) answered.add(refs.get(i));
        for (String id : answered) {
            keys.add(new ThreadKey(messageIdKey(id), id.equals(mail.inReplyTo()) ? "in-reply-to " + id : "references " + id));
        }
        OptionalLong token = SubjectToken.find(mail.subject());
        if (token.isPresent()) {
            keys.add(new ThreadKey(ThreadKey.NUMBER + token.getAsLong(), "subject token " + SubjectToken.tag(token.getAsLong()), true));
        }
        if (mail.messageId() != null && !answered.contains(mail.messageId())) {
            keys.add(new ThreadKey(messageIdKey(mail.messageId()), "message-id"));
        }
        List<String> tags = new ArrayList<>();
        if (flooding) {
            String hour = receipt.receivedAt().toString().substring(0, 13);
            keys.add(new ThreadKey("email:flood:" + requester.identities().get(0) + ":" + hour, "sender over its rate limit"));
            tags.add("rate-limited");
        }
        MailVerdicts v = receipt.verdicts();
        if (v.spamFailed()) tags.add("spam");
        if (v.virusFailed()) tags.add("virus");
        if (v.dmarcFailed()) tags.add("dmarc-fail");
        List<Attachment> attachments = v.virusFailed() ? List.of() : new ArrayList<>(mail.attachments());
        String body = mail.visibleText();
        if (mail.unreadable()) {
            tags.add("parse_error");
            if (!v.virusFailed() && receipt.original() != null) attachments.add(receipt.original());
            body = "(This message could not be read; its raw source is attached.)";
        } else if (!mail.problems().isEmpty()) {
            tags.add("mime-repaired");
        }
        InboundMessage.Kind kind = kind(mail);
        InboundMessage.Bounce bounce = report != null
                ? new InboundMessage.Bounce(report.originalMessageId(), report.recipient(), report.status(), report.diagnostic())
                : status ? new InboundMessage.Bounce(providerIdOf(notice.originalMessageId()), notice.recipient(),
                        notice.type().deliveryStatus(), notice.detail())
                : null;
        String dedupe = mail.messageId() != null ? "email:msgid:" + mail.messageId() : "email:provider:" + receipt.providerMessageId();
        return new InboundMessage(dedupe, keys, Channel.EMAIL, requester, mail.subject(), body, mail.html(), attachments,
                receipt.receivedAt(), tags, mail.messageId(), receipt.original(), kind, bounce, deliveredTo(mail, receipt, requester));
    }

    /** A mail names at most this many recipients on its ticket: enough for a forward chain, not a mailing list. */
    static final int MAX_RECIPIENTS = 10;

    /**
     * The addresses the mail was sent to, the store's support address among them, most telling first: SES's envelope
     * recipients (the receipt rule's, so the helpdesk's own), Delivered-To (set by a mailbox that forwards to the
     * helpdesk), then To and Cc (a store's own support address, when its mailbox forwards to the helpdesk). The sender's
     * own address is left out; lower-case, each once.
     */
    static List<String> deliveredTo(Email mail, Receipt receipt, Requester requester) {
        Set<String> out = new LinkedHashSet<>();
        List<String> candidates = new ArrayList<>(receipt.recipients());
        String deliveredTo = mail.header("Delivered-To");
        if (deliveredTo != null) candidates.add(deliveredTo);
        for (Mailbox m : mail.to()) candidates.add(m.address());
        for (Mailbox m : mail.cc()) candidates.add(m.address());
        for (String c : candidates) {
            if (c == null || c.isBlank()) continue;
            String address = c.strip().replaceAll("^<|>$", "").toLowerCase(java.util.Locale.ROOT);
            if (!address.contains("@") || address.equals(requester.email())) continue;
            out.add(address);
            if (out.size() == MAX_RECIPIENTS) break;
        }
        return List.copyOf(out);
    }

    /**
     * A person's message, an auto-reply, a delivery report (a bounce), or a read receipt or delivery notice
     * about one of our messages (a status report on it). A complaint, and a receipt that names no message,
     * is machine mail like an auto-reply.
     */
    InboundMessage.Kind kind(Email mail) {
        if (mail.report() != null) return InboundMessage.Kind.BOUNCE;
        if (isStatus(mail.notice())) return InboundMessage.Kind.STATUS;
        return autoReplyReason(mail).isPresent() ? InboundMessage.Kind.AUTO_REPLY : InboundMessage.Kind.MESSAGE;
    }

    private static boolean isStatus(MailNotice notice) {
        return notice != null && notice.type().deliveryStatus() != null && notice.originalMessageId() != null;
    }

    /**
     * The provider's id of a message we sent, from its Message-ID: SES writes {@code <id@region.amazonses.com>}
     * (see the SES sender) and the reply's delivery keeps {@code id}. Any other Message-ID is its own id.
     */
    static String providerIdOf(String messageId) {
        String id = messageId.strip();
        if (id.startsWith("<") && id.endsWith(">")) id = id.substring(1, id.length() - 1);
        int at = id.lastIndexOf('@');
        return at > 0 && id.substring(at).toLowerCase(java.util.Locale.ROOT).endsWith(".amazonses.com") ? id.substring(0, at) : messageId;
    }

    /** The sender: From, else Reply-To, else the envelope sender; a sender none of them names is still a requester. */
    static Requester requester(Email mail, Receipt receipt) {
        List<Mailbox> candidates = new ArrayList<>();
        if (mail.from() != null) candidates.add(mail.from());
        candidates.addAll(mail.replyTo());
        if (receipt.envelopeSender() != null) candidates.add(new Mailbox(null, receipt.envelopeSender()));
        for (Mailbox m : candidates) {
            try {
                return Requester.of("from", m.address(), null, m.name(), null);
            } catch (ValidationException notAnAddress) {
                // try the next one
            }
        }
        String name = mail.from() == null ? null : mail.from().name();
        return Requester.of("from", "unknown-sender@invalid.invalid", null, name == null ? null : name.substring(0, Math.min(200, name.length())), null);
    }
}
