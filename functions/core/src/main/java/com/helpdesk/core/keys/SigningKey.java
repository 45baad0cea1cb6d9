package com.helpdesk.core.keys;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One HMAC-SHA256 key of a {@link KeyRing} and the id that tokens signed with it carry. Ids are short
 * and lower-case because one travels in every reply address (mail servers may lower-case local parts,
 * which hold at most 64 characters).
 */
public record SigningKey(String id, byte[] material) {
    /** The id of the key that signed tokens made before keys had ids (they carry none). */
    public static final String LEGACY_ID = "legacy";
    public static final Pattern ID = Pattern.compile("[a-z0-9]{1,8}");
    /** HMAC-SHA256 wants a key at least as long as its output (RFC 2104 section 3). */
    public static final int MIN_BYTES = 32;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final String ID_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    /** As long as the template's GenerateSecretString makes the first key: 64 of 62 symbols, about 381 bits. */
    static final int GENERATED_LENGTH = 64;

    public SigningKey {
        if (id == null || !ID.matcher(id).matches()) throw new IllegalArgumentException("a key id is 1 to 8 of a-z 0-9, not " + id);
        if (material == null || material.length < MIN_BYTES) {
            throw new IllegalArgumentException("key " + id + " is shorter than " + MIN_BYTES + " bytes");
        }
        material = material.clone();
    }

    /** The key as the secret holds it: a string whose UTF-8 bytes are the key (what GenerateSecretString makes). */
    public static SigningKey ofText(String id, String material) {
        return new SigningKey(id, material.getBytes(StandardCharsets.UTF_8));
    }

    /** A fresh key, with an id that none of {@code taken} has, made like the template's first key. */
    public static SigningKey generate(Set<String> taken, SecureRandom random) {
        String id;
        do {
            id = "k" + pick(ID_ALPHABET, 5, random);
        } while (taken.contains(id));
        return ofText(id, pick(ALPHABET, GENERATED_LENGTH, random));
    }

    /** The material as the secret holds it (UTF-8). */
    public String text() {
        return new String(material, StandardCharsets.UTF_8);
    }

    @Override
    public byte[] material() {
        return material.clone();
    }

    private static String pick(String alphabet, int n, SecureRandom random) {
        StringBuilder sb = new StringBuilder(n);
        for (int i = 0; i < n; i++) sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        return sb.toString();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof SigningKey k && k.id.equals(id) && Arrays.equals(k.material, material);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "SigningKey[" + id + "]"; // never the material: keys end up in logs through toString
    }
}
