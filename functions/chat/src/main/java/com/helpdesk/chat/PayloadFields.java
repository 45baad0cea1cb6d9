package com.helpdesk.chat;

import com.fasterxml.jackson.databind.JsonNode;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The schema rules of the providers' payloads that are not plain presence: strings that must be strings,
 * attachment URLs that must be http(s), sizes in a sane range, file names reduced to a safe base name,
 * provider media ids of a provider's form. A delivery that breaks one is refused whole (400, nothing
 * enqueued), with the field named.
 */
final class PayloadFields {
    /** The largest attachment a provider may announce: WhatsApp's media limit is 100 MB, Twilio's far lower. */
    static final long MAX_ATTACHMENT_BYTES = 100L * 1024 * 1024;
    static final int MAX_URL = 2048;
    static final int MAX_FILENAME = 255;
    private static final Pattern MEDIA_TYPE = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}/[A-Za-z0-9][A-Za-z0-9!#$&^_.+-]{0,126}(\\s*;.*)?$");
    private static final Pattern MEDIA_ID = Pattern.compile("^[A-Za-z0-9_.:-]{1,128}$");

    private PayloadFields() {}

    /** A string or absent (null); a number, boolean, array or object is refused. */
    static String string(JsonNode n, String field, String path) throws ChatPayloads.Malformed {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) return null;
        if (!v.isTextual()) throw new ChatPayloads.Malformed(path + " must be a string");
        return v.textValue();
    }

    /** An attachment's location: an absolute http or https URL with a host (no file:, ftp:, javascript:, data:). */
    static String httpUrl(String url, String path) throws ChatPayloads.Malformed {
        if (url == null || url.isBlank()) throw new ChatPayloads.Malformed(path + " is required");
        if (url.length() > MAX_URL) throw new ChatPayloads.Malformed(path + " is longer than " + MAX_URL + " characters");
        try {
            URI u = new URI(url);
            String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
            if (!scheme.equals("https") && !scheme.equals("http")) throw new ChatPayloads.Malformed(path + " must be an http or https URL");
            if (u.getHost() == null || u.getHost().isBlank()) throw new ChatPayloads.Malformed(path + " must name a host");
            return url;
        } catch (URISyntaxException e) {
            throw new ChatPayloads.Malformed(path + " is not a valid URL");
        }
    }

    /** A byte count: absent is unknown (0); else a whole number from 0 to the maximum. */
    static long size(JsonNode n, String field, String path) throws ChatPayloads.Malformed {
        JsonNode v = n.path(field);
        if (v.isMissingNode() || v.isNull()) return 0;
        long size;
        if (v.isIntegralNumber() && v.canConvertToLong()) size = v.longValue();
        else if (v.isTextual() && v.textValue().matches("[0-9]{1,12}")) size = Long.parseLong(v.textValue()); // Twilio sends numbers as strings
        else throw new ChatPayloads.Malformed(path + " must be a whole number of bytes");
        if (size < 0 || size > MAX_ATTACHMENT_BYTES) {
            throw new ChatPayloads.Malformed(path + " must be between 0 and " + MAX_ATTACHMENT_BYTES + " bytes");
        }
        return size;
    }

    static String mediaType(String value, String path) throws ChatPayloads.Malformed {
        if (value == null || value.isBlank()) return null;
        if (!MEDIA_TYPE.matcher(value).matches() || hasControl(value)) throw new ChatPayloads.Malformed(path + " must be a media type such as image/png");
        return value;
    }

    static String mediaId(String value, String path) throws ChatPayloads.Malformed {
        if (value == null || !MEDIA_ID.matcher(value).matches()) {
            throw new ChatPayloads.Malformed(path + " must be the provider's media id (letters, digits, '_', '.', ':' or '-', at most 128)");
        }
        return value;
    }

    /**
     * A file name safe to show and to save under: the last segment of any path (either separator), no
     * control characters, no leading dots or spaces, at most 255 characters; the fallback when nothing is left.
     */
    static String filename(String raw, String fallback) {
        if (raw == null) return fallback;
        String base = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        StringBuilder clean = new StringBuilder();
        base.codePoints().filter(c -> !Character.isISOControl(c) && c != 0x2028 && c != 0x2029).forEach(clean::appendCodePoint);
        String s = clean.toString().strip().replaceFirst("^[.\\s]+", "").strip();
        if (s.length() > MAX_FILENAME) s = s.substring(s.length() - MAX_FILENAME); // keep the extension
        return s.isEmpty() ? fallback : s;
    }

    private static boolean hasControl(String s) {
        return s.chars().anyMatch(Character::isISOControl);
    }
}
