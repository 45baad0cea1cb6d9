package com.helpdesk.bench.driver;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;

/**
 * Runs in a fresh JVM next to one function's jar, as Lambda's Java runtime does: constructs the handler
 * with its no-arg constructor, then hands it one event, and prints one line with the init time (JVM
 * start to handler constructed), the first invoke's time (event decoded, handled, result encoded) and
 * the peak resident set (VmHWM). Uses only the JDK and Lambda's serialization library, which Lambda's
 * runtime also brings: nothing of the bench leaks into the function's class path.
 *
 * <p>Usage: {@code java -XX:TieredStopAtLevel=1 -cp driver.jar:function.jar ColdStartDriver Handler::method event.json [prime]};
 * with {@code prime}, the handler's SnapStart priming runs between init and the invoke, timed on its own.
 */
public final class ColdStartDriver {
    private static final String PRIMING = "com.helpdesk.runtime.SnapStartPriming";
    private static final String SERIALIZERS = "com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers";

    public static void main(String[] args) throws Exception {
        String handlerClass = args[0].split("::")[0];
        byte[] event = Files.readAllBytes(Path.of(args[1]));
        ClassLoader loader = ColdStartDriver.class.getClassLoader();
        Class<?> type = Class.forName(handlerClass, true, loader);
        Object handler = type.getConstructor().newInstance();
        long initMicros = micros(ProcessHandle.current().info().startInstant().orElseThrow(), Instant.now());
        long initCpuMicros = cpuMicros();
        long primeMicros = args.length > 2 && args[2].equals("prime") ? prime(loader) : 0;

        long t0 = System.nanoTime();
        String outcome = "ok";
        try {
            invoke(handler, event, context(loader));
        } catch (Throwable e) {
            Throwable cause = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
            outcome = "error:" + cause.getClass().getSimpleName();
        }
        long invokeMicros = (System.nanoTime() - t0) / 1000;
        long cpuMicros = cpuMicros();
        long rssKb = peakRssKb();
        System.out.println("COLDSTART init_us=" + initMicros + " prime_us=" + primeMicros + " invoke_us=" + invokeMicros
                + " vmhwm_kb=" + rssKb + " init_cpu_us=" + initCpuMicros + " cpu_us=" + cpuMicros + " classes=" + loadedClasses()
                + " outcome=" + outcome);
    }

    /**
     * CPU time of the whole JVM so far (user + sys of every thread: the JIT and GC threads too), which a shared machine's
     * load moves far less than the wall time: the deterministic guide next to it.
     */
    private static long cpuMicros() {
        return ProcessHandle.current().info().totalCpuDuration().map(d -> d.toNanos() / 1000).orElse(-1L);
    }

    /**
     * Classes loaded since the JVM started, read once everything else is measured: the JMX it takes loads some classes
     * of its own (the same few dozen in every JVM, the baseline's too) after the peak RSS and the CPU time were read.
     */
    private static long loadedClasses() {
        return java.lang.management.ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount();
    }

    /**
     * What Lambda runs before it snapshots a SnapStart function: the hooks the handler registered (the runtime's
     * SnapStartPriming, which registers only with AWS_LAMBDA_INITIALIZATION_TYPE=snap-start, set by the bench). The
     * invoke measured after it is the first invoke of a restored snapshot, less the restore itself.
     *
     * @return the priming's time in microseconds (0 for a jar without the runtime's priming, as the baseline)
     */
    private static long prime(ClassLoader loader) throws Exception {
        Class<?> priming;
        try {
            priming = Class.forName(PRIMING, true, loader);
        } catch (ClassNotFoundException none) {
            return 0;
        }
        long t0 = System.nanoTime();
        priming.getMethod("primeRegistered").invoke(null);
        return (System.nanoTime() - t0) / 1000;
    }

