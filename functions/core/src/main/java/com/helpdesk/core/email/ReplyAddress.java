package com.helpdesk.core.email;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * The signed reply address of a ticket: {@code support+<number>-<tag>@domain}, where the tag is an
 * HMAC-SHA256 of the number, cut to 80 bits. It survives mail clients that drop headers, cannot be
 * guessed for another ticket, and stays lower-case (some servers lower-case local parts) and short
 * (local parts hold at most 64 characters).
 */
public final class ReplyAddress {
    private static final int TAG_HEX = 20;
    private static final Pattern TOKEN = Pattern.compile("^([0-9]{1,15})-([0-9a-f]{" + TAG_HEX + "})$");

    private final Supplier<byte[]> key;
    private final String localPart;
    private final String domain;

    /** @param supportAddress the support address, e.g. support@help.example.com */
    public ReplyAddress(byte[] key, String supportAddress) {
        this(constant(key.clone()), supportAddress);
    }

    /** A key fetched on first use (kept in the store, so building a function does no I/O). */
    public ReplyAddress(Supplier<byte[]> key, String supportAddress) {
        this.key = key;
        int at = supportAddress.lastIndexOf('@');
        if (at <= 0) throw new IllegalArgumentException("not an address: " + supportAddress);
        this.localPart = supportAddress.substring(0, at);
        this.domain = supportAddress.substring(at + 1).toLowerCase(Locale.ROOT);
    }

    public String forTicket(long number) {
        return localPart + "+" + number + "-" + tag(number) + "@" + domain;
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
        byte[] expected = tag(number).getBytes(StandardCharsets.US_ASCII);
        return MessageDigest.isEqual(expected, m.group(2).getBytes(StandardCharsets.US_ASCII)) ? OptionalLong.of(number) : OptionalLong.empty();
    }

    private static Supplier<byte[]> constant(byte[] key) {
        return () -> key;
    }

    private String tag(long number) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key.get(), "HmacSHA256"));
            byte[] full = mac.doFinal(("reply-address|" + number).getBytes(StandardCharsets.US_ASCII));
            return HexFormat.of().formatHex(full).substring(0, TAG_HEX);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
