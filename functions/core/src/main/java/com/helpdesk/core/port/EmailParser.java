package com.helpdesk.core.port;

import com.helpdesk.core.email.Email;
import com.helpdesk.core.ticket.Attachment;

import java.io.IOException;
import java.io.InputStream;

/** Reads a raw RFC 5322 message as a stream; attachments go to the sink as they are met. */
public interface EmailParser {
    @FunctionalInterface
    interface AttachmentSink {
        Attachment save(String filename, String contentType, String contentId, InputStream content) throws IOException;
    }

    Email parse(InputStream raw, AttachmentSink sink) throws IOException;
}
