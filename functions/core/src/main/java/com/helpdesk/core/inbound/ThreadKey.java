package com.helpdesk.core.inbound;

/**
 * Something in an inbound message that names a conversation, strongest first: a signed reply address,
 * an email Message-ID it answers, a chat conversation id, a ticket number in the subject. {@code key} is
 * channel-qualified and opaque (e.g. "email:msgid:&lt;abc@mail.example.com&gt;"), except the form that
 * names a ticket directly: "number:&lt;n&gt;" (a signed reply address, a subject token). {@code reason} is recorded on the
 * message when the key decides where it lands. A {@code participantsOnly} key counts only when the
 * sender is the ticket's requester or one of its CCs (a subject token anyone could type).
 */
public record ThreadKey(String key, String reason, boolean participantsOnly) {
    public static final String NUMBER = "number:";

    public ThreadKey(String key, String reason) {
        this(key, reason, false);
    }

    /** Whether the key names a ticket directly (nothing to claim or look up in the thread-key index). */
    public boolean namesTicket() {
        return key.startsWith(NUMBER);
    }
}
