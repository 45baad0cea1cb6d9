package com.helpdesk.core.privacy;

import java.net.URI;
import java.time.Duration;
import java.util.Map;

/** Where a customer's data export is written (object storage, encrypted, expired by a lifecycle rule) and how it is handed out. */
public interface ExportFiles {
    /**
     * Writes the document as JSON under {@code key}, replacing what a crashed earlier attempt wrote there. Its values
     * are JSON-friendly (String, Number, Boolean, List, Map, null) or the domain's records.
     */
    void put(String key, Map<String, Object> document);

    /** A link that downloads the export, valid for {@code validFor} (and no longer than the signing credentials live). */
    URI link(String key, Duration validFor);
}
