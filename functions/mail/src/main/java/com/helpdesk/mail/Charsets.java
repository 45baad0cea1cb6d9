package com.helpdesk.mail;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Charset labels as mail clients write them, mapped the way browsers and mail readers decode them: to
 * the superset the sender's software really used (windows-1252 for "iso-8859-1", GB18030 for "gb2312",
 * Windows-31J for "shift_jis"). Unknown or missing labels fall back to UTF-8 when the bytes are valid
 * UTF-8, else windows-1252, so no byte is lost.
 */
final class Charsets {
    private Charsets() {}

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private static final Map<String, String> SUPERSETS = Map.ofEntries(
            Map.entry("iso-8859-1", "windows-1252"), Map.entry("iso8859-1", "windows-1252"), Map.entry("latin1", "windows-1252"),
            Map.entry("l1", "windows-1252"), Map.entry("us-ascii", "windows-1252"), Map.entry("ascii", "windows-1252"),
            Map.entry("ansi_x3.4-1968", "windows-1252"), Map.entry("cp1252", "windows-1252"),
            Map.entry("gb2312", "GB18030"), Map.entry("gbk", "GB18030"), Map.entry("x-gbk", "GB18030"), Map.entry("euc-cn", "GB18030"),
            Map.entry("cp936", "GB18030"), Map.entry("gb_2312-80", "GB18030"),
            Map.entry("shift_jis", "windows-31j"), Map.entry("shift-jis", "windows-31j"), Map.entry("sjis", "windows-31j"),
            Map.entry("x-sjis", "windows-31j"), Map.entry("ms_kanji", "windows-31j"), Map.entry("cp932", "windows-31j"),
            Map.entry("iso-2022-jp", "x-windows-iso2022jp"), Map.entry("ks_c_5601-1987", "x-windows-949"),
            Map.entry("euc-kr", "x-windows-949"), Map.entry("iso-8859-9", "windows-1254"), Map.entry("iso-8859-11", "x-windows-874"),
            Map.entry("tis-620", "x-windows-874"), Map.entry("big5", "Big5-HKSCS"), Map.entry("utf8", "UTF-8"),
            Map.entry("unicode-1-1-utf-8", "UTF-8"), Map.entry("x-unicode20utf8", "UTF-8"),
            // Hebrew and Arabic in logical (-i) or explicit (-e) order are the same bytes as their ISO charset
            Map.entry("iso-8859-8-i", "ISO-8859-8"), Map.entry("iso-8859-8-e", "ISO-8859-8"), Map.entry("iso-8859-6-i", "ISO-8859-6"),
            Map.entry("iso-8859-6-e", "ISO-8859-6"), Map.entry("csiso88598i", "ISO-8859-8"),
            // the labels Apple's older mail software wrote (the WHATWG Encoding Standard's names), as Java names them
            Map.entry("macintosh", "x-MacRoman"), Map.entry("x-mac-roman", "x-MacRoman"), Map.entry("mac", "x-MacRoman"),
            Map.entry("x-mac-cyrillic", "x-MacCyrillic"), Map.entry("x-mac-ukrainian", "x-MacCyrillic"), Map.entry("x-mac-ce", "x-MacCentralEurope"),
            Map.entry("x-mac-greek", "x-MacGreek"), Map.entry("x-mac-turkish", "x-MacTurkish"), Map.entry("x-mac-icelandic", "x-MacIceland"),
            Map.entry("x-mac-croatian", "x-MacCroatian"), Map.entry("x-mac-romanian", "x-MacRomania"), Map.entry("x-mac-japanese", "windows-31j"),
            Map.entry("x-mac-chinesesimp", "GB18030"), Map.entry("x-mac-chinesetrad", "Big5-HKSCS"), Map.entry("x-mac-korean", "x-windows-949"));

    /** The charset to decode a label with, or null when the label names none Java knows. */
    static Charset forLabel(String label) {
        if (label == null) return null;
        String l = label.strip().replace("\"", "").toLowerCase(Locale.ROOT);
        if (l.isEmpty()) return null;
        String mapped = SUPERSETS.getOrDefault(l, l);
        try {
            return Charset.forName(mapped);
        } catch (IllegalArgumentException e) {
            try {
                return Charset.forName(l);
            } catch (IllegalArgumentException unknown) {
                return null;
            }
        }
    }

    /** Decodes bytes with the labelled charset; without a usable label, as UTF-8 if valid, else windows-1252. */
    static String decode(byte[] bytes, String label) {
        Charset cs = forLabel(label);
        if (cs != null && !cs.equals(WINDOWS_1252)) return new String(bytes, cs);
        if (cs == null || isAscii(bytes)) return guess(bytes);
        // labelled latin: still UTF-8 when it is (clients mislabel UTF-8 often, never the other way round)
        return validUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, WINDOWS_1252);
    }

    /** How far into an HTML part its meta charset is looked for (browsers look at the first 1024 bytes). */
    private static final int META_SCAN_BYTES = 2048;
    private static final Pattern META_CHARSET = Pattern.compile(
            "<meta[^>]{0,200}?charset\\s*=\\s*[\"']?([A-Za-z0-9_.:-]{1,40})", Pattern.CASE_INSENSITIVE);

    /**
     * The charset an HTML part names in its own &lt;meta&gt; (charset="..." or http-equiv Content-Type), for a part
     * whose Content-Type names none; null when it names none either.
     */
    static String metaCharset(byte[] html) {
        String head = new String(html, 0, Math.min(html.length, META_SCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        return m.find() ? m.group(1) : null;
    }

    static String guess(byte[] bytes) {
        return validUtf8(bytes) ? new String(bytes, StandardCharsets.UTF_8) : new String(bytes, WINDOWS_1252);
    }

    static boolean isAscii(byte[] bytes) {
        for (byte b : bytes) if (b < 0) return false;
        return true;
    }

    static boolean validUtf8(byte[] bytes) {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }
}
