package com.helpdesk.local.api;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The local stack's listening socket, in front of the JDK HTTP server. That server refuses a request
 * target it cannot parse (a malformed percent-encoding such as /tickets/%ZZ) and one whose path begins
 * with "//" (read as an authority) itself, with a text/html page no handler can change. This front reads
 * each request line first: those targets get the problem+json API Gateway-style answer (400, 404);
 * every other request is passed through byte for byte, one request per connection (Connection: close is
 * put first among the headers), so every request line is seen here.
 */
public final class RequestLineGuard implements AutoCloseable {
    private static final int MAX_REQUEST_LINE = 16 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final ServerSocket listener;
    private final InetSocketAddress backend;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "local-http-front");
        t.setDaemon(true);
        return t;
    });

    public RequestLineGuard(String host, int port, InetSocketAddress backend) throws IOException {
        this.listener = new ServerSocket();
        this.listener.setReuseAddress(true);
        this.listener.bind(new InetSocketAddress(InetAddress.getByName(host), port), 128);
        this.backend = backend;
        threads.execute(this::acceptLoop);
    }

    public int port() {
        return listener.getLocalPort();
    }

    /** Null when the JDK server can take the target; else the status and detail to answer with. */
    static Refusal check(String method, String target) {
        if (target.equals("*") || !target.startsWith("/")) return null; // OPTIONS * and absolute-form: the server decides
        for (int i = 0; i < target.length(); i++) {
            if (target.charAt(i) == '%' && (i + 2 >= target.length() || !isHex(target.charAt(i + 1)) || !isHex(target.charAt(i + 2)))) {
                return new Refusal(400, "bad-request", "Bad Request", "the request path has a malformed percent-encoding at character " + (i + 1)
                        + " ('%' must be followed by two hexadecimal digits)");
            }
        }
        String path = target.split("\\?", 2)[0];
        if (path.startsWith("//")) return new Refusal(404, "not-found", "Not Found", "no route matches " + method + " " + path);
        try {
            new URI(target);
        } catch (URISyntaxException e) {
            return new Refusal(400, "bad-request", "Bad Request", "the request target is not a valid URI: " + e.getReason()
                    + " at character " + (e.getIndex() + 1));
        }
        return null;
    }

    record Refusal(int status, String type, String title, String detail) {}

    private static boolean isHex(char c) {
        return Character.digit(c, 16) >= 0;
    }

    private void acceptLoop() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                threads.execute(() -> serve(client));
            } catch (IOException e) {
                if (listener.isClosed()) return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            InputStream in = client.getInputStream();
            String line = requestLine(in);
            if (line == null) return;
            String[] parts = line.strip().split(" ");
            Refusal refusal = !line.endsWith("\n") ? new Refusal(414, "uri-too-long", "URI Too Long", "the request line is longer than " + MAX_REQUEST_LINE + " bytes")
                    : parts.length == 3 ? check(parts[0], parts[1]) : new Refusal(400, "bad-request", "Bad Request", "not an HTTP request line");
            if (refusal != null) {
                answer(client.getOutputStream(), refusal, parts.length == 3 ? parts[1] : null);
                return;
            }
            try (Socket server = new Socket(backend.getAddress(), backend.getPort())) {
                OutputStream toServer = server.getOutputStream();
                toServer.write((line + "Connection: close\r\n").getBytes(StandardCharsets.ISO_8859_1));
                toServer.flush();
                threads.execute(() -> pipe(in, toServer, server));
                InputStream fromServer = new java.io.BufferedInputStream(server.getInputStream());
                OutputStream toClient = client.getOutputStream();
                if (!forwardHeads(fromServer, toClient)) return;
                fromServer.transferTo(toClient);
            }
        } catch (IOException e) {
            // the client or the server went away: nothing to answer
        }
    }

    /** The request line with its line end, or null when the connection closed first. */
    private static String requestLine(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            line.write(b);
            if (b == '\n') {
                String s = line.toString(StandardCharsets.ISO_8859_1);
                if (s.isBlank()) { line.reset(); continue; } // RFC 9112 2.2: ignore empty lines before the request line
                return s.endsWith("\r\n") ? s : s.substring(0, s.length() - 1) + "\r\n";
            }
            if (line.size() > MAX_REQUEST_LINE) return line.toString(StandardCharsets.ISO_8859_1); // no line end: too long
        }
        return null;
    }

    /**
     * Forwards the response heads (interim 1xx ones as they are, then the final one saying Connection:
     * close, which the JDK server does not say although it closes): the client must not reuse the
     * connection, or its next request would meet a closed socket. False when the server sent nothing.
     */
    private static boolean forwardHeads(InputStream fromServer, OutputStream toClient) throws IOException {
        while (true) {
            String head = responseHead(fromServer);
            if (head == null) return false;
            boolean interim = head.matches("(?s)HTTP/1\\.[01] 1\\d\\d.*") && !head.startsWith("HTTP/1.1 101");
            if (!interim) {
                StringBuilder rewritten = new StringBuilder();
                for (String line : head.substring(0, head.length() - 4).split("\r\n")) {
                    if (!line.regionMatches(true, 0, "Connection:", 0, 11)) rewritten.append(line).append("\r\n");
                }
                head = rewritten.append("Connection: close\r\n\r\n").toString();
            }
            toClient.write(head.getBytes(StandardCharsets.ISO_8859_1));
            if (!interim) {
                toClient.flush();
                return true;
            }
        }
    }

    /** A response's status line and headers through the blank line, or null at the end of the stream. */
    private static String responseHead(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != -1) {
            head.write(b);
            int n = head.size();
            if (n >= 4 && b == '\n') {
                byte[] h = head.toByteArray();
                if (h[n - 4] == '\r' && h[n - 3] == '\n' && h[n - 2] == '\r') return head.toString(StandardCharsets.ISO_8859_1);
            }
            if (n > 64 * 1024) throw new IOException("response head too long");
        }
        return null;
    }

    private static void pipe(InputStream from, OutputStream to, Socket server) {
        try {
            from.transferTo(to);
            server.shutdownOutput();
        } catch (IOException e) {
            // the exchange ended
        }
    }

    private static void answer(OutputStream out, Refusal r, String target) throws IOException {
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("type", "/problems/" + r.type());
        p.put("title", r.title());
        p.put("status", r.status());
        p.put("detail", r.detail());
        if (target != null && target.length() <= MAX_REQUEST_LINE) p.put("instance", target.split("\\?", 2)[0]);
        byte[] body = JSON.writeValueAsBytes(p);
        String head = "HTTP/1.1 " + r.status() + " " + r.title() + "\r\nContent-Type: application/problem+json\r\nContent-Length: " + body.length
                + "\r\nConnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    @Override
    public void close() {
        try {
            listener.close();
        } catch (IOException ignored) {
            // already closed
        }
        threads.shutdownNow();
    }
}
