package com.helpdesk.local;

import java.nio.file.Path;
import java.util.Map;

/** Starts the real template.yaml on a free port for end-to-end tests (needs the function jars built). */
public final class LocalStackHarness implements AutoCloseable {
    private final LocalStack stack;

    private LocalStackHarness(LocalStack stack) {
        this.stack = stack;
    }

    public static Path root() {
        return Path.of(System.getProperty("helpdesk.root", "../..")).toAbsolutePath().normalize();
    }

    public static LocalStackHarness start() {
        return new LocalStackHarness(LocalStack.start(
                new LocalStackOptions("127.0.0.1", 0, root().resolve("template.yaml"), Map.of())));
    }

    public LocalStack stack() {
        return stack;
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + stack.port();
    }

    public String token(String subject, String role) {
        return stack.token(subject, role);
    }

    @Override
    public void close() {
        stack.close();
    }
}
