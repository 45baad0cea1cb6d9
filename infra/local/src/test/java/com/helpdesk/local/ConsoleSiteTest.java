package com.helpdesk.local;

import com.helpdesk.console.SiteBuilder;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.zip.GZIPInputStream;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console as the local stack serves it: its paths beside the API's, its files, its content security policy. */
class ConsoleSiteTest {
    private static String file(String name) throws Exception {
        byte[] b = ConsoleSite.read(name);
        assertThat(b).as(name + " in the console's jar").isNotNull();
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void theConsoleTakesNoPathOfAnApiRoute() throws Exception {
        String template = Files.readString(LocalStackHarness.root().resolve("template.yaml"));
        Matcher m = Pattern.compile("(?m)^\\s+Path: (\\S+)").matcher(template);
        List<String> paths = new ArrayList<>();
        while (m.find()) paths.add(m.group(1));
        assertThat(paths).as("the template's routes").hasSizeGreaterThan(30);
        assertThat(paths).noneMatch(ConsoleSite::serves);
        assertThat(ConsoleSite.serves("/")).isTrue();
        assertThat(ConsoleSite.serves("/console/main.js")).isTrue();
        assertThat(ConsoleSite.serves("/tickets")).isFalse();
        assertThat(ConsoleSite.serves("/_local/token")).isFalse();
    }

    /**
     * Attachments: the console fetches the API's 303 and the browser follows it to the presigned link in the mail
     * bucket, cross-origin and (after a redirect from another origin) with "Origin: null": only a CORS rule for any
     * origin lets the console read the file when it is served from CloudFront.
     */
    @Test
    void theMailBucketLetsTheConsoleReadPresignedDownloads() throws Exception {
        String template = Files.readString(LocalStackHarness.root().resolve("template.yaml"));
        Matcher bucket = Pattern.compile("(?s)\n  MailBucket:\n(.*?)\n  [A-Za-z]+:\n").matcher(template);
        assertThat(bucket.find()).isTrue();
        assertThat(bucket.group(1)).containsPattern("CorsConfiguration:\\s+CorsRules:\\s+- AllowedMethods: \\[GET, HEAD]\\s+AllowedOrigins: \\[\"\\*\"]");
    }

    @Test
    void nothingOutsideTheSiteIsRead() throws Exception {
        assertThat(ConsoleSite.read("index.html")).isNotNull();
        assertThat(ConsoleSite.read("console/../index.html")).isNull();
        assertThat(ConsoleSite.read("console/.hidden")).isNull();
        assertThat(ConsoleSite.read("console//main.js")).isNull();
        assertThat(ConsoleSite.read("console/no-such-file.js")).isNull();
    }

    /**
     * The one inline script (the import map, written by the console's build) runs only because the policy names its
     * hash; it points every name and module of the console at a content-named copy that is in the site, and the page
     * preloads the modules the first screen needs.
     */
    @Test
    void theImportMapIsAllowedByItsHashAndPointsAtContentNamedFiles() throws Exception {
        String index = file("index.html");
        Matcher map = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(index);
        assertThat(map.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(map.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(index).contains("'sha256-" + hash + "'");
        Matcher target = Pattern.compile(": \"\\./([^\"]+\\.js)\"").matcher(map.group(1));
        List<String> targets = new ArrayList<>();
        while (target.find()) {
            file(target.group(1));
            assertThat(target.group(1)).matches(SiteBuilder.HASHED);
            targets.add(target.group(1));
        }
        assertThat(targets).anyMatch(t -> t.startsWith("console/vendor/lit-html/lit-html."))
                .anyMatch(t -> t.startsWith("console/vendor/chart.js/dist/chart.umd."))
                .anyMatch(t -> t.startsWith("console/queues."));
        Matcher preload = Pattern.compile("<link rel=\"modulepreload\" href=\"\\./([^\"]+)\">").matcher(index);
        List<String> preloaded = new ArrayList<>();
        while (preload.find()) preloaded.add(preload.group(1));
        assertThat(targets).containsAll(preloaded);
        assertThat(preloaded).as("the first screen's modules, not the charts").hasSizeGreaterThan(15)
                .noneMatch(p -> p.contains("chart.js")).anyMatch(p -> p.startsWith("console/early."));
        // early.js asks for the queue while the app's modules load: its script comes first
        assertThat(index.indexOf("<script type=\"module\" src=\"./console/early.")).isPositive()
                .isLessThan(index.indexOf("<script type=\"module\" src=\"./console/main."));
    }

    /** As a CDN serves it: content-named files for a year, the page revalidated by its ETag, text gzipped. */
    @Test
    void contentNamedFilesAreCachedForAYearAndTheRestRevalidated() throws Exception {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ConsoleSite::handle);
        server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://localhost:" + server.getAddress().getPort();
            HttpResponse<String> page = client.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.headers().firstValue("Cache-Control")).hasValue("no-cache");
            String etag = page.headers().firstValue("ETag").orElseThrow();
            assertThat(client.send(HttpRequest.newBuilder(URI.create(base + "/")).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(304);

            Matcher main = Pattern.compile("src=\"\\./(console/main\\.[0-9a-f]{10}\\.js)\"").matcher(page.body());
            assertThat(main.find()).as(page.body()).isTrue();
            HttpResponse<byte[]> js = client.send(HttpRequest.newBuilder(URI.create(base + "/" + main.group(1)))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertThat(js.headers().firstValue("Cache-Control")).hasValue("public, max-age=31536000, immutable");
            assertThat(js.headers().firstValue("Content-Encoding")).hasValue("gzip");
            assertThat(new String(new GZIPInputStream(new ByteArrayInputStream(js.body())).readAllBytes(), StandardCharsets.UTF_8))
                    .isEqualTo(file("console/main.js"));
            HttpResponse<String> config = client.send(HttpRequest.newBuilder(URI.create(base + "/console/config.json")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(config.headers().firstValue("Cache-Control")).hasValue("no-store");
        } finally {
            server.stop(0);
        }
    }

    @Test
    void everyModuleTheConsoleImportsIsThere() throws Exception {
        List<String> pending = new ArrayList<>(List.of("console/main.js"));
        List<String> seen = new ArrayList<>();
        Pattern relative = Pattern.compile("from '\\./([a-z-]+\\.js)'|import '\\./([a-z-]+\\.js)'");
        while (!pending.isEmpty()) {
            String next = pending.remove(0);
            if (seen.contains(next)) continue;
            seen.add(next);
            Matcher m = relative.matcher(file(next));
            while (m.find()) pending.add("console/" + (m.group(1) != null ? m.group(1) : m.group(2)));
        }
        assertThat(seen).contains("console/queues.js", "console/ticket.js", "console/ticket-panels.js", "console/customer.js",
                "console/reports.js", "console/admin.js", "console/admin-routing.js", "console/api.js", "console/auth.js",
                "console/early.js", "console/queue-views.js");
        file("console/console.css");
    }

    /** Customer HTML is shown only inside a sandboxed frame, never inserted into the console's own document. */
    @Test
    void customerHtmlGoesIntoASandboxedFrameOnly() throws Exception {
        String panels = file("console/ticket-panels.js");
        assertThat(panels).contains("<iframe class=\"html-body\" sandbox=\"\"").contains(".srcdoc=${m.html}");
        for (String module : List.of("main", "queues", "ticket", "ticket-panels", "customer", "reports", "admin", "admin-routing", "api", "auth",
                "format", "early", "queue-views")) {
            String js = file("console/" + module + ".js");
            assertThat(js).as(module).doesNotContain("innerHTML").doesNotContain("unsafeHTML").doesNotContain("eval(");
        }
    }
}
