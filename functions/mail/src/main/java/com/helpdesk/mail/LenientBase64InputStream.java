package com.helpdesk.mail;

import java.io.IOException;
import java.io.InputStream;

/**
 * Base64 as broken mail writes it: every character outside the alphabet (line breaks, spaces, stray
 * "=" in the middle, garbage) is skipped rather than ending the data, and a last group of two or three
 * characters still yields its bytes. Whether anything was skipped is reported, so the parser can say
 * it repaired the part.
 */
final class LenientBase64InputStream extends InputStream {
    private static final int[] VALUE = new int[256];

    static {
        java.util.Arrays.fill(VALUE, -1);
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
        for (int i = 0; i < alphabet.length(); i++) VALUE[alphabet.charAt(i)] = i;
    }

    private final InputStream in;
    private final byte[] raw = new byte[8192];
    private int rawPos;
    private int rawLen;
    private final byte[] out = new byte[3];
    private int outPos;
    private int outLen;
    private boolean eof;
    private boolean skippedGarbage;
    private boolean sawPadding;

    LenientBase64InputStream(InputStream in) {
        this.in = in;
    }

    /** Whether characters other than white space and final padding were skipped. */
    boolean repaired() {
        return skippedGarbage;
    }

    @Override
    public int read() throws IOException {
        if (outPos == outLen && !fill()) return -1;
        return out[outPos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) return 0;
        int n = 0;
        while (n < len) {
            if (outPos == outLen && !fill()) break;
            int chunk = Math.min(len - n, outLen - outPos);
            System.arraycopy(out, outPos, b, off + n, chunk);
            outPos += chunk;
            n += chunk;
        }
        return n == 0 ? -1 : n;
    }

    /** Decodes the next group of four alphabet characters (or the last, shorter one). */
    private boolean fill() throws IOException {
        if (eof) return false;
        int bits = 0;
        int count = 0;
        while (count < 4) {
            int c = nextByte();
            if (c < 0) break;
            int v = VALUE[c];
            if (v < 0) {
                if (c == '=') sawPadding = true;
                else if (c != '\r' && c != '\n' && c != ' ' && c != '\t') skippedGarbage = true;
                continue;
            }
            if (sawPadding) skippedGarbage = true; // data after padding: a stray '=' in the middle
            sawPadding = false;
            bits = bits << 6 | v;
            count++;
        }
        outPos = 0;
        switch (count) {
            case 4 -> {
                out[0] = (byte) (bits >> 16);
                out[1] = (byte) (bits >> 8);
                out[2] = (byte) bits;
                outLen = 3;
            }
            case 3 -> {
                bits <<= 6;
                out[0] = (byte) (bits >> 16);
                out[1] = (byte) (bits >> 8);
                outLen = 2;
                eof = true;
            }
            case 2 -> {
                bits <<= 12;
                out[0] = (byte) (bits >> 16);
                outLen = 1;
                eof = true;
            }
            default -> {
                if (count == 1) skippedGarbage = true;
                outLen = 0;
                eof = true;
                return false;
            }
        }
        return true;
    }

    private int nextByte() throws IOException {
        if (rawPos == rawLen) {
            rawLen = in.read(raw, 0, raw.length);
            rawPos = 0;
            if (rawLen <= 0) {
                rawLen = 0;
                return -1;
            }
        }
        return raw[rawPos++] & 0xff;
    }
}
