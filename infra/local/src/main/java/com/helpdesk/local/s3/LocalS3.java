package com.helpdesk.local.s3;

import com.helpdesk.local.api.LocalHttp;
import com.sun.net.httpserver.HttpExchange;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The local S3: path-style object PUT, GET, HEAD and DELETE at /_aws/s3/&lt;bucket&gt;/&lt;key&gt; on
 * the buckets of template.yaml, in memory. It reads the SDK's aws-chunked uploads, honours a presigned
 * GET's expiry and its response-content-type/-disposition overrides, and answers S3's XML errors.
 * Signatures are not checked (the local stack does not enforce IAM).
 */
public final class LocalS3 {
    public static final String PATH = "/_aws/s3";

    public record StoredObject(byte[] bytes, String contentType, String contentDisposition, Instant lastModified) {}

    private final Set<String> buckets = ConcurrentHashMap.newKeySet();
    private final Map<String, StoredObject> objects = new ConcurrentHashMap<>();
    private final Supplier<Instant> clock;

    public LocalS3(Supplier<Instant> clock) {
        this.clock = clock;
    }

    public void addBucket(String name) {
        buckets.add(name);
    }

    public void put(String bucket, String key, byte[] bytes, String contentType) {
        objects.put(bucket + "/" + key, new StoredObject(bytes, contentType, null, clock.get()));
    }

    public StoredObject get(String bucket, String key) {
        return objects.get(bucket + "/" + key);
    }

    /** The keys of a bucket's objects (what a test checks erasure against; the HTTP side lists nothing). */
    public java.util.SortedSet<String> keys(String bucket) {
        java.util.SortedSet<String> out = new java.util.TreeSet<>();
        for (String k : objects.keySet()) if (k.startsWith(bucket + "/")) out.add(k.substring(bucket.length() + 1));
        return out;
    }

    public void handle(HttpExchange ex) throws IOException {
        String rest = ex.getRequestURI().getRawPath().substring(PATH.length());
        if (rest.startsWith("/")) rest = rest.substring(1);
        int slash = rest.indexOf('/');
        String bucket = URLDecoder.decode(slash < 0 ? rest : rest.substring(0, slash), StandardCharsets.UTF_8);
        String key = slash < 0 ? "" : URLDecoder.decode(rest.substring(slash + 1).replace("+", "%2B"), StandardCharsets.UTF_8);
        if (!buckets.contains(bucket)) {
            error(ex, 404, "NoSuchBucket", "The specified bucket does not exist");
            return;
        }
        if (key.isEmpty()) {
            error(ex, 501, "NotImplemented", "the local S3 serves objects only (no listing)");
            return;
        }
        Map<String, String> query = query(ex.getRequestURI().getRawQuery());
        switch (ex.getRequestMethod()) {
            case "PUT" -> {
                byte[] body = readBody(ex);
                String type = ex.getRequestHeaders().getFirst("Content-Type");
                objects.put(bucket + "/" + key, new StoredObject(body, type == null ? "binary/octet-stream" : type,
                        ex.getRequestHeaders().getFirst("Content-Disposition"), clock.get()));
                ex.getResponseHeaders().set("ETag", "\"" + Integer.toHexString(java.util.Arrays.hashCode(body)) + "\"");
                LocalHttp.send(ex, 200, null, new byte[0]);
            }
            case "GET", "HEAD" -> {
                if (expired(query)) {
                    error(ex, 403, "AccessDenied", "Request has expired");
                    return;
                }
                StoredObject o = objects.get(bucket + "/" + key);
                if (o == null) {
                    error(ex, 404, "NoSuchKey", "The specified key does not exist.");
                    return;
                }
                String disposition = query.getOrDefault("response-content-disposition", o.contentDisposition());
                if (disposition != null) ex.getResponseHeaders().set("Content-Disposition", disposition);
                ex.getResponseHeaders().set("Last-Modified", DateTimeFormatter.RFC_1123_DATE_TIME.format(o.lastModified().atZone(ZoneOffset.UTC)));
                if (ex.getRequestMethod().equals("HEAD")) {
                    ex.getResponseHeaders().set("Content-Type", query.getOrDefault("response-content-type", o.contentType()));
                    ex.getResponseHeaders().set("Content-Length", String.valueOf(o.bytes().length));
                    ex.sendResponseHeaders(200, -1);
                    ex.close();
                    return;
                }
                LocalHttp.send(ex, 200, query.getOrDefault("response-content-type", o.contentType()), o.bytes());
            }
            case "DELETE" -> {
                objects.remove(bucket + "/" + key);
                LocalHttp.send(ex, 204, null, new byte[0]);
            }
            default -> error(ex, 405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
        }
    }

    /** A presigned request past X-Amz-Date + X-Amz-Expires. */
    private boolean expired(Map<String, String> q) {
        String date = q.get("X-Amz-Date");
        String expires = q.get("X-Amz-Expires");
        if (date == null || expires == null) return false;
        try {
            Instant signed = java.time.LocalDateTime.parse(date, DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")).toInstant(ZoneOffset.UTC);
            Instant now = Instant.now(); // presigners sign with the real clock
            return now.isAfter(signed.plus(Duration.ofSeconds(Long.parseLong(expires))));
        } catch (RuntimeException e) {
            return true;
        }
    }

    /** The body as stored: aws-chunked uploads ("STREAMING-..." payloads) are unwrapped from their chunk framing. */
    private static byte[] readBody(HttpExchange ex) throws IOException {
        byte[] raw;
        try (InputStream in = ex.getRequestBody()) {
            raw = in.readAllBytes();
        }
        String sha = ex.getRequestHeaders().getFirst("x-amz-content-sha256");
        String encoding = ex.getRequestHeaders().getFirst("Content-Encoding");
        boolean chunked = sha != null && sha.startsWith("STREAMING-") || encoding != null && encoding.contains("aws-chunked");
        return chunked ? dechunk(raw) : raw;
    }

    static byte[] dechunk(byte[] raw) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = 0;
        while (i < raw.length) {
            int lineEnd = indexOfCrlf(raw, i);
            if (lineEnd < 0) break;
            String header = new String(raw, i, lineEnd - i, StandardCharsets.US_ASCII);
            int semi = header.indexOf(';');
            int size = Integer.parseInt((semi < 0 ? header : header.substring(0, semi)).strip(), 16);
            i = lineEnd + 2;
            if (size == 0) break; // trailers follow
            out.write(raw, i, size);
            i += size + 2;
        }
        return out.toByteArray();
    }

    private static int indexOfCrlf(byte[] b, int from) {
        for (int i = from; i + 1 < b.length; i++) if (b[i] == '\r' && b[i + 1] == '\n') return i;
        return -1;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> q = new LinkedHashMap<>();
        if (raw == null) return q;
        for (String p : raw.split("&")) {
            int eq = p.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? p : p.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(p.substring(eq + 1), StandardCharsets.UTF_8);
            q.put(k, v);
        }
        return q;
    }

    private static void error(HttpExchange ex, int status, String code, String message) throws IOException {
        String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>" + code + "</Code><Message>" + message
                + "</Message></Error>";
        LocalHttp.send(ex, status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }
}
