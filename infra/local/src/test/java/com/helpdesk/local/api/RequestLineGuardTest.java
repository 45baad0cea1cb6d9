package com.helpdesk.local.api;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** Request targets the JDK server would answer with text/html get problem+json; the rest passes through unchanged. */
class RequestLineGuardTest {
    private static HttpServer backend;
    private static RequestLineGuard guard;

    @BeforeAll
    static void start() throws IOException {
        backend = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        backend.createContext("/", ex -> {
            byte[] body = (ex.getRequestMethod() + " " + ex.getRequestURI().getRawPath() + " "
                    + new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
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

    private static String raw(String requestLine) throws IOException {
        try (Socket s = new Socket("127.0.0.1", guard.port())) {
            s.getOutputStream().write((requestLine + "\r\nHost: localhost\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            return new String(s.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void malformedPercentEncodingAndADoubledLeadingSlashAreProblems() throws IOException {
        String badEscape = raw("GET /tickets/%ZZ HTTP/1.1");
        assertThat(badEscape).startsWith("HTTP/1.1 400 ").contains("Content-Type: application/problem+json")
                .contains("\"detail\":\"the request path has a malformed percent-encoding at character 10").doesNotContain("<h1>");
        assertThat(raw("GET /tickets/abc% HTTP/1.1")).startsWith("HTTP/1.1 400 ").contains("application/problem+json");
        assertThat(raw("GET /tickets?q=%G1 HTTP/1.1")).startsWith("HTTP/1.1 400 ");
        assertThat(raw("GET /tickets/a|b HTTP/1.1")).startsWith("HTTP/1.1 400 ").contains("not a valid URI");
        assertThat(raw("GET //tickets HTTP/1.1")).startsWith("HTTP/1.1 404 ").contains("application/problem+json")
                .contains("no route matches GET //tickets");
        assertThat(raw("GET // HTTP/1.1")).startsWith("HTTP/1.1 404 ");
        assertThat(raw("GET /" + "a".repeat(20_000) + " HTTP/1.1")).startsWith("HTTP/1.1 414 ");
    }

    @Test
    void everyOtherRequestPassesThroughOnKeptAliveClientConnections() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + guard.port() + "/tickets/%41" + i + "?x=1"))
                    .POST(HttpRequest.BodyPublishers.ofString("body-" + i)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).isEqualTo("POST /tickets/%41" + i + " body-" + i);
            assertThat(r.headers().firstValue("Connection")).as("the client must not reuse a connection the server closes").contains("close");
        }
        assertThat(raw("GET /tickets//x HTTP/1.1")).startsWith("HTTP/1.1 200 ").contains("\r\nConnection: close\r\n").endsWith("GET /tickets//x ");
    }
}
