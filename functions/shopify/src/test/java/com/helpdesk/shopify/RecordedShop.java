package com.helpdesk.shopify;

import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** A local HTTP server answering recorded Shopify responses in order, and remembering what it was asked. */
final class RecordedShop implements AutoCloseable {
    record Answer(int status, String body, boolean hang) {}

    record Received(String path, Map<String, List<String>> headers, String body) {}

    private final HttpServer server;
    private final Deque<Answer> answers = new ArrayDeque<>();
    final List<Received> received = new ArrayList<>();
    private final CountDownLatch release = new CountDownLatch(1);

    RecordedShop() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            Answer answer;
            synchronized (this) {
                received.add(new Received(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
                answer = answers.isEmpty() ? new Answer(500, "{\"errors\":\"no recorded answer left\"}", false) : answers.poll();
            }
            if (answer.hang()) {
                try {
                    release.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.setExecutor(java.util.concurrent.Executors.newCachedThreadPool());
        server.start();
    }

    String baseUrl() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    synchronized RecordedShop answer(int status, String resource) {
        answers.add(new Answer(status, resource(resource), false));
        return this;
    }

    synchronized RecordedShop hang() {
        answers.add(new Answer(200, "{}", true));
        return this;
    }

    static String resource(String name) {
        try (InputStream in = RecordedShop.class.getResourceAsStream("/shopify/" + name)) {
            if (in == null) throw new IllegalArgumentException("no recorded response " + name);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        release.countDown();
        server.stop(0);
    }
}
