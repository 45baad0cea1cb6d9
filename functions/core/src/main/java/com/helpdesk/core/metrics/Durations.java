package com.helpdesk.core.metrics;

import org.HdrHistogram.Histogram;
import org.HdrHistogram.HistogramIterationValue;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.DataFormatException;

/**
 * The duration sketch: an HdrHistogram of whole seconds with 3 significant digits, so every value below
 * 2,048 s is exact and larger ones are within 0.1% (docs/metrics.md, "Why HdrHistogram"). Unlike a
 * t-digest it can subtract, which is what lets a ticket's old contribution be taken back exactly.
 */
public final class Durations {
    public static final int SIGNIFICANT_DIGITS = 3;

    private Durations() {
    }

    public static Histogram empty() {
        Histogram h = new Histogram(SIGNIFICANT_DIGITS);
        h.setAutoResize(true);
        return h;
    }

    public static Histogram copy(Histogram h) {
        Histogram c = empty();
        c.add(h);
        return c;
    }

    public static Histogram of(List<Long> seconds) {
        Histogram h = empty();
        for (long s : seconds) h.recordValue(Math.max(0, s));
        return h;
    }

    /** (value, count) pairs of what was recorded: equal for two histograms with the same values whatever their history. */
    public static List<long[]> recorded(Histogram h) {
        List<long[]> out = new ArrayList<>();
        for (HistogramIterationValue v : h.recordedValues()) out.add(new long[] {v.getValueIteratedTo(), v.getCountAtValueIteratedTo()});
        return out;
    }

    public static boolean sameValues(Histogram a, Histogram b) {
        List<long[]> x = recorded(a);
        List<long[]> y = recorded(b);
        if (x.size() != y.size()) return false;
        for (int i = 0; i < x.size(); i++) if (x.get(i)[0] != y.get(i)[0] || x.get(i)[1] != y.get(i)[1]) return false;
        return true;
    }

    public static byte[] encode(Histogram h) {
        ByteBuffer buffer = ByteBuffer.allocate(h.getNeededByteBufferCapacity());
        int length = h.encodeIntoCompressedByteBuffer(buffer);
        byte[] out = new byte[length];
        buffer.flip();
        buffer.get(out);
        return out;
    }

    public static Histogram decode(byte[] bytes) {
        try {
            Histogram h = Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(bytes), 0);
            h.setAutoResize(true);
            return h;
        } catch (DataFormatException e) {
            throw new IllegalArgumentException("stored duration sketch is not an HdrHistogram: " + e.getMessage(), e);
        }
    }
}
