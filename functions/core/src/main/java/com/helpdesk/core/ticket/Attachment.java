package com.helpdesk.core.ticket;

/** A reference to a stored file (the bytes live in object storage, keyed by {@code id}). */
public record Attachment(String id, String filename, String contentType, long size, String contentId) {}
