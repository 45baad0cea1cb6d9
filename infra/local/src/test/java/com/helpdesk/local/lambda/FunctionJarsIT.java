package com.helpdesk.local.lambda;

import com.helpdesk.local.template.Resource;
import com.helpdesk.local.template.Template;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every function's shaded jar alone, as Lambda loads it (its own class loader over function.jar, nothing of this JVM's
 * class path). Every handler takes Lambda's raw stream (RequestStreamHandler) and reads its event with the project's
 * Jackson, so Lambda's runtime never loads its own event serializer (a second, shaded Jackson and some 700 classes of
 * every cold start): the handler class loads from its jar and is a stream handler, and no jar carries Apache HttpClient 4
 * (pulled by X-Ray's SDK v1; nothing loads it).
 * Needs the function jars (package phase), no local stack.
 */
class FunctionJarsIT {
    private static final String LOG_SETUP = "META-INF/services/ch.qos.logback.classic.spi.Configurator";
    private static final String LOG_LEVELS = "META-INF/services/software.amazon.lambda.powertools.logging.internal.LoggingManager";
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../..")).toAbsolutePath().normalize();

    @Test
    void everyHandlerTakesLambdasRawStreamFromTheFunctionsJarAlone() throws Exception {
        List<Resource> functions = Template.read(ROOT.resolve("template.yaml")).ofType("AWS::Serverless::Function");
        assertThat(functions).hasSizeGreaterThan(10);
        List<String> checked = new ArrayList<>();
        for (Resource function : functions) {
            Path jar = ROOT.resolve(String.valueOf(function.properties().get("CodeUri")));
            assertThat(jar).as(function.logicalId() + ": build the functions first").isRegularFile();
            String[] handler = String.valueOf(function.properties().get("Handler")).split("::", 2);
            try (URLClassLoader loader = new URLClassLoader("lambda:" + function.logicalId(), new URL[]{jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                Class<?> type = loader.loadClass(handler[0]);
                assertThat(loader.loadClass("com.amazonaws.services.lambda.runtime.RequestStreamHandler").isAssignableFrom(type))
                        .as(function.logicalId() + " is a RequestStreamHandler").isTrue();
                assertThat(handler.length == 1 || handler[1].equals("handleRequest")).as(function.logicalId() + "'s method").isTrue();
                Method entry = type.getMethod("handleRequest", InputStream.class, OutputStream.class,
                        loader.loadClass("com.amazonaws.services.lambda.runtime.Context"));
                assertThat(entry.getDeclaringClass()).isEqualTo(type);
                assertThat(loader.findResource("org/apache/http/client/HttpClient.class")).as(function.logicalId() + " carries Apache HttpClient").isNull();
                checked.add(function.logicalId());
            }
        }
        assertThat(checked).hasSameSizeAs(functions);
    }

    /**
     * Each jar logs through its own logback as in Lambda: one JSON line per event with Powertools' fields, set up by
     * functions/runtime's FunctionLogging (found through its service file; without it logback would print plain text
     * lines), and no log4j (its start cost every cold start ~1,000 classes).
     */
    @Test
    void everyFunctionsJarLogsJsonLinesThroughLogback() throws Exception {
        for (Resource function : Template.read(ROOT.resolve("template.yaml")).ofType("AWS::Serverless::Function")) {
            Path jar = ROOT.resolve(String.valueOf(function.properties().get("CodeUri")));
            try (URLClassLoader loader = new URLClassLoader("lambda:" + function.logicalId(), new URL[]{jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                assertThat(loader.findResource("org/apache/logging/log4j/core/LoggerContext.class")).as(function.logicalId() + " carries log4j").isNull();
                assertThat(service(loader, LOG_SETUP)).as(function.logicalId()).contains("com.helpdesk.runtime.logging.FunctionLogging");
                assertThat(service(loader, LOG_LEVELS)).as(function.logicalId() + ": Powertools' level changes")
                        .contains("com.helpdesk.runtime.logging.LogbackLevels");
                String[] logged = logTwoLines(loader, function.logicalId());
                assertThat(logged[1]).as(function.logicalId() + ": logback's own warnings and errors").isBlank();
                String[] lines = logged[0].strip().split("\n");
                assertThat(lines).as(function.logicalId() + ": one JSON line per event").hasSize(2);
                var line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[0]);
                assertThat(line.path("level").asText()).as(function.logicalId()).isEqualTo("INFO");
                assertThat(line.path("message").asText()).isEqualTo("logged by " + function.logicalId());
                assertThat(line.has("timestamp")).isTrue();
                assertThat(line.path("function_name").asText()).as(function.logicalId() + ": Powertools' fields").isEqualTo("helpdesk-" + function.logicalId());
                assertThat(line.path("function_request_id").asText()).isEqualTo("req-" + function.logicalId());
                assertThat(line.path("function_memory_size").isInt()).isTrue();
                assertThat(line.path("cold_start").isBoolean()).isTrue();
                assertThat(line.has("service")).isTrue();
                // a failure's error object, and the keys Invocation puts in the MDC
                var failure = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[1]);
                assertThat(failure.path("level").asText()).isEqualTo("WARN");
                assertThat(failure.path("error").path("name").asText()).isEqualTo(IllegalStateException.class.getName());
                assertThat(failure.path("error").path("message").asText()).isEqualTo("the cause");
                assertThat(failure.path("error").path("stack").asText()).contains("FunctionJarsIT");
                assertThat(failure.path("ticket_id").asText()).as(function.logicalId() + ": the MDC's keys").isEqualTo("tkt_logged");
            }
        }
    }

    private static String service(ClassLoader loader, String file) throws java.io.IOException {
        try (InputStream in = loader.getResourceAsStream(file)) {
            return in == null ? "" : new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    /**
     * @return what the jar's logback wrote on stdout and on stderr for an INFO line through slf4j, then a WARN with an
     * exception and a key in the MDC, both in an invocation as the handlers run one (Invocation.handle, which has
     * Powertools put the invocation's fields in the MDC)
     */
    private static String[] logTwoLines(ClassLoader loader, String function) throws Exception {
        var out = new java.io.ByteArrayOutputStream();
        var err = new java.io.ByteArrayOutputStream();
        java.io.PrintStream stdout = System.out;
        java.io.PrintStream stderr = System.err;
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        Thread.currentThread().setContextClassLoader(loader);
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        System.setErr(new java.io.PrintStream(err, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Object logger = loader.loadClass("org.slf4j.LoggerFactory").getMethod("getLogger", String.class).invoke(null, "FunctionJarsIT");
            Class<?> slf4j = loader.loadClass("org.slf4j.Logger");
            Class<?> mdc = loader.loadClass("org.slf4j.MDC");
            java.util.function.Supplier<Object> work = () -> {
                try {
                    slf4j.getMethod("info", String.class).invoke(logger, "logged by " + function);
                    mdc.getMethod("put", String.class, String.class).invoke(null, "ticket_id", "tkt_logged");
                    slf4j.getMethod("warn", String.class, Throwable.class).invoke(logger, "failed", new IllegalStateException("the cause"));
                    return null;
                } catch (ReflectiveOperationException e) {
                    throw new IllegalStateException(e);
                }
            };
            Class<?> lambdaContext = loader.loadClass("com.amazonaws.services.lambda.runtime.Context");
            loader.loadClass("com.helpdesk.runtime.Invocation").getMethod("handle", lambdaContext, java.util.function.Supplier.class)
                    .invoke(null, lambdaContext(loader, lambdaContext, function), work);
            mdc.getMethod("clear").invoke(null);
            Object logback = loader.loadClass("org.slf4j.LoggerFactory").getMethod("getILoggerFactory").invoke(null);
            logback.getClass().getMethod("stop").invoke(logback);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            Thread.currentThread().setContextClassLoader(context);
        }
        return new String[]{out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(java.nio.charset.StandardCharsets.UTF_8)};
    }

    /** Lambda's context of one invocation of the function, made in the jar's class loader. */
    private static Object lambdaContext(ClassLoader loader, Class<?> type, String function) {
        return java.lang.reflect.Proxy.newProxyInstance(loader, new Class<?>[]{type}, (proxy, method, args) -> switch (method.getName()) {
            case "getFunctionName" -> "helpdesk-" + function;
            case "getAwsRequestId" -> "req-" + function;
            case "getFunctionVersion" -> "$LATEST";
            case "getInvokedFunctionArn" -> "arn:aws:lambda:us-east-1:123456789012:function:helpdesk-" + function;
            case "getMemoryLimitInMB" -> 512;
            case "getRemainingTimeInMillis" -> 30_000;
            case "hashCode" -> System.identityHashCode(proxy);
            case "equals" -> proxy == args[0];
            case "toString" -> "context of " + function;
            default -> null;
        });
    }
}
