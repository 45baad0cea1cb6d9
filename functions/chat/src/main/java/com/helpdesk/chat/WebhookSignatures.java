package com.helpdesk.chat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The providers' webhook signature schemes, each checked in constant time over the raw request:
 * ours ({@code X-Helpdesk-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">}, five-minute
 * window), Meta's ({@code X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the body>} with the app
 * secret) and Twilio's ({@code X-Twilio-Signature: base64 HMAC-SHA1 of the URL followed by the POST
 * parameters sorted by name, each name then value, a repeated one's distinct values sorted}, with the auth token).
 */
public final class WebhookSignatures {
    public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

    private WebhookSignatures() {}

    /** Why a signature was refused (a 401's detail); never says which part was wrong beyond what helps an integrator. */
    public static final class Refused extends Exception {
        public Refused(String reason) {
            super(reason, null, false, false);
        }
    }

    public static String generic(String secret, long unixSeconds, byte[] body) {
        return "t=" + unixSeconds + ",v1=" + HexFormat.of().formatHex(hmac("HmacSHA256", secret, concat((unixSeconds + ".").getBytes(StandardCharsets.UTF_8), body)));
    }

    public static void verifyGeneric(String header, String secret, byte[] body, Instant now) throws Refused {
        if (header == null || header.isBlank()) throw new Refused("X-Helpdesk-Signature is missing");
        requireSecret(secret);
        Long t = null;
        java.util.List<String> candidates = new java.util.ArrayList<>();
        for (String part : header.split(",")) {
            String p = part.strip();
            if (p.startsWith("t=")) {
                try {
                    t = Long.parseLong(p.substring(2));
                } catch (NumberFormatException e) {
                    throw new Refused("X-Helpdesk-Signature has no valid t=");
                }
            } else if (p.startsWith("v1=")) {
                candidates.add(p.substring(3).toLowerCase(Locale.ROOT));
            }
        }
        if (t == null || candidates.isEmpty()) throw new Refused("X-Helpdesk-Signature needs t=<unix seconds>,v1=<hex>");
        if (Math.abs(now.getEpochSecond() - t) > REPLAY_WINDOW.toSeconds()) throw new Refused("the signature's timestamp is outside the 5-minute window");
        byte[] expected = HexFormat.of().formatHex(hmac("HmacSHA256", secret,
                concat((t + ".").getBytes(StandardCharsets.UTF_8), body))).getBytes(StandardCharsets.US_ASCII);
        boolean ok = false;
        for (String c : candidates) ok |= MessageDigest.isEqual(expected, c.getBytes(StandardCharsets.US_ASCII)); // every candidate, always
        if (!ok) throw new Refused("the signature does not match");
    }

    public static String meta(String appSecret, byte[] body) {
        return "sha256=" + HexFormat.of().formatHex(hmac("HmacSHA256", appSecret, body));
    }

    public static void verifyMeta(String header, String appSecret, byte[] body) throws Refused {
        if (header == null || !header.startsWith("sha256=")) throw new Refused("X-Hub-Signature-256 is missing");
        requireSecret(appSecret);
        byte[] expected = meta(appSecret, body).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, header.strip().toLowerCase(Locale.ROOT).getBytes(StandardCharsets.US_ASCII))) {
            throw new Refused("the signature does not match");
        }
    }

    public static String twilio(String authToken, String url, Map<String, String> params) {
        return twilioOfForm(authToken, url, singleValues(params));
    }

    /** A repeated parameter is signed as Twilio's SDKs check it: its name before each of its distinct values, sorted. */
    public static String twilioOfForm(String authToken, String url, Map<String, List<String>> params) {
        StringBuilder data = new StringBuilder(url);
        for (Map.Entry<String, List<String>> e : new TreeMap<>(params).entrySet()) {
            for (String value : new TreeSet<>(e.getValue())) data.append(e.getKey()).append(value);
        }
        return Base64.getEncoder().encodeToString(hmac("HmacSHA1", authToken, data.toString().getBytes(StandardCharsets.UTF_8)));
    }

    public static void verifyTwilio(String header, String authToken, String url, Map<String, String> params) throws Refused {
        verifyTwilioForm(header, authToken, url, singleValues(params));
    }

    public static void verifyTwilioForm(String header, String authToken, String url, Map<String, List<String>> params) throws Refused {
        if (header == null || header.isBlank()) throw new Refused("X-Twilio-Signature is missing");
        requireSecret(authToken);
        byte[] expected = twilioOfForm(authToken, url, params).getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, header.strip().getBytes(StandardCharsets.US_ASCII))) throw new Refused("the signature does not match");
    }

    private static Map<String, List<String>> singleValues(Map<String, String> params) {
        Map<String, List<String>> out = new TreeMap<>();
        params.forEach((k, v) -> out.put(k, List.of(v == null ? "" : v)));
        return out;
    }

    /** A channel without a secret accepts nothing (an HMAC with an empty key would prove nothing, and the JDK refuses one). */
    private static void requireSecret(String secret) throws Refused {
        if (secret == null || secret.isEmpty()) throw new Refused("the channel has no signing secret configured");
    }

    private static byte[] hmac(String algorithm, String key, byte[] data) {
        try {
            Mac mac = Mac.getInstance(algorithm);
            mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), algorithm));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = new byte[a.length + b.length];
        System.arraycopy(a, 0, out, 0, a.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
