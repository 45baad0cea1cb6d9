package com.helpdesk.core.port;

import com.helpdesk.core.ticket.Attachment;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.time.Duration;

/**
 * Where attachments and raw messages are kept (object storage). Files are written once and never
 * changed; their id is their storage key.
 */
public interface FileStore {
    /**
     * Stores one file read from {@code content} (read to its end; at most one file is held in memory) under
     * {@code folder} and returns its reference.
     */
    Attachment save(String folder, String filename, String contentType, String contentId, InputStream content) throws IOException;

    /** A short-lived link that downloads the file with its filename and content type. */
    URI downloadLink(Attachment file, Duration validFor);
}
