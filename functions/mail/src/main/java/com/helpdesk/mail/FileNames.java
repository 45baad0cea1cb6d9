package com.helpdesk.mail;

/** Attachment names as senders write them, made fit to store and to offer for download. */
final class FileNames {
    private FileNames() {}

    /**
     * Longer names are cut, keeping the extension: no file system keeps a longer one, and the name travels in the
     * download's Content-Disposition header (S3 refuses a request whose headers pass 8 KB, and a name percent-encoded
     * there takes up to nine bytes a character).
     */
    static final int MAX_CHARS = 200;
    private static final int MAX_EXTENSION_CHARS = 10;

    /** A filename without the folder some clients and web forms send with it ("C:\\Users\\ana\\invoice.pdf"). */
    static String withoutFolder(String filename) {
        if (filename == null) return null;
        String name = filename.substring(Math.max(filename.lastIndexOf('/'), filename.lastIndexOf('\\')) + 1).strip();
        return name.isEmpty() ? null : name;
    }

    static String shortened(String filename) {
        if (filename == null || filename.length() <= MAX_CHARS) return filename;
        int dot = filename.lastIndexOf('.');
        String extension = dot > 0 && filename.length() - dot <= MAX_EXTENSION_CHARS ? filename.substring(dot) : "";
        int end = MAX_CHARS - extension.length();
        if (Character.isHighSurrogate(filename.charAt(end - 1))) end--; // never half a character
        return filename.substring(0, end).strip() + extension;
    }
}