    private static void invoke(Object handler, byte[] event, Object context) throws Exception {
        Class<?> streamHandler = loadOrNull("com.amazonaws.services.lambda.runtime.RequestStreamHandler");
        if (streamHandler != null && streamHandler.isInstance(handler)) {
            OutputStream out = new ByteArrayOutputStream();
            streamHandler.getMethod("handleRequest", InputStream.class, OutputStream.class, contextType())
                    .invoke(handler, new ByteArrayInputStream(event), out, context);
            return;
        }
        Method handle = handleRequest(handler.getClass());
        Object serializer = serializer(handle.getParameterTypes()[0]);
        Class<?> pojo = Class.forName("com.amazonaws.services.lambda.runtime.serialization.PojoSerializer");
        Object input = pojo.getMethod("fromJson", InputStream.class).invoke(serializer, new ByteArrayInputStream(event));
        Object result = handle.invoke(handler, input, context);
        if (result != null) {
            Object out = serializer(result.getClass());
            pojo.getMethod("toJson", Object.class, OutputStream.class).invoke(out, result, new ByteArrayOutputStream());
        }
    }

    /** The concrete handleRequest(I, Context), not the erased bridge method. */
    private static Method handleRequest(Class<?> type) {
        for (Method m : type.getMethods()) {
            if (m.getName().equals("handleRequest") && m.getParameterCount() == 2 && !m.isBridge()) return m;
        }
        throw new IllegalArgumentException(type + " has no handleRequest(input, context)");
    }

    /** Lambda's serializer: its own for the events library's types, Jackson for anything else. */
    private static Object serializer(Class<?> type) throws Exception {
        ClassLoader loader = ColdStartDriver.class.getClassLoader();
        Class<?> events = Class.forName(SERIALIZERS, true, loader);
        boolean lambdaEvent = (boolean) events.getMethod("isLambdaSupportedEvent", String.class).invoke(null, type.getName());
        if (lambdaEvent) return events.getMethod("serializerFor", Class.class, ClassLoader.class).invoke(null, type, loader);
        Class<?> jackson = Class.forName("com.amazonaws.services.lambda.runtime.serialization.factories.JacksonFactory", true, loader);
        Object factory = jackson.getMethod("getInstance").invoke(null);
        return jackson.getMethod("getSerializer", Class.class).invoke(factory, type);
    }

    private static Class<?> contextType() throws ClassNotFoundException {
        return Class.forName("com.amazonaws.services.lambda.runtime.Context");
    }

    private static Class<?> loadOrNull(String name) {
        try {
            return Class.forName(name);
        } catch (ClassNotFoundException e) {
            return null;
        }
    }

    /** A Context as Lambda's runtime gives one: request id, remaining time, a logger to stderr. */
    private static Object context(ClassLoader loader) throws ClassNotFoundException {
        Class<?> loggerType = Class.forName("com.amazonaws.services.lambda.runtime.LambdaLogger", true, loader);
        Object logger = Proxy.newProxyInstance(loader, new Class<?>[]{loggerType}, (p, m, a) -> {
            if (m.getName().equals("log") && a != null && a.length > 0) {
                System.err.println(a[0] instanceof byte[] b ? new String(b, StandardCharsets.UTF_8) : String.valueOf(a[0]));
            }
            return null;
        });
        return Proxy.newProxyInstance(loader, new Class<?>[]{contextType()}, (p, m, a) -> switch (m.getName()) {
            case "getAwsRequestId" -> "bench-request-1";
            case "getFunctionName" -> "bench";
            case "getFunctionVersion" -> "$LATEST";
            case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:000000000000:function:bench";
            case "getLogGroupName", "getLogStreamName" -> "bench";
            case "getRemainingTimeInMillis" -> 30_000;
            case "getMemoryLimitInMB" -> 1024;
            case "getLogger" -> logger;
            case "toString" -> "BenchContext";
            case "hashCode" -> System.identityHashCode(p);
            case "equals" -> p == a[0];
            default -> null;
        });
    }

    private static long micros(Instant from, Instant to) {
        return java.time.Duration.between(from, to).toNanos() / 1000;
    }

    private static long peakRssKb() throws java.io.IOException {
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("[^0-9]", ""));
        }
        return -1;
    }
}
