package com.helpdesk.local;

import com.helpdesk.local.api.LocalHttp;
import com.sun.net.httpserver.HttpExchange;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The agent console (module console/, on this stack's class path) at / and /console/*: paths no API route of
 * the template uses. Its config.json says "sign in through this stack" (POST /_local/token, same origin), where
 * a deployment's says "Cognito" and names the API's URL.
 */
final class ConsoleSite {
    /** Where the console module puts the site in its jar. */
    static final String ROOT = "helpdesk-console/";
    static final String PREFIX = "/console/";
    static final String LOCAL_CONFIG = "{\"auth\": \"local\", \"apiUrl\": \"\"}";
    private static final Map<String, String> TYPES = Map.of(
            "html", "text/html; charset=utf-8", "js", "text/javascript; charset=utf-8", "css", "text/css; charset=utf-8",
            "json", "application/json", "svg", "image/svg+xml", "png", "image/png", "ico", "image/x-icon");

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
        ex.getResponseHeaders().set("Cache-Control", "no-cache");
        ex.getResponseHeaders().set("X-Content-Type-Options", "nosniff");
        ex.getResponseHeaders().set("Referrer-Policy", "no-referrer");
        if (path.equals(PREFIX + "config.json")) {
            LocalHttp.send(ex, 200, TYPES.get("json"), LOCAL_CONFIG.getBytes(StandardCharsets.UTF_8));
            return;
        }
        String file = path.equals("/") ? "index.html" : path.substring(1);
        byte[] body = read(file);
        if (body == null) {
            LocalHttp.problem(ex, 404, "not-found", "Not Found", path + " is not a file of the console");
            return;
        }
        ex.getResponseHeaders().set("X-Frame-Options", "DENY");
        LocalHttp.send(ex, 200, TYPES.getOrDefault(extension(file), "application/octet-stream"), body);
    }

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
