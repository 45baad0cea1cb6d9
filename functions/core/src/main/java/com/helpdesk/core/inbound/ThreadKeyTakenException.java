package com.helpdesk.core.inbound;

/** A concurrent write claimed one of the message's thread keys first: thread the message again. */
public final class ThreadKeyTakenException extends RuntimeException {
    public ThreadKeyTakenException(String key) {
        super("thread key already claimed: " + key, null, false, false);
    }
}
