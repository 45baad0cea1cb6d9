package com.helpdesk.core.email;

import com.helpdesk.core.keys.LegacyKeyFallback;
import com.helpdesk.core.keys.SigningKey;
import com.helpdesk.core.port.KeyRingSource;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The signed reply address of a ticket: {@code support+<number>-<key id>-<tag>@domain}, where the tag
 * is an HMAC-SHA256 of the number with that key, cut to 80 bits. Addresses handed out before keys had
 * ids ({@code support+<number>-<tag>}) stay in customers' mailboxes; they verify with the
 * {@link SigningKey#LEGACY_ID} key while the ring accepts it. It survives mail clients that drop headers, cannot be
 * guessed for another ticket, and stays lower-case (some servers lower-case local parts) and short
 * (local parts hold at most 64 characters).
 */
public final class ReplyAddress {
    private static final int TAG_HEX = 20;
    private static final Pattern TOKEN = Pattern.compile("^([0-9]{1,15})(?:-([a-z0-9]{1,8}))?-([0-9a-f]{" + TAG_HEX + "})$");

    private final KeyRingSource keys;
    private final Clock clock;
    private final String localPart;
    private final String domain;

    /** One fixed key (tests): it also verifies addresses without a key id. */
    public ReplyAddress(byte[] key, String supportAddress) {
        this(LegacyKeyFallback.single(key), Clock.systemUTC(), supportAddress);
    }

    /**
     * @param keys read on first use (building a function does no I/O)
     * @param supportAddress the support address, e.g. support@help.example.com
     */
    public ReplyAddress(KeyRingSource keys, Clock clock, String supportAddress) {
        this.keys = keys;
        this.clock = clock;
        int at = supportAddress.lastIndexOf('@');
        if (at <= 0) throw new IllegalArgumentException("not an address: " + supportAddress);
        this.localPart = supportAddress.substring(0, at);
        this.domain = supportAddress.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public String forTicket(long number) {
        SigningKey key = keys.ring().current();
        return localPart + "+" + number + "-" + key.id() + "-" + tag(key, number) + "@" + domain;
    }

    /** The ticket number an address is the genuine reply address of; empty for any other address. */
    public OptionalLong ticketNumber(String address) {
        if (address == null) return OptionalLong.empty();
        String a = address.strip().toLowerCase(Locale.ROOT);
        int at = a.lastIndexOf('@');
        if (at <= 0 || !a.substring(at + 1).equals(domain)) return OptionalLong.empty();
        String local = a.substring(0, at);
        String prefix = localPart.toLowerCase(Locale.ROOT) + "+";
        if (!local.startsWith(prefix)) return OptionalLong.empty();
        Matcher m = TOKEN.matcher(local.substring(prefix.length()));
        if (!m.matches()) return OptionalLong.empty();
        long number = Long.parseLong(m.group(1));
        String keyId = m.group(2) == null ? SigningKey.LEGACY_ID : m.group(2);
        // a key replaced longer ago than its grace: the address no longer threads (the mail opens a ticket)
        SigningKey key = keys.verifyingKey(keyId, clock.instant()).orElse(null);
        if (key == null) return OptionalLong.empty();
        byte[] expected = tag(key, number).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(3).getBytes(StandardCharsets.US_ASCII)) ? OptionalLong.of(number) : OptionalLong.empty();
    }

    private static String tag(SigningKey key, long number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.material(), "HmacSHA256"));
            byte[] full = mac.doFinal(("reply-address|" + number).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(full).substring(0, TAG_HEX);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
