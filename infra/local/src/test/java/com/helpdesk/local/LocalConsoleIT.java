package com.helpdesk.local;

import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The local stack as the README's first command starts it ({@code java -jar helpdesk-local.jar}, in a
 * process of its own): a quiet console whose banner lists every endpoint. The bounds below only keep
 * a broken start from hanging the build; nothing is asserted about time.
 */
class LocalConsoleIT {
    private static final String READY = "Ctrl-C stops it.";
    /** What a quiet start must not print: warnings, errors and the embedded servers' chatter (not the banner's names). */
    private static final Pattern NOISE = Pattern.compile(
            "(?i)warn|error|severe|exception|SLF4J|sqlite|JAXB|Initializing DynamoDB|CorsParams|InMemory:|\\[pekko|\\bINFO\\b|SQS rest server");

    @Test
    void aQuietStartPrintsTheBannerWithEveryEndpointAndNoWarnings() throws Exception {
        Path jar = LocalStackHarness.root().resolve("infra/local/target/helpdesk-local.jar");
        assertThat(jar).exists();
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // --empty: the demo data (played in the background after the banner) is not what this test is about
                "-jar", jar.toString(), "--port", "0", "--empty")
                .directory(LocalStackHarness.root().toFile())
                .start();
        Lines out = new Lines(p.getInputStream());
        Lines err = new Lines(p.getErrorStream());
        try {
            assertThat(out.ready.await(10, TimeUnit.MINUTES)).as("the stack started; stderr: " + err.all()).isTrue();
            String banner = String.join("\n", out.all());
            Matcher api = Pattern.compile("API\\s+(http://localhost:\\d+)").matcher(banner);
            assertThat(api.find()).as(banner).isTrue();
            String base = api.group(1);
            assertThat(HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(base + "/_local/health")).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);

            assertThat(banner).containsPattern("DynamoDB Local\\s+http://127\\.0\\.0\\.1:\\d+")
                    .containsPattern("ElasticMQ \\(SQS\\)\\s+http://127\\.0\\.0\\.1:\\d+")
                    .contains(base + "/openapi.yaml", base + "/_aws/events", base + "/_aws/s3", base + "/_aws/ses",
                            base + "/_aws/ssm", base + "/_aws/chat", base + "/_local/shopify/admin/api/", "admin token")
                    .contains(LocalEndpoints.ROUTES);

            // what the start and a request printed (stopping is not part of it)
            List<String> printed = new ArrayList<>(out.all());
            printed.removeIf(l -> l.startsWith("  admin token ")); // random base64 may spell anything
            printed.addAll(err.all());
            assertThat(printed).as("quiet: no warnings, no server chatter, no request lines")
                    .noneMatch(l -> NOISE.matcher(l).find())
                    .noneMatch(l -> l.matches(".*/_local/health \\d{3} \\d+ ms"));
            assertThat(err.all()).isEmpty();
        } finally {
            p.destroy(); // SIGTERM: the shutdown hook stops the stack
            if (!p.waitFor(2, TimeUnit.MINUTES)) p.destroyForcibly();
        }
    }

    /** A stream's lines as they come, read on a thread of their own so the process never blocks on a full pipe. */
    private static final class Lines {
        final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        final CountDownLatch ready = new CountDownLatch(1);

        Lines(InputStream in) {
            Thread t = new Thread(() -> {
                try (BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                    for (String line; (line = r.readLine()) != null; ) {
                        lines.add(line);
                        if (line.contains(READY)) ready.countDown();
                    }
                } catch (IOException e) {
                    // the stream closes when the process is stopped: nothing more to read
                }
            }, "local-console-reader");
            t.setDaemon(true);
            t.start();
        }

        List<String> all() {
            synchronized (lines) {
                return List.copyOf(lines);
            }
        }
    }
}
