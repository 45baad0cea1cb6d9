package com.helpdesk.local;

import com.sun.net.httpserver.HttpServer;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class LocalConsoleTest {
    @Test
    void aVerboseRequestLineHasMethodPathStatusAndTime() {
        assertThat(LocalConsole.requestLine("PATCH", "/tickets/1042", 412, 12_600_000)).isEqualTo("PATCH /tickets/1042 412 12 ms");
    }

    @Test
    void theRequestLogPrintsOneLinePerAnsweredRequestWithoutTheQuery() throws Exception {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", ex -> {
            ex.sendResponseHeaders(ex.getRequestURI().getPath().equals("/tickets") ? 201 : 404, -1);
            ex.close();
        }).getFilters().add(LocalConsole.requestLog(new PrintStream(printed, true, StandardCharsets.UTF_8)));
        server.start();
        try {
            HttpClient client = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + server.getAddress().getPort();
            client.send(HttpRequest.newBuilder(URI.create(base + "/tickets?token=secret"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.discarding());
            client.send(HttpRequest.newBuilder(URI.create(base + "/nowhere")).build(), HttpResponse.BodyHandlers.discarding());
        } finally {
            server.stop(0);
        }
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList())
                .hasSize(2)
                .satisfiesExactly(
                        l -> assertThat(l).matches("POST /tickets 201 \\d+ ms"),
                        l -> assertThat(l).matches("GET /nowhere 404 \\d+ ms"));
    }

    @Test
    void onlySlf4jBindingNoticesAreDroppedFromStderr() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream err = new LocalConsole.WithoutBindingNotices(new PrintStream(printed, true, StandardCharsets.UTF_8));
        err.println("SLF4J: Failed to load class \"org.slf4j.impl.StaticLoggerBinder\".");
        err.println("SLF4J: Defaulting to no-operation (NOP) logger implementation");
        err.println("SLF4J: See http://www.slf4j.org/codes.html#StaticLoggerBinder for further details.");
        err.println("SLF4J(W): No SLF4J providers were found.");
        err.println("SLF4J(W): See https://www.slf4j.org/codes.html#noProviders for further details.");
        err.println("SLF4J: Class path contains multiple SLF4J bindings.");
        err.println("{\"level\":\"ERROR\",\"message\":\"unhandled error\"}");
        assertThat(printed.toString(StandardCharsets.UTF_8).lines().toList()).containsExactly(
                "SLF4J: Class path contains multiple SLF4J bindings.", "{\"level\":\"ERROR\",\"message\":\"unhandled error\"}");
    }

    @Test
    void verboseComesFromThePropertyTheFlagSets() {
        String before = System.getProperty(LocalConsole.VERBOSE_PROPERTY);
        try {
            System.setProperty(LocalConsole.VERBOSE_PROPERTY, "true");
            assertThat(LocalConsole.verbose()).isTrue();
            System.setProperty(LocalConsole.VERBOSE_PROPERTY, "false");
            assertThat(LocalConsole.verbose()).isFalse();
        } finally {
            if (before == null) System.clearProperty(LocalConsole.VERBOSE_PROPERTY);
            else System.setProperty(LocalConsole.VERBOSE_PROPERTY, before);
        }
    }
}
