package com.helpdesk.core;

/** The request is valid but the ticket's current state does not allow it (e.g. an illegal status move). */
public final class StateConflictException extends DomainException {
    private final String code;

    public StateConflictException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** A stable machine-readable reason, e.g. "illegal-transition". */
    public String code() {
        return code;
    }
}
