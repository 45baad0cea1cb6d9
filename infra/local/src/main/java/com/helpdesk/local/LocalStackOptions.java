package com.helpdesk.local;

import java.nio.file.Path;
import java.util.Map;

/** How to start the local stack: where to listen, which template, parameter overrides. */
public record LocalStackOptions(String host, int port, Path template, Map<String, String> parameters) {
    public static LocalStackOptions defaults() {
        return new LocalStackOptions("127.0.0.1", 3000, Path.of("template.yaml"), Map.of());
    }

    public LocalStackOptions withPort(int p) {
        return new LocalStackOptions(host, p, template, parameters);
    }

    public LocalStackOptions withTemplate(Path t) {
        return new LocalStackOptions(host, port, t, parameters);
    }
}
