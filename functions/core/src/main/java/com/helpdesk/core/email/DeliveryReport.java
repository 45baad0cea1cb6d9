package com.helpdesk.core.email;

/**
 * What a delivery status notification (RFC 3464, multipart/report) says: the failed recipient, its
 * status code (e.g. 5.1.1), the remote server's diagnostic, and the Message-ID of the message that
 * bounced (from the returned headers).
 */
public record DeliveryReport(String recipient, String action, String status, String diagnostic, String originalMessageId) {
    /** Whether the report says delivery failed (rather than delayed, relayed or delivered). */
    public boolean failed() {
        return action == null ? status == null || status.startsWith("5") : action.toLowerCase(java.util.Locale.ROOT).startsWith("failed");
    }
}
