package com.helpdesk.local;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** java -jar infra/local/target/helpdesk-local.jar [--port 3000] [--host 127.0.0.1] [--template template.yaml] [--parameter K=V] [--verbose] [--empty] */
public final class LocalStackMain {
    private LocalStackMain() {}

    /** The level of the functions' own logs in this JVM (read by functions/runtime's FunctionLogging before POWERTOOLS_LOG_LEVEL). */
    static final String FUNCTION_LOG_LEVEL = "helpdesk.functionLogLevel";

    public static void main(String[] args) throws InterruptedException {
        long t0 = System.nanoTime();
        // the stack's own diagnostics (System.Logger, through java.util.logging): one line each, not the JDK's two
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "[local] %4$s %5$s%6$s%n");
        }
        LocalConsole.quiet();
        LocalStackOptions o = LocalStackOptions.defaults();
        String host = o.host();
        int port = o.port();
        Path template = o.template();
        Map<String, String> parameters = new LinkedHashMap<>();
        boolean empty = false;
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            String next = i + 1 < args.length ? args[i + 1] : null;
            switch (a) {
                case "--port" -> { port = Integer.parseInt(require(a, next)); i++; }
                case "--host" -> { host = require(a, next); i++; }
                case "--template" -> { template = Path.of(require(a, next)); i++; }
                case "--parameter" -> {
                    String kv = require(a, next);
                    int eq = kv.indexOf('=');
                    if (eq < 1) usage("--parameter needs Name=Value");
                    parameters.put(kv.substring(0, eq), kv.substring(eq + 1));
                    i++;
                }
                case "--verbose" -> System.setProperty(LocalConsole.VERBOSE_PROPERTY, "true");
                case "--empty" -> empty = true;
                case "-h", "--help" -> usage(null);
                default -> usage("unknown argument " + a);
            }
        }
        // the functions' JSON logs (logback, functions/runtime FunctionLogging): warnings and errors only, unless --verbose
        if (System.getProperty(FUNCTION_LOG_LEVEL) == null) System.setProperty(FUNCTION_LOG_LEVEL, LocalConsole.verbose() ? "INFO" : "WARN");
        if (!Files.isRegularFile(template)) {
            usage(template.toAbsolutePath() + " not found: run from the repository root or pass --template");
        }
        LocalStack stack;
        try {
            stack = LocalStack.start(new LocalStackOptions(host, port, template, parameters));
        } catch (RuntimeException e) {
            System.err.println("local stack failed to start: " + e.getMessage());
            System.exit(1);
            return;
        }
        long ms = (System.nanoTime() - t0) / 1_000_000;
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            System.out.println("stopping the local stack ...");
            stack.close();
            stopped.countDown();
        }, "local-stack-shutdown"));
        LocalBanner.lines(stack, host, template, ms, stack.token("admin", "admin"), LocalConsole.verbose()).forEach(System.out::println);
        if (!empty) DemoHelpdesk.fillInBackground(stack);
        stopped.await();
    }

    private static String require(String flag, String value) {
        if (value == null) usage(flag + " needs a value");
        return value;
    }

    private static void usage(String error) {
        if (error != null) System.err.println(error);
        System.err.println("usage: java -jar infra/local/target/helpdesk-local.jar [--port 3000] [--host 127.0.0.1] "
                + "[--template template.yaml] [--parameter Name=Value] [--verbose] [--empty]");
        System.exit(error == null ? 0 : 2);
    }
}
