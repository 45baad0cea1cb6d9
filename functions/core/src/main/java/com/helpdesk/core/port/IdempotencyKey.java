package com.helpdesk.core.port;

/**
 * A client's retry key for a create, scoped to the caller. {@code fingerprint} identifies the request
 * body so that reusing a key for a different request is refused instead of silently answered.
 */
public record IdempotencyKey(String scope, String key, String fingerprint) {}
