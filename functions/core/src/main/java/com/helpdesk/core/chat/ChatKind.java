package com.helpdesk.core.chat;

import java.util.List;
import java.util.Locale;

/**
 * The chat providers a channel can be, with the secrets each needs (kept in the secret store, never
 * returned) and the outbound settings each needs (kept on the channel).
 */
public enum ChatKind {
    /** Our own JSON format for any widget or bot, signed with X-Helpdesk-Signature; replies go to callbackUrl. */
    GENERIC(List.of("signingSecret"), List.of("callbackUrl")),
    /** WhatsApp Cloud API: X-Hub-Signature-256 with the app secret; replies through the Graph API messages endpoint. */
    WHATSAPP(List.of("appSecret", "verifyToken", "accessToken"), List.of("phoneNumberId")),
    /** Twilio Conversations: X-Twilio-Signature with the auth token; replies through the Conversations API. */
    TWILIO(List.of("authToken"), List.of("accountSid"));

    private final List<String> secrets;
    private final List<String> settings;

    ChatKind(List<String> secrets, List<String> settings) {
        this.secrets = secrets;
        this.settings = settings;
    }

    public List<String> secrets() {
        return secrets;
    }

    public List<String> requiredSettings() {
        return settings;
    }

    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static ChatKind parse(String value) {
        for (ChatKind k : values()) if (k.wire().equals(value)) return k;
        throw new com.helpdesk.core.ValidationException("kind", "must be one of generic, whatsapp, twilio");
    }
}
