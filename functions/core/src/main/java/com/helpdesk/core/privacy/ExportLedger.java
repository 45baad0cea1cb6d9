package com.helpdesk.core.privacy;

/** Which data requests were answered: a redelivered request is answered once, with one event. */
public interface ExportLedger {
    boolean exported(String exportId);

    /**
     * Records the export together with its {@code CustomerDataExported} event (one atomic write, so the event is
     * neither lost nor sent twice). @return false when the export was recorded before (nothing written)
     */
    boolean record(CustomerDataExported exported);
}
