package com.helpdesk.core.email;

import java.util.Locale;

/** One address of a mail header: the display name as the sender wrote it (decoded), and the address. */
public record Mailbox(String name, String address) {
    public Mailbox {
        address = address == null ? null : address.strip();
        name = name == null || name.isBlank() ? null : name.strip();
    }

    /** The part before '@', lower-cased. */
    public String localPart() {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(0, at).toLowerCase(Locale.ROOT);
    }

    public String domain() {
        int at = address == null ? -1 : address.lastIndexOf('@');
        return at < 0 ? "" : address.substring(at + 1).toLowerCase(Locale.ROOT);
    }
}
