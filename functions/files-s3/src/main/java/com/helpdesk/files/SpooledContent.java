package com.helpdesk.files;

import software.amazon.awssdk.core.sync.RequestBody;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A file of unknown length read once from a stream, so that S3 gets it with its length up front (a PUT
 * with Content-Length, which the HTTP client streams instead of buffering): up to {@link #IN_MEMORY_BYTES}
 * stays in memory, anything longer is spooled to a temporary file (Lambda's /tmp) and read from there.
 * The heap holds at most one small buffer per file, however large the file. Closing deletes the temporary file.
 */
final class SpooledContent implements AutoCloseable {
    /** Most attachments (signatures, small images) stay below this and never touch the disk. */
    static final int IN_MEMORY_BYTES = 64 * 1024;

    private final byte[] head;
    private final int headLength;
    private final Path spooled;
    private final long length;

    private SpooledContent(byte[] head, int headLength, Path spooled, long length) {
        this.head = head;
        this.headLength = headLength;
        this.spooled = spooled;
        this.length = length;
    }

    /** Reads {@code content} to its end; a longer file goes to a temporary file in {@code folder}. */
    static SpooledContent read(InputStream content, Path folder) throws IOException {
        byte[] head = new byte[IN_MEMORY_BYTES];
        int n = content.readNBytes(head, 0, head.length);
        if (n < head.length) return new SpooledContent(head, n, null, n);
        Path file = Files.createTempFile(folder, "attachment-", ".part");
        try (OutputStream out = Files.newOutputStream(file)) {
            out.write(head, 0, n);
            long rest = content.transferTo(out);
            return new SpooledContent(null, 0, file, n + rest);
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(file);
            throw e;
        }
    }

    long length() {
        return length;
    }

    /** Whether the file went to disk (tests). */
    boolean onDisk() {
        return spooled != null;
    }

    /** The body for a PutObject: its length known, re-readable for the SDK's signing and retries, never copied. */
    RequestBody body(String contentType) {
        if (spooled == null) {
            return RequestBody.fromContentProvider(() -> new ByteArrayInputStream(head, 0, headLength), length, contentType);
        }
        return RequestBody.fromContentProvider(() -> {
            try {
                return Files.newInputStream(spooled);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, length, contentType);
    }

    @Override
    public void close() throws IOException {
        if (spooled != null) Files.deleteIfExists(spooled);
    }
}
