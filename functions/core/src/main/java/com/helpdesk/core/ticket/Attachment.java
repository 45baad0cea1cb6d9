package com.helpdesk.core.ticket;

/**
 * A reference to a stored file: {@code id} is its storage key; the bytes live in object storage. Its
 * {@link #publicId()} (the key's last segment) names it in the API, under its ticket.
 */
public record Attachment(String id, String filename, String contentType, long size, String contentId) {
    public String publicId() {
        return id.substring(id.lastIndexOf('/') + 1);
    }
}
