package com.helpdesk.localaws;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An AWS endpoint for adapter tests of services that have no in-process emulator (EventBridge, S3,
 * SES, SSM): an SDK client pointed at it sends its real requests, which are recorded, and gets the
 * answers the test scripts, in order (the last one repeats), in the shapes AWS documents for the
 * service's protocol: JSON 1.1 ({@code __type}), REST-JSON ({@code x-amzn-ErrorType}) or REST-XML
 * ({@code <Error><Code>}).
 */
public final class StubAwsEndpoint implements AutoCloseable {
    /** One request as the SDK sent it; header names are case-insensitive. */
    public record Request(String method, String path, String query, Map<String, List<String>> headers, byte[] body) {
        public String header(String name) {
            List<String> values = headers.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }

        public String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** One scripted answer. */
    public record Answer(int status, Map<String, String> headers, byte[] body) {
        public static Answer of(int status, String contentType, String body) {
            return new Answer(status, Map.of("Content-Type", contentType), body.getBytes(StandardCharsets.UTF_8));
        }

        /** A JSON 1.1 answer (EventBridge, SSM). */
        public static Answer json11(int status, String body) {
            return of(status, "application/x-amz-json-1.1", body);
        }

        /** A JSON 1.1 error: {@code {"__type": type, "message": message}}. */
        public static Answer json11Error(int status, String type, String message) {
            return json11(status, "{\"__type\":\"" + type + "\",\"message\":\"" + message + "\"}");
        }

        /** A REST-JSON error (SES v2): the type in {@code x-amzn-ErrorType}, the message in the body. */
        public static Answer restJsonError(int status, String type, String message) {
            return new Answer(status, Map.of("Content-Type", "application/json", "x-amzn-ErrorType", type),
                    ("{\"message\":\"" + message + "\"}").getBytes(StandardCharsets.UTF_8));
        }

        /** A REST-XML error (S3). */
        public static Answer xmlError(int status, String code, String message) {
            return of(status, "application/xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>" + code + "</Code><Message>"
                    + message + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>");
        }

        public Answer withHeader(String name, String value) {
            Map<String, String> h = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            h.putAll(headers);
            h.put(name, value);
            return new Answer(status, h, body);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new ArrayList<>();
    private final Deque<Answer> answers = new ArrayDeque<>();

    private StubAwsEndpoint(HttpServer server) {
        this.server = server;
    }

    public static StubAwsEndpoint start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            StubAwsEndpoint stub = new StubAwsEndpoint(server);
            server.createContext("/", stub::handle);
            server.start();
            return stub;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot start the stub endpoint", e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    /** Scripts the next answers, replacing what was scripted before, and forgets the recorded requests. */
    public synchronized StubAwsEndpoint answer(Answer... next) {
        answers.clear();
        answers.addAll(List.of(next));
        requests.clear();
        return this;
    }

    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    private void handle(HttpExchange ex) throws IOException {
        byte[] body;
        try (InputStream in = ex.getRequestBody()) {
            body = in.readAllBytes();
        }
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        ex.getRequestHeaders().forEach((k, v) -> headers.put(k, List.copyOf(v)));
        Answer answer;
        synchronized (this) {
            requests.add(new Request(ex.getRequestMethod(), ex.getRequestURI().getRawPath(), ex.getRequestURI().getRawQuery(), headers, body));
            answer = answers.size() > 1 ? answers.poll() : answers.peek();
        }
        if (answer == null) answer = Answer.of(500, "text/plain", "no answer scripted");
        answer.headers().forEach((k, v) -> ex.getResponseHeaders().set(k, v));
        ex.getResponseHeaders().set("x-amzn-RequestId", "stub-" + requests().size());
        boolean noBody = "HEAD".equals(ex.getRequestMethod()) || answer.body().length == 0;
        ex.sendResponseHeaders(answer.status(), noBody ? -1 : answer.body().length);
        if (!noBody) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(answer.body());
            }
        }
        ex.close();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
