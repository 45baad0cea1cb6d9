package com.helpdesk.ops;

import java.io.PrintStream;

/**
 * A textual progress bar on stderr, redrawn in place with a carriage return. Quiet when stderr is not a
 * terminal (a pipe, a CI log), so logs hold results, not hundreds of redraws.
 */
final class Progress implements AutoCloseable {
    private static final int WIDTH = 30;
    private final PrintStream out;
    private final boolean enabled;
    private final String label;
    private final long total;
    private long done;
    private int lastDrawn = -1;

    Progress(PrintStream out, boolean enabled, String label, long total) {
        this.out = out;
        this.enabled = enabled && total > 0;
        this.label = label;
        this.total = total;
    }

    /** A bar on stderr when this process runs in a terminal. */
    static Progress onStderr(String label, long total) {
        return new Progress(System.err, interactive(), label, total);
    }

    /**
     * Up to JDK 21 a console exists only for a terminal; from JDK 22 one always exists and
     * {@code Console.isTerminal()} (not in the Java 17 API this is compiled against) tells.
     */
    static boolean interactive() {
        java.io.Console console = System.console();
        if (console == null) return false;
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException olderJdk) {
            return true;
        }
    }

    void step(long n) {
        done = Math.min(total, done + n);
        draw();
    }

    private void draw() {
        if (!enabled) return;
        int percent = (int) (done * 100 / total);
        if (percent == lastDrawn) return;
        lastDrawn = percent;
        out.print("\r" + render(label, done, total));
        out.flush();
    }

    /** "label [#########.....................]  30% 3/10" */
    static String render(String label, long done, long total) {
        int filled = total <= 0 ? WIDTH : (int) (done * WIDTH / total);
        int percent = total <= 0 ? 100 : (int) (done * 100 / total);
        return label + " [" + "#".repeat(filled) + ".".repeat(WIDTH - filled) + "] " + String.format("%3d%% %d/%d", percent, done, total);
    }

    @Override
    public void close() {
        if (enabled && lastDrawn >= 0) {
            out.print("\n");
            out.flush();
        }
    }
}
