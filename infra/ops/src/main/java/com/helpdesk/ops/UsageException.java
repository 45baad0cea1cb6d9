package com.helpdesk.ops;

/** A command line the tool cannot run: the message says which argument and why (exit code 2). */
final class UsageException extends RuntimeException {
    UsageException(String message) {
        super(message);
    }
}
