package com.helpdesk.local;

import com.helpdesk.console.SiteBuilder;
import com.helpdesk.local.api.LocalHttp;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.zip.GZIPOutputStream;

/**
 * The agent console (module console/, on this stack's class path) at / and /console/*: paths no API route of
 * the template uses. Its config.json says "sign in through this stack" (POST /_local/token, same origin), where
 * a deployment's says "Cognito" and names the API's URL. Served as a CDN would: content-named files cached for a
 * year, the page revalidated by ETag, text gzipped (console/deploy.sh sets the same lifetimes on S3; CloudFront
 * compresses).
 */
final class ConsoleSite {
    /** Where the console module puts the site in its jar. */
    static final String ROOT = "helpdesk-console/";
    static final String PREFIX = "/console/";
    static final String LOCAL_CONFIG = "{\"auth\": \"local\", \"apiUrl\": \"\"}";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");
    private static final Set<String> COMPRESSED = Set.of("html", "js", "css", "json", "svg");
    static final String IMMUTABLE = "public, max-age=31536000, immutable";
    private static final Map<String, Asset> ASSETS = new ConcurrentHashMap<>();

    private ConsoleSite() {}

    /** Whether the console serves this path (everything else stays the API's). */
    static boolean serves(String path) {
        return path.equals("/") || path.equals("/index.html") || path.startsWith(PREFIX);
    }

    static void handle(HttpExchange ex) throws IOException {
        String path = ex.getRequestURI().getPath();
        String method = ex.getRequestMethod();
        if (!method.equals("GET") && !method.equals("HEAD")) {
            ex.getResponseHeaders().set("Allow", "GET, HEAD");
            LocalHttp.problem(ex, 405, "method-not-allowed", "Method Not Allowed", "the console's files are read-only");
            return;
        }
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        if (path.equals(PREFIX + "config.json")) {
            ex.getResponseHeaders().set("Cache-Control", "no-store");
            LocalHttp.send(ex, 200, TYPES.get("json"), LOCAL_CONFIG.getBytes(StandardCharsets.UTF_8));
            return;
        }
        String file = path.equals("/") ? "index.html" : path.substring(1);
        Asset asset = asset(file);
        if (asset == null) {
            ex.getResponseHeaders().set("Cache-Control", "no-cache");
            LocalHttp.problem(ex, 404, "not-found", "Not Found", path + " is not a file of the console");
            return;
        }
        send(ex, file, asset);
    }

    /**
     * A content-named file (name.0123456789.js, written by the console's build) never changes: a year, immutable.
     * Anything else (index.html names the current ones) is revalidated on every use, by its ETag.
     */
    private static void send(HttpExchange ex, String file, Asset asset) throws IOException {
        var headers = ex.getResponseHeaders();
        headers.set("Cache-Control", SiteBuilder.HASHED.matcher(file).matches() ? IMMUTABLE : "no-cache");
        headers.set("ETag", asset.etag());
        headers.set("Vary", "Accept-Encoding");
        headers.set("X-Frame-Options", "DENY");
        String type = TYPES.getOrDefault(extension(file), "application/octet-stream");
        if (asset.etag().equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            LocalHttp.send(ex, 304, null, new byte[0]);
            return;
        }
        String accepted = ex.getRequestHeaders().getFirst("Accept-Encoding");
        if (asset.gzip() != null && accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip")) {
            headers.set("Content-Encoding", "gzip");
            LocalHttp.send(ex, 200, type, asset.gzip());
        } else {
            LocalHttp.send(ex, 200, type, asset.bytes());
        }
    }

    /** The site's files as read once from the jar (they never change while the stack runs), gzipped when text. */
    private static Asset asset(String file) throws IOException {
        Asset known = ASSETS.get(file);
        if (known != null) return known;
        byte[] bytes = read(file);
        if (bytes == null) return null;
        Asset asset = new Asset(bytes, COMPRESSED.contains(extension(file)) && bytes.length > 1024 ? gzip(bytes) : null, etag(bytes));
        ASSETS.putIfAbsent(file, asset);
        return asset;
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream(bytes.length / 3);
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static String etag(byte[] bytes) {
        try {
            return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes), 0, 16) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private record Asset(byte[] bytes, byte[] gzip, String etag) {}

    /** A file of the site, or null: never above its root (no "..", no empty or hidden segments). */
    static byte[] read(String file) throws IOException {
        for (String segment : file.split("/", -1)) {
            if (segment.isEmpty() || segment.startsWith(".")) return null;
        }
        try (InputStream in = ConsoleSite.class.getClassLoader().getResourceAsStream(ROOT + file)) {
            return in == null ? null : in.readAllBytes();
        }
    }

    private static String extension(String file) {
        int dot = file.lastIndexOf('.');
        return dot < 0 ? "" : file.substring(dot + 1);
    }
}
