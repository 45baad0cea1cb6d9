package com.helpdesk.core.chat;

import java.time.Instant;
import java.util.Map;

/** A configured chat channel: its kind and outbound settings. Its secrets live in the secret store. */
public record ChatChannel(String id, ChatKind kind, String name, Map<String, String> settings, Instant createdAt, Instant updatedAt) {
    public ChatChannel {
        settings = settings == null ? Map.of() : Map.copyOf(settings);
    }
}
