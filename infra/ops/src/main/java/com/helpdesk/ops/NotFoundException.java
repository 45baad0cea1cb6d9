package com.helpdesk.ops;

/** What the command names does not exist in the stack: a queue, a ticket (exit code 3). */
final class NotFoundException extends RuntimeException {
    NotFoundException(String message) {
        super(message);
    }
}
