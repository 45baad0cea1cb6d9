package com.helpdesk.localaws;

import com.amazonaws.services.dynamodbv2.local.main.CommandLineInput;
import com.amazonaws.services.dynamodbv2.local.main.ServerRunner;
import com.amazonaws.services.dynamodbv2.local.server.DynamoDBProxyServer;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Locale;

/**
 * AWS's own DynamoDB Local, in memory, in this JVM, serving the DynamoDB (and Streams) API over HTTP
 * on a loopback port. Its SQLite engine needs a native library; the build bundles the natives as
 * resources and the first start extracts the one for this machine.
 */
public final class DynamoDbLocal implements AutoCloseable {
    private static final Object NATIVE_LOCK = new Object();
    private static Path nativeDir;

    private final DynamoDBProxyServer server;
    private final int port;

    private DynamoDbLocal(DynamoDBProxyServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static DynamoDbLocal start(int port) {
        prepareNatives();
        int p = FreePort.resolve(port);
        try {
            // createServerFromCommandLineArgs would also print its configuration to stdout
            CommandLineInput input = new CommandLineInput(new String[]{"-inMemory", "-port", Integer.toString(p), "-disableTelemetry"});
            if (!input.init()) throw new IllegalStateException("DynamoDB Local refused its arguments");
            DynamoDBProxyServer server = ServerRunner.createServer(input);
            server.start();
            return new DynamoDbLocal(server, p);
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not start on port " + p + ": " + e.getMessage(), e);
        }
    }

    public URI endpoint() {
        return URI.create("http://127.0.0.1:" + port);
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (Exception e) {
            throw new IllegalStateException("DynamoDB Local did not stop cleanly", e);
        }
    }

    private static void prepareNatives() {
        synchronized (NATIVE_LOCK) {
            if (nativeDir != null) return;
            String explicit = System.getProperty("sqlite4java.library.path");
            if (explicit != null && Files.isDirectory(Path.of(explicit))) {
                nativeDir = Path.of(explicit);
                return;
            }
            String resource = nativeResourceName();
            try (InputStream in = DynamoDbLocal.class.getResourceAsStream("/sqlite4java-natives/" + resource)) {
                if (in == null) {
                    throw new IllegalStateException("no sqlite4java native library bundled for this platform ("
                            + resource + "); DynamoDB Local cannot run here");
                }
                Path dir = Files.createTempDirectory("helpdesk-sqlite4java");
                Files.copy(in, dir.resolve(resource), StandardCopyOption.REPLACE_EXISTING);
                dir.toFile().deleteOnExit();
                dir.resolve(resource).toFile().deleteOnExit();
                System.setProperty("sqlite4java.library.path", dir.toString());
                nativeDir = dir;
            } catch (IOException e) {
                throw new UncheckedIOException("could not extract the sqlite4java native library", e);
            }
        }
    }

    /** The file name sqlite4java looks for on this OS and architecture. */
    static String nativeResourceName() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch").toLowerCase(Locale.ROOT);
        if (os.contains("mac")) return "libsqlite4java-osx.dylib";
        if (os.contains("win")) return "sqlite4java-win32-x64.dll";
        if (arch.equals("aarch64") || arch.equals("arm64")) return "libsqlite4java-linux-aarch64.so";
        return "libsqlite4java-linux-amd64.so";
    }
}
