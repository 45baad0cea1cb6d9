package com.helpdesk.core.email;

import java.util.Locale;

/**
 * A machine's notice about a message we sent that is not a delivery failure (those are
 * {@link DeliveryReport}s): a read receipt (RFC 8098 message disposition notification), a provider's
 * delivery notice or a recipient's complaint (Amazon SES notifications mailed by SNS, RFC 5965 feedback
 * reports). {@code originalMessageId} is the Message-ID of our message it is about, {@code recipient}
 * who read, received or complained, {@code detail} the machine's own words (the disposition, the
 * feedback type).
 */
public record MailNotice(Type type, String recipient, String detail, String originalMessageId) {
    public enum Type {
        /** The recipient's client displayed the message (an MDN with disposition "displayed"). */
        READ,
        /** It reached the recipient (SES delivery notice; an MDN "deleted", "dispatched" or "processed"). */
        DELIVERED,
        /** The recipient reported it as spam (SES complaint, feedback report). */
        COMPLAINT;

        /** The reason recorded for machine mail of this type. */
        public String reason() {
            return switch (this) {
                case READ -> "read-receipt";
                case DELIVERED -> "delivery-notice";
                case COMPLAINT -> "complaint";
            };
        }

        /** The delivery status of our message this notice reports (wire form), or null when it reports none. */
        public String deliveryStatus() {
            return switch (this) {
                case READ -> "read";
                case DELIVERED -> "delivered";
                case COMPLAINT -> null;
            };
        }
    }

    /** The notice an RFC 8098 disposition ("manual-action/MDN-sent-manually; displayed") makes. */
    public static Type ofDisposition(String disposition) {
        if (disposition == null) return Type.DELIVERED;
        int semi = disposition.indexOf(';');
        String type = (semi >= 0 ? disposition.substring(semi + 1) : disposition).strip().toLowerCase(Locale.ROOT);
        int slash = type.indexOf('/');
        if (slash >= 0) type = type.substring(0, slash).strip();
        return type.startsWith("displayed") ? Type.READ : Type.DELIVERED;
    }
}
