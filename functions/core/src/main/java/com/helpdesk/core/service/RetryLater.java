package com.helpdesk.core.service;

/** A delivery attempt failed transiently and the reply is queued again: the queue brings the request back later. */
public final class RetryLater extends RuntimeException {
    public RetryLater(String reason) {
        super(reason, null, false, false);
    }
}
