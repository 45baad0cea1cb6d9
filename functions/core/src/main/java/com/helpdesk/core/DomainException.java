package com.helpdesk.core;

/**
 * Base of every refusal the domain can give. Each subtype maps to one kind of client error;
 * the message is written for the API's users, so it must never carry internals.
 */
public abstract class DomainException extends RuntimeException {
    protected DomainException(String message) {
        super(message, null, false, false);
    }
}
