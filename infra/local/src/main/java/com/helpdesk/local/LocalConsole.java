package com.helpdesk.local;

import com.sun.net.httpserver.Filter;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.logging.LogManager;

/**
 * What the local stack prints besides its banner. Quiet by default: the embedded servers' start-up
 * notices (SLF4J finding no binding, sqlite4java's jar version, the AWS SDK v1 inside DynamoDB Local
 * missing JAXB) are not the developer's business, while real errors still show. Verbose
 * ({@code --verbose}, {@code -Dhelpdesk.local.verbose=true} or {@code HELPDESK_LOCAL_VERBOSE=true}):
 * one line per HTTP request with method, path, status and time.
 */
public final class LocalConsole {
    public static final String VERBOSE_PROPERTY = "helpdesk.local.verbose";
    static final String VERBOSE_ENV = "HELPDESK_LOCAL_VERBOSE";

    private LocalConsole() {}

    /**
     * Before anything else starts: SLF4J reads its verbosity once, at its first use. java.util.logging
     * gets local-logging.properties as its configuration class, so a library that re-reads the logging
     * configuration (one in the stack does) gets the same levels again.
     */
    public static void quiet() {
        System.setProperty("java.util.logging.config.class", JulConfiguration.class.getName());
        try {
            LogManager.getLogManager().readConfiguration();
        } catch (IOException e) {
            throw new UncheckedIOException("local-logging.properties could not be read", e);
        }
        if (System.getProperty("slf4j.internal.verbosity") == null) System.setProperty("slf4j.internal.verbosity", "ERROR");
        if (!(System.err instanceof WithoutBindingNotices)) System.setErr(new WithoutBindingNotices(System.err));
    }

    public static boolean verbose() {
        String v = System.getProperty(VERBOSE_PROPERTY, System.getenv(VERBOSE_ENV));
        return v != null && (v.equalsIgnoreCase("true") || v.equals("1"));
    }

    /** The request line a verbose stack prints: {@code GET /tickets 200 12 ms}. */
    static String requestLine(String method, String path, int status, long nanos) {
        return String.format(Locale.ROOT, "%s %s %d %d ms", method, path, status, nanos / 1_000_000);
    }

    /** An HTTP filter printing one line per request to {@code out} once it is answered. */
    /** The request lines of --verbose, on stdout. */
    public static Filter requestLog() {
        return requestLog(System.out);
    }

    public static Filter requestLog(PrintStream out) {
        return new Filter() {
            @Override
            public void doFilter(HttpExchange ex, Chain chain) throws IOException {
                long t0 = System.nanoTime();
                try {
                    chain.doFilter(ex);
                } finally {
                    // -1: the handler failed before answering (the JDK server then drops the connection)
                    out.println(requestLine(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getResponseCode(),
                            System.nanoTime() - t0));
                }
            }

            @Override
            public String description() {
                return "one line per request (--verbose)";
            }
        };
    }

    /** java.util.logging's configuration class (the property above): reads local-logging.properties. */
    public static final class JulConfiguration {
        public JulConfiguration() throws IOException {
            try (InputStream in = LocalConsole.class.getResourceAsStream("/local-logging.properties")) {
                if (in == null) throw new IOException("local-logging.properties is not on the class path");
                LogManager.getLogManager().readConfiguration(in);
            }
        }
    }

    /**
     * System.err without SLF4J's "no binding" notices. Each function jar carries the AWS SDK's SLF4J 1.7
     * without a binding (as on Lambda) and prints them when its class loader first logs; only those
     * exact lines are dropped.
     */
    static final class WithoutBindingNotices extends PrintStream {
        WithoutBindingNotices(PrintStream err) {
            super(err, true);
        }

        static boolean isBindingNotice(String line) {
            if (line == null || !(line.startsWith("SLF4J: ") || line.startsWith("SLF4J(W): "))) return false;
            return line.contains("org.slf4j.impl.StaticLoggerBinder") || line.contains("No SLF4J providers were found")
                    || line.contains("Defaulting to no-operation (NOP) logger implementation")
                    || line.contains("codes.html#StaticLoggerBinder") || line.contains("codes.html#noProviders");
        }

        @Override
        public void println(String line) {
            if (!isBindingNotice(line)) super.println(line);
        }
    }
}
