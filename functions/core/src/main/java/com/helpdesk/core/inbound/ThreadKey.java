package com.helpdesk.core.inbound;

/**
 * Something in an inbound message that names a conversation, strongest first: a signed reply address,
 * an email Message-ID it answers, a chat conversation id. {@code key} is channel-qualified and opaque
 * here (e.g. "email:msgid:<abc@mail.example.com>"); {@code reason} is recorded on the message when the
 * key decides where it lands (e.g. "in-reply-to").
 */
public record ThreadKey(String key, String reason) {}
