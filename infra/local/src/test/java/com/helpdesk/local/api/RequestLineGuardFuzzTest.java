package com.helpdesk.local.api;

import com.code_intelligence.jazzer.api.BugDetectors;
import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.api.SilentCloseable;
import com.code_intelligence.jazzer.junit.FuzzTest;
import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz tests of the local stack's request-line guard ({@link RequestLineGuard}), which every request to the
 * local API passes. Regression mode (seeds in src/test/resources/com/helpdesk/local/api/RequestLineGuardFuzzTestInputs/
 * &lt;method&gt;) in the normal build; {@code JAZZER_FUZZ=1} fuzzes. The contract: {@code check} answers for any target
 * without an exception, a refusal is a 400 or 404, and a target it lets through is one the JDK server and the
 * gateway's path decoding take; over a socket, any request line is answered by the guard (problem+json 400, 404 or
 * 414) or by the server behind it, never with a 5xx or the JDK server's text/html, and never hangs.
 */
class RequestLineGuardFuzzTest {
    private static HttpServer backend;
    private static RequestLineGuard guard;

    @BeforeAll
    static void start() throws IOException {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
        backend.createContext("/", ex -> {
            ex.getRequestBody().readAllBytes();
            ex.getResponseHeaders().set("Content-Type", "application/json");
            byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, body.length);
            ex.getResponseBody().write(body);
            ex.close();
        });
        backend.start();
        guard = new RequestLineGuard("127.0.0.1", 0, backend.getAddress());
    }

    @AfterAll
    static void stop() {
        guard.close();
        backend.stop(0);
    }

    @FuzzTest(maxDuration = "60s")
    void target(FuzzedDataProvider data) {
        String method = data.pickValue(new String[] {"GET", "POST", "PATCH", "DELETE", "OPTIONS"});
        String target = data.consumeRemainingAsString();
        RequestLineGuard.Refusal refusal = RequestLineGuard.check(method, target);
        if (refusal != null) {
            assertThat(refusal.status()).isIn(400, 404);
            assertThat(refusal.detail()).isNotBlank();
            return;
        }
        if (!target.startsWith("/")) return; // OPTIONS * and absolute-form: the JDK server answers them
        URI uri = URI.create(target);
        assertThat(uri.getRawPath()).doesNotStartWith("//");
        URLDecoder.decode(uri.getRawPath().replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    @FuzzTest(maxDuration = "60s")
    void requestLine(byte[] line) throws IOException {
        // the guard and its server are on loopback: Jazzer's SSRF detector would take this test's own socket for a finding
        try (SilentCloseable loopbackOnly = BugDetectors.allowNetworkConnections((host, port) -> "127.0.0.1".equals(host) || "localhost".equals(host));
             Socket s = new Socket("127.0.0.1", guard.port())) {
            s.setSoTimeout(10_000); // a hang fails the input instead of the run
            s.getOutputStream().write(line);
            s.getOutputStream().write("\r\nHost: localhost\r\nContent-Length: 0\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            s.shutdownOutput();
            String answer = new String(s.getInputStream().readAllBytes(), StandardCharsets.ISO_8859_1);
            if (answer.isEmpty()) return; // no request line at all: nothing to answer
            assertThat(answer).matches("(?s)HTTP/1\\.1 [1-4][0-9][0-9] .*");
            String head = answer.split("\r\n\r\n", 2)[0].toLowerCase(java.util.Locale.ROOT);
            assertThat(head).as(answer).doesNotContain("content-type: text/html");
        }
    }
}
