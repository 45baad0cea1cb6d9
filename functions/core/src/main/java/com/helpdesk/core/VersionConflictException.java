package com.helpdesk.core;

/** The caller's copy is stale: someone else changed the ticket since it was read. */
public final class VersionConflictException extends DomainException {
    private final long currentVersion;
    private final boolean pinned;

    /** The store refused a write: another write won the race since the ticket was read. */
    public VersionConflictException(String message, long currentVersion) {
        this(message, currentVersion, false);
    }

    private VersionConflictException(String message, long currentVersion, boolean pinned) {
        super(message);
        this.currentVersion = currentVersion;
        this.pinned = pinned;
    }

    /** The version a caller pinned (If-Match) is not the stored one: reading again cannot help. */
    public static VersionConflictException pinned(String message, long currentVersion) {
        return new VersionConflictException(message, currentVersion, true);
    }

    public long currentVersion() {
        return currentVersion;
    }

    /** Whether this is the caller's pinned version refused, rather than a race lost in the store. */
    public boolean isPinned() {
        return pinned;
    }
}
