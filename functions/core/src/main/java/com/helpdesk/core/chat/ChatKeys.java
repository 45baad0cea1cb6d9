package com.helpdesk.core.chat;

/** The thread keys of chat: a channel's conversation, and a message the provider knows by its id. */
public final class ChatKeys {
    private ChatKeys() {}

    public static String conversation(String channelId, String conversation) {
        return "chat:" + channelId + ":conv:" + conversation;
    }

    public static String providerMessage(String channelId, String providerMessageId) {
        return "chat:" + channelId + ":msg:" + providerMessageId;
    }

    /** The channel id of a conversation key, or null when it is not one. */
    public static String channelOf(String conversationKey) {
        if (conversationKey == null || !conversationKey.startsWith("chat:")) return null;
        int end = conversationKey.indexOf(":conv:");
        return end < 0 ? null : conversationKey.substring(5, end);
    }

    /** The provider's conversation reference of a conversation key. */
    public static String conversationOf(String conversationKey) {
        int at = conversationKey.indexOf(":conv:");
        return conversationKey.substring(at + 6);
    }
}
