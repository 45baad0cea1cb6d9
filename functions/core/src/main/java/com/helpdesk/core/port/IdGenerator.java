package com.helpdesk.core.port;

/** Makes opaque, unique, roughly time-ordered ids such as {@code tkt_01JD3...}. */
public interface IdGenerator {
    String newId(String prefix);
}
