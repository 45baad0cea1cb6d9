package com.helpdesk.intentmodel;

import opennlp.tools.ml.ArrayMath;
import opennlp.tools.ml.model.AbstractModel;
import opennlp.tools.ml.model.Context;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * A trained maxent model held in primitive arrays: each feature's 64-bit hash in one sorted {@code long[]} (found by
 * binary search), next to it the row of weights it uses (one weight per outcome), the rows in one {@code double[]}.
 * Features that occur in the same training texts end with the same weights (most character n-grams occur in one text
 * only): of about 41,500 features 7,700 rows are distinct, and each is kept once. OpenNLP's own form keeps a
 * {@code LinkedHashMap<String, Context>} with a String, an {@code int[]} and a {@code double[]} per feature: about
 * 17 MB of heap against 1.4 MB here, and reading it allocated some 40 MB more, all of it at a Lambda's cold start. The
 * file holds the three arrays as they are in memory, so {@link #read} fills them straight from the stream and
 * allocates nothing else of size (a hash table built at read time cost 0.8 MB more and 0.5 MB of transient arrays). The
 * build converts OpenNLP's model into this form ({@link #of}, {@link #write}); the function reads it back.
 *
 * <p>{@link #eval} is OpenNLP's {@code QNModel.eval} on the same numbers in the same order (a feature's weights
 * added per outcome in the order of the features, then {@link ArrayMath#logSumOfExps} and {@code StrictMath.exp}),
 * so the probabilities are bit for bit OpenNLP's ({@code MaxentWeightsTest} checks the whole corpus). A weight OpenNLP
 * does not store is 0 here, and adding 0.0 changes no sum. Features are told apart by their hash: the build fails if
 * two of the model's features share one; an unseen feature taken for a known one is a 64-bit accident.
 */
public final class MaxentWeights {
    static final int MAGIC = 0x48444d58; // "HDMX"
    static final int FORMAT = 2; // 1 wrote the hashes in the order of a hash table, to be rebuilt at read time
    private static final int CHUNK = 1024;

    private final String[] outcomes;
    private final double[] rows; // row r's weight for outcome o at r * outcomes.length + o
    private final long[] hashes; // ascending
    private final int[] featureRows; // the row of the feature whose hash is hashes[i]

    private MaxentWeights(String[] outcomes, double[] rows, long[] hashes, int[] featureRows) {
        this.outcomes = outcomes;
        this.rows = rows;
        this.hashes = hashes;
        this.featureRows = featureRows;
    }

    /** OpenNLP's maxent model (as read back from its own file) in this form. */
    static MaxentWeights of(AbstractModel model) {
        Object[] data = model.getDataStructures();
        @SuppressWarnings("unchecked")
        Map<String, Context> features = (Map<String, Context>) data[1];
        String[] outcomes = ((String[]) data[2]).clone();
        TreeMap<Long, Integer> rowByHash = new TreeMap<>();
        Map<Row, Integer> distinct = new LinkedHashMap<>();
        for (Map.Entry<String, Context> e : features.entrySet()) {
            double[] row = new double[outcomes.length];
            int[] outcomeIndexes = e.getValue().getOutcomes();
            double[] parameters = e.getValue().getParameters();
            for (int i = 0; i < outcomeIndexes.length; i++) row[outcomeIndexes[i]] = parameters[i];
            Integer r = distinct.computeIfAbsent(new Row(row), k -> distinct.size());
            if (rowByHash.put(hash(e.getKey()), r) != null) throw new IllegalArgumentException("two features share the hash of " + e.getKey());
        }
        long[] hashes = rowByHash.keySet().stream().mapToLong(Long::longValue).toArray();
        int[] featureRows = rowByHash.values().stream().mapToInt(Integer::intValue).toArray();
        double[] rows = new double[distinct.size() * outcomes.length];
        distinct.forEach((row, r) -> System.arraycopy(row.weights, 0, rows, r * outcomes.length, outcomes.length));
        return new MaxentWeights(outcomes, rows, hashes, featureRows);
    }

    public static MaxentWeights read(DataInputStream in) throws IOException {
        if (in.readInt() != MAGIC || in.readInt() != FORMAT) throw new IOException("not a maxent weights file of format " + FORMAT);
        String[] outcomes = new String[in.readInt()];
        for (int i = 0; i < outcomes.length; i++) outcomes[i] = in.readUTF();
        int rowCount = in.readInt();
        byte[] chunk = new byte[CHUNK * Long.BYTES];
        double[] rows = new double[rowCount * outcomes.length];
        for (int at = 0; at < rows.length; at += CHUNK) {
            int n = Math.min(CHUNK, rows.length - at);
            in.readFully(chunk, 0, n * Double.BYTES);
            ByteBuffer.wrap(chunk, 0, n * Double.BYTES).asDoubleBuffer().get(rows, at, n);
        }
        long[] hashes = new long[in.readInt()];
        for (int at = 0; at < hashes.length; at += CHUNK) {
            int n = Math.min(CHUNK, hashes.length - at);
            in.readFully(chunk, 0, n * Long.BYTES);
            ByteBuffer.wrap(chunk, 0, n * Long.BYTES).asLongBuffer().get(hashes, at, n);
        }
        int[] featureRows = new int[hashes.length];
        for (int at = 0; at < featureRows.length; at += CHUNK) {
            int n = Math.min(CHUNK, featureRows.length - at);
            in.readFully(chunk, 0, n * Integer.BYTES);
            ByteBuffer.wrap(chunk, 0, n * Integer.BYTES).asIntBuffer().get(featureRows, at, n);
        }
        for (int f = 0; f < hashes.length; f++) {
            if (f > 0 && hashes[f] <= hashes[f - 1]) throw new IOException("the feature hashes are not in ascending order at " + f);
            if (featureRows[f] < 0 || featureRows[f] >= rowCount) throw new IOException("feature " + f + " names row " + featureRows[f] + " of " + rowCount);
        }
        return new MaxentWeights(outcomes, rows, hashes, featureRows);
    }

    public void write(DataOutputStream out) throws IOException {
        out.writeInt(MAGIC);
        out.writeInt(FORMAT);
        out.writeInt(outcomes.length);
        for (String o : outcomes) out.writeUTF(o);
        out.writeInt(rows.length / outcomes.length);
        for (double w : rows) out.writeDouble(w);
        out.writeInt(hashes.length);
        for (long h : hashes) out.writeLong(h);
        for (int r : featureRows) out.writeInt(r);
    }

    /** The probability of each outcome (in {@link #outcome} order) given the features, duplicates counting again. */
    public double[] eval(Iterable<? extends CharSequence> features) {
        int n = outcomes.length;
        double[] probs = new double[n];
        for (CharSequence feature : features) {
            int row = rowOf(feature);
            if (row < 0) continue;
            int base = row * n;
            for (int o = 0; o < n; o++) probs[o] += rows[base + o];
        }
        double logSum = ArrayMath.logSumOfExps(probs);
        for (int o = 0; o < n; o++) probs[o] = StrictMath.exp(probs[o] - logSum);
        return probs;
    }

    public int outcomeCount() {
        return outcomes.length;
    }

    public String outcome(int index) {
        return outcomes[index];
    }

    int featureCount() {
        return hashes.length;
    }

    int distinctRows() {
        return rows.length / outcomes.length;
    }

    private int rowOf(CharSequence feature) {
        int at = Arrays.binarySearch(hashes, hash(feature));
        return at < 0 ? -1 : featureRows[at];
    }

    /** FNV-1a over the UTF-16 chars, then MurmurHash3's finaliser so the low bits spread over the table. */
    static long hash(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) {
            h ^= s.charAt(i);
            h *= 0x100000001b3L;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        h ^= h >>> 33;
        return h;
    }

    /** The same outcomes, and every feature with the same weights. */
    @Override
    public boolean equals(Object o) {
        if (!(o instanceof MaxentWeights m) || !Arrays.equals(outcomes, m.outcomes) || !Arrays.equals(hashes, m.hashes)) return false;
        int n = outcomes.length;
        for (int f = 0; f < hashes.length; f++) {
            int mine = featureRows[f];
            int theirs = m.featureRows[f];
            if (!Arrays.equals(rows, mine * n, (mine + 1) * n, m.rows, theirs * n, (theirs + 1) * n)) return false;
        }
        return true;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(outcomes) * 31 + hashes.length;
    }

    /** A row of weights as a key (build time: finding the distinct rows). */
    private record Row(double[] weights) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Row r && Arrays.equals(weights, r.weights);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(weights);
        }
    }
}
