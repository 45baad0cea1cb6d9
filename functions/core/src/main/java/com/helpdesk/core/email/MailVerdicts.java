package com.helpdesk.core.email;

import java.util.Locale;

/**
 * What the receiving service (SES) concluded about a message: each verdict PASS, FAIL, GRAY or
 * PROCESSING_FAILED (null when not checked).
 */
public record MailVerdicts(String spam, String virus, String spf, String dkim, String dmarc) {
    public static final MailVerdicts NONE = new MailVerdicts(null, null, null, null, null);

    public boolean spamFailed() { return failed(spam); }
    public boolean virusFailed() { return failed(virus); }
    public boolean dmarcFailed() { return failed(dmarc); }

    private static boolean failed(String verdict) {
        return verdict != null && verdict.strip().toUpperCase(Locale.ROOT).equals("FAIL");
    }
}
