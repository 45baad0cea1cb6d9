package com.helpdesk.local.lambda;

import com.helpdesk.local.template.Resource;
import com.helpdesk.local.template.Template;
import org.junit.jupiter.api.Test;

import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
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
    private static final String PLUGIN_CACHE = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";
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
     * Each jar logs through its own log4j as in Lambda: one JSON line with Powertools' fields from log4j2.json and the
     * trimmed plugin cache of functions/runtime (log4j loads every plugin class its cache lists, so the jars carry only
     * the plugins the configuration uses; a missing one would make log4j fall back to plain ERROR lines on stderr).
     */
    @Test
    void everyFunctionsJarLogsJsonLinesThroughItsTrimmedPluginCache() throws Exception {
        byte[] trimmedCache = Files.readAllBytes(ROOT.resolve("functions/runtime/src/main/resources").resolve(PLUGIN_CACHE));
        for (Resource function : Template.read(ROOT.resolve("template.yaml")).ofType("AWS::Serverless::Function")) {
            Path jar = ROOT.resolve(String.valueOf(function.properties().get("CodeUri")));
            try (URLClassLoader loader = new URLClassLoader("lambda:" + function.logicalId(), new URL[]{jar.toUri().toURL()},
                    ClassLoader.getPlatformClassLoader())) {
                try (var cache = loader.getResourceAsStream(PLUGIN_CACHE)) {
                    assertThat(cache).as(function.logicalId() + "'s plugin cache").isNotNull();
                    assertThat(cache.readAllBytes()).as(function.logicalId() + "'s plugin cache is functions/runtime's").isEqualTo(trimmedCache);
                }
                String[] logged = logTwoLines(loader, "logged by " + function.logicalId());
                assertThat(logged[1]).as(function.logicalId() + ": log4j's own errors").doesNotContain("ERROR");
                String[] lines = logged[0].strip().split("\n");
                assertThat(lines).as(function.logicalId() + ": one JSON line per event").hasSize(2);
                var line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[0]);
                assertThat(line.path("level").asText()).as(function.logicalId()).isEqualTo("INFO");
                assertThat(line.path("message").asText()).isEqualTo("logged by " + function.logicalId());
                assertThat(line.has("timestamp")).isTrue();
                assertThat(line.has("function_name")).as(function.logicalId() + ": Powertools' fields").isTrue();
                assertThat(line.has("function_request_id")).isTrue();
                assertThat(line.has("service")).isTrue();
                // the template's other resolvers: a failure's error object, and the keys Invocation puts in the MDC
                var failure = new com.fasterxml.jackson.databind.ObjectMapper().readTree(lines[1]);
                assertThat(failure.path("level").asText()).isEqualTo("WARN");
                assertThat(failure.path("error").path("name").asText()).isEqualTo(IllegalStateException.class.getName());
                assertThat(failure.path("error").path("message").asText()).isEqualTo("the cause");
                assertThat(failure.path("error").path("stack").asText()).contains("FunctionJarsIT");
                assertThat(failure.path("ticket_id").asText()).as(function.logicalId() + ": the MDC's keys").isEqualTo("tkt_logged");
            }
        }
    }

    /**
     * @return what the jar's log4j wrote on stdout and on stderr for an INFO line through slf4j, then a WARN with an
     * exception and a key in the MDC
     */
    private static String[] logTwoLines(ClassLoader loader, String message) throws Exception {
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
            slf4j.getMethod("info", String.class).invoke(logger, message);
            Class<?> mdc = loader.loadClass("org.slf4j.MDC");
            mdc.getMethod("put", String.class, String.class).invoke(null, "ticket_id", "tkt_logged");
            slf4j.getMethod("warn", String.class, Throwable.class).invoke(logger, "failed", new IllegalStateException("the cause"));
            mdc.getMethod("clear").invoke(null);
            loader.loadClass("org.apache.logging.log4j.LogManager").getMethod("shutdown").invoke(null);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            Thread.currentThread().setContextClassLoader(context);
        }
        return new String[]{out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(java.nio.charset.StandardCharsets.UTF_8)};
    }
}
