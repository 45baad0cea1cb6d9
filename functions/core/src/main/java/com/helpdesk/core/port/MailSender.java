package com.helpdesk.core.port;

import com.helpdesk.core.email.OutgoingMail;

/** Sends mail (SES). */
public interface MailSender {
    /** What the provider did with a message: its id there, and the Message-ID the message really went out with. */
    record Sent(String providerId, String messageId) {}

    /** The provider refused or could not take the message; {@code permanent} failures are not retried. */
    final class DeliveryFailure extends Exception {
        private final boolean permanent;

        public DeliveryFailure(String reason, boolean permanent, Throwable cause) {
            super(reason, cause, false, false);
            this.permanent = permanent;
        }

        public boolean permanent() {
            return permanent;
        }
    }

    Sent send(OutgoingMail mail) throws DeliveryFailure;
}
