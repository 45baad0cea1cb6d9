package com.helpdesk.core;

/** The caller's copy is stale: someone else changed the ticket since it was read. */
public final class VersionConflictException extends DomainException {
    private final long currentVersion;

    public VersionConflictException(String message, long currentVersion) {
        super(message);
        this.currentVersion = currentVersion;
    }

    public long currentVersion() {
        return currentVersion;
    }
}
