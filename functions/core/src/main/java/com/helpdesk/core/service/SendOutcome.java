package com.helpdesk.core.service;

/** What one delivery attempt of a reply came to, whatever the channel. */
public enum SendOutcome {
    /** The provider took it. */
    SENT,
    /** Refused, or given up after the last attempt; the reply shows why. */
    FAILED,
    /** Nothing to send: not queued for sending (an internal note, a reply sent before) or another sender holds it. */
    SKIPPED
}
