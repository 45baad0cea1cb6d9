package com.helpdesk.bench;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Random;
import java.util.concurrent.Executors;

/**
 * Heap per attachment size of the inbound email function: the smallest heap (-Xmx, with a 2 MB young generation so
 * that large arrays are not counted one and a half times) with which a fresh JVM running the function's own jar reads
 * a mail with one attachment of 1, 10 and 25 MB from S3 and stores the attachment in S3 as MailReception does. The
 * baseline, found the same way in the same run, is the same JVM reading a mail without an attachment; the figure is
 * the difference over the attachment's size. A minimum heap catches the short peaks a sampled heap misses (a buffer
 * copied for the upload).
 *
 * <p>{@code heap [jar]}: another jar of the function (e.g. one built before a change) measured the same way.
 */
final class AttachmentHeapBench {
    static final Path FUNCTION = Path.of("functions/inbound-email/target/function.jar");
    private static final int[] SIZES_MB = {1, 10, 25};
    private static final int STEP_KB = 512;

    private AttachmentHeapBench() {}

    static void run(Report report, String[] args) throws Exception {
        Path jar = args.length > 0 ? Path.of(args[0]) : FUNCTION;
        for (Path required : List.of(ColdStartBench.DRIVER, jar)) {
            if (!Files.isRegularFile(required)) throw new IllegalStateException(required + " is missing: build with "
                    + "./mvnw -B -q -DskipTests -pl infra/local,infra/bench -am package, run from the repository root");
        }
        Path folder = Files.createTempDirectory("bench-heap");
        HttpServer s3 = s3(folder);
        try {
            String endpoint = "http://127.0.0.1:" + s3.getAddress().getPort();
            Files.writeString(folder.resolve("mail-0"), "From: a@example.com\r\nTo: support@help.example.com\r\nSubject: hi\r\n"
                    + "Message-ID: <h0@example.com>\r\nContent-Type: text/plain\r\n\r\nHello, no attachment here.\r\n");
            int baseKb = smallestHeapKb(jar, endpoint, "mail-0", 8 * 1024, 256 * 1024);
            System.out.printf("  [heap] %s: no attachment needs -Xmx%dk%n", jar, baseKb);
            for (int mb : SIZES_MB) {
                write(folder.resolve("mail-" + mb), mb * 1024L * 1024L);
                int kb = smallestHeapKb(jar, endpoint, "mail-" + mb, baseKb, baseKb + mb * 4 * 1024 + 64 * 1024);
                double extraMb = (kb - baseKb) / 1024.0;
                System.out.printf("  [heap] %d MB attachment needs -Xmx%dk (+%.1f MB)%n", mb, kb, extraMb);
                report.add("heap", "inbound email, heap above the function's own for one " + mb + " MB attachment / the attachment",
                        String.format("+%.1f MB", extraMb), String.format("%d MB (function alone: %.1f MB)", mb, baseKb / 1024.0),
                        extraMb / mb, "<= 1.2x");
                Files.delete(folder.resolve("mail-" + mb));
            }
        } finally {
            s3.stop(0);
            try (var files = Files.list(folder)) {
                for (Path f : files.toList()) Files.deleteIfExists(f);
            }
            Files.deleteIfExists(folder);
        }
    }

    /** Binary search between a heap that fails (or is assumed to) and one that works, to STEP_KB. */
    private static int smallestHeapKb(Path jar, String endpoint, String key, int failingKb, int workingKb) throws Exception {
        if (!works(jar, endpoint, key, workingKb)) throw new IllegalStateException(key + " fails even with -Xmx" + workingKb + "k");
        int lo = failingKb;
        int hi = workingKb;
        while (hi - lo > STEP_KB) {
            int mid = (lo + hi) / 2;
            if (works(jar, endpoint, key, mid)) hi = mid;
            else lo = mid;
        }
        return hi;
    }

    private static boolean works(Path jar, String endpoint, String key, int heapKb) throws IOException, InterruptedException {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder pb = new ProcessBuilder(javaBin, "-Xmx" + heapKb + "k", "-Xmn2m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                "-cp", ColdStartBench.DRIVER.toAbsolutePath() + java.io.File.pathSeparator + jar.toAbsolutePath(),
                "com.helpdesk.bench.driver.AttachmentHeapDriver", endpoint, "bench", "inbound/" + key);
        pb.redirectErrorStream(true);
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int exit = p.waitFor();
        if (exit == 0 && !out.contains("HEAP ok attachments=" + (key.equals("mail-0") ? 0 : 1))) {
            throw new IllegalStateException("the driver stored the wrong attachments: " + out);
        }
        return exit == 0;
    }

    /** Just enough S3 for the driver: GET and HEAD of the mails in {@code folder}, streamed; PUTs read and dropped. */
    private static HttpServer s3(Path folder) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 16);
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/", ex -> {
            try (ex) {
                answer(ex, folder);
            }
        });
        server.start();
        return server;
    }

    private static void answer(HttpExchange ex, Path folder) throws IOException {
        try (InputStream body = ex.getRequestBody()) {
            body.transferTo(OutputStream.nullOutputStream());
        }
        String path = ex.getRequestURI().getPath();
        if (ex.getRequestMethod().equals("PUT")) {
            ex.getResponseHeaders().set("ETag", "\"bench\"");
            ex.sendResponseHeaders(200, -1);
            return;
        }
        Path file = folder.resolve(path.substring(path.lastIndexOf('/') + 1));
        if (!path.startsWith("/bench/inbound/") || !Files.isRegularFile(file)) {
            ex.sendResponseHeaders(404, -1);
            return;
        }
        ex.getResponseHeaders().set("Content-Type", "message/rfc822");
        ex.getResponseHeaders().set("ETag", "\"bench\"");
        if (ex.getRequestMethod().equals("HEAD")) {
            ex.getResponseHeaders().set("Content-Length", String.valueOf(Files.size(file)));
            ex.sendResponseHeaders(200, -1);
            return;
        }
        ex.sendResponseHeaders(200, Files.size(file));
        try (OutputStream out = ex.getResponseBody()) {
            Files.copy(file, out);
        }
    }

    /** A mail with a short text and one base64 attachment of {@code bytes} random bytes. */
    private static void write(Path file, long bytes) throws IOException {
        Random random = new Random(42);
        Base64.Encoder mime = Base64.getMimeEncoder(76, "\r\n".getBytes(StandardCharsets.US_ASCII));
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
            out.write(("From: Big Sender <big@example.com>\r\nTo: support@help.example.com\r\nSubject: The video of the damage\r\n"
                    + "Message-ID: <heap@example.com>\r\nMIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=\"heap\"\r\n\r\n"
                    + "--heap\r\nContent-Type: text/plain; charset=utf-8\r\n\r\nThe video shows the damage.\r\n"
                    + "--heap\r\nContent-Type: video/mp4\r\nContent-Disposition: attachment; filename=\"damage.mp4\"\r\n"
                    + "Content-Transfer-Encoding: base64\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = new byte[57 * 1024];
            for (long written = 0; written < bytes; ) {
                int n = (int) Math.min(chunk.length, bytes - written);
                random.nextBytes(chunk);
                out.write(mime.encode(n == chunk.length ? chunk : java.util.Arrays.copyOf(chunk, n)));
                out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
                written += n;
            }
            out.write("--heap--\r\n".getBytes(StandardCharsets.US_ASCII));
        }
    }
}
