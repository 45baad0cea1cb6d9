package com.helpdesk.local.lambda;

import com.amazonaws.services.lambda.runtime.serialization.events.LambdaEventSerializers;
import com.helpdesk.local.template.Resource;
import com.helpdesk.local.template.Template;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every function's shaded jar alone, as Lambda loads it (its own class loader over function.jar, nothing of this JVM's
 * class path): the handler class loads, and its event type goes through Lambda's own serializer with a real-shaped
 * event, so a dependency dropped from a jar that a handler or Lambda's runtime still needs fails here, not in AWS.
 * Joda-Time stays in every jar for this: Lambda's serializer registers a Joda module for every events-library type
 * (DateTimeModule loads org.joda.time.DateTime through the function's class loader) and ScheduledEvent's time is a
 * Joda DateTime. Apache HttpClient 4 (pulled by X-Ray's SDK v1) is in no jar: nothing loads it.
 * Needs the function jars (package phase), no local stack.
 */
class FunctionJarsIT {
    private static final String PLUGIN_CACHE = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../..")).toAbsolutePath().normalize();

    /** One real-shaped event per trigger type the template's handlers take. */
    private static final Map<String, String> SAMPLES = Map.of(
            "com.amazonaws.services.lambda.runtime.events.APIGatewayV2HTTPEvent", read("events/api/get-ticket.json"),
            "com.amazonaws.services.lambda.runtime.events.SESEvent", read("events/ses/receipt.json"),
            "com.amazonaws.services.lambda.runtime.events.DynamodbEvent", read("events/stream/outbox-insert.json"),
            "com.amazonaws.services.lambda.runtime.events.SQSEvent", """
                    {"Records":[{"messageId":"m-1","receiptHandle":"r-1","body":"{}","attributes":{"ApproximateReceiveCount":"1",
                    "SentTimestamp":"1764547200000","MessageGroupId":"g-1"},"messageAttributes":{},"md5OfBody":"99914b932bd37a50b983c5e7c90ae93b",
                    "eventSource":"aws:sqs","eventSourceARN":"arn:aws:sqs:us-east-1:000000000000:q","awsRegion":"us-east-1"}]}""",
            "com.amazonaws.services.lambda.runtime.events.ScheduledEvent", """
                    {"version":"0","id":"e-1","detail-type":"Scheduled Event","source":"aws.events","account":"000000000000",
                    "time":"2026-12-01T00:00:00Z","region":"us-east-1","resources":["arn:aws:events:us-east-1:000000000000:rule/r"],"detail":{}}""");

    @Test
    void everyHandlerAndItsEventTypeLoadFromTheFunctionsJarAlone() throws Exception {
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
                Class<?> event = eventType(type, handler.length == 2 ? handler[1] : "handleRequest");
                assertThat(loader.findResource("org/apache/http/client/HttpClient.class")).as(function.logicalId() + " carries Apache HttpClient").isNull();
                if (LambdaEventSerializers.isLambdaSupportedEvent(event.getName())) {
                    String sample = SAMPLES.get(event.getName());
                    assertThat(sample).as(function.logicalId() + ": a sample of " + event.getName()).isNotNull();
                    Object decoded = EventSerializer.forType(event, loader).fromJson(sample);
                    assertThat(decoded).isInstanceOf(event);
                }
                checked.add(function.logicalId() + ":" + event.getSimpleName());
            }
        }
        assertThat(checked).hasSameSizeAs(functions).anyMatch(c -> c.endsWith(":ScheduledEvent")).anyMatch(c -> c.endsWith(":SQSEvent"));
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
                String[] logged = logOneLine(loader, "logged by " + function.logicalId());
                assertThat(logged[1]).as(function.logicalId() + ": log4j's own errors").doesNotContain("ERROR");
                var line = new com.fasterxml.jackson.databind.ObjectMapper().readTree(logged[0].strip());
                assertThat(line.path("level").asText()).as(function.logicalId()).isEqualTo("INFO");
                assertThat(line.path("message").asText()).isEqualTo("logged by " + function.logicalId());
                assertThat(line.has("timestamp")).isTrue();
                assertThat(line.has("function_name")).as(function.logicalId() + ": Powertools' fields").isTrue();
                assertThat(line.has("function_request_id")).isTrue();
                assertThat(line.has("service")).isTrue();
            }
        }
    }

    /** @return what the jar's log4j wrote on stdout and on stderr for one INFO line through slf4j */
    private static String[] logOneLine(ClassLoader loader, String message) throws Exception {
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
            loader.loadClass("org.slf4j.Logger").getMethod("info", String.class).invoke(logger, message);
            loader.loadClass("org.apache.logging.log4j.LogManager").getMethod("shutdown").invoke(null);
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
            Thread.currentThread().setContextClassLoader(context);
        }
        return new String[]{out.toString(java.nio.charset.StandardCharsets.UTF_8), err.toString(java.nio.charset.StandardCharsets.UTF_8)};
    }

    /** The handler method Lambda calls: its first parameter is the event (InputStream for a stream handler). */
    private static Class<?> eventType(Class<?> handler, String name) {
        for (Method m : handler.getMethods()) {
            if (m.getName().equals(name) && !m.isBridge() && m.getParameterCount() >= 1 && m.getDeclaringClass() != Object.class) {
                return m.getParameterTypes()[0];
            }
        }
        throw new AssertionError(handler.getName() + " has no method " + name);
    }

    private static String read(String sample) {
        try {
            return Files.readString(ROOT.resolve(sample));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
