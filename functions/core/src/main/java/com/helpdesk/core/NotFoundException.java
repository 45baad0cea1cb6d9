package com.helpdesk.core;

public final class NotFoundException extends DomainException {
    public NotFoundException(String message) {
        super(message);
    }
}
