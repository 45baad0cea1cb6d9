package com.helpdesk.local;

import com.helpdesk.local.api.HttpApiGateway;
import com.helpdesk.local.api.LocalHttp;
import com.helpdesk.local.api.RequestLineGuard;
import com.helpdesk.local.s3.LocalS3;
import com.helpdesk.local.secrets.LocalSecretsManager;
import com.helpdesk.local.ses.LocalSes;
import com.helpdesk.local.shopify.LocalShopify;
import com.helpdesk.local.ssm.LocalParameterStore;
import com.sun.net.httpserver.HttpContext;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The stack's one HTTP port: the console, the emulated AWS services and Shopify, the /_local endpoints, and
 * everything else to the API gateway. The JDK server listens on loopback behind the request-line guard.
 */
final class LocalHttpFront implements AutoCloseable {
    /** Logged as the stack's own diagnostics, as before the front was a class of its own. */
    private static final System.Logger LOG = System.getLogger(LocalStack.class.getName());

    private final LocalStack stack;
    private final LocalEndpoints local;
    private final HttpApiGateway gateway;
    private HttpServer server;
    private RequestLineGuard front;
    private ExecutorService httpThreads;

    private LocalHttpFront(LocalStack stack, HttpApiGateway gateway) {
        this.stack = stack;
        this.local = new LocalEndpoints(stack);
        this.gateway = gateway;
    }

    /** Listens on {@code host:port} (the guard owns it) and serves until closed. */
    static LocalHttpFront start(LocalStack stack, String host, int port, HttpApiGateway gateway) {
        LocalHttpFront http = new LocalHttpFront(stack, gateway);
        try {
            http.listen(host, port);
            return http;
        } catch (RuntimeException e) {
            http.close();
            throw e;
        }
    }

    private void listen(String host, int port) {
        try {
            // the JDK server listens on loopback behind the request-line guard, which owns the public port
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 64);
            front = new RequestLineGuard(host, port, server.getAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
        httpThreads = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "local-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(httpThreads);
        HttpContext context = server.createContext("/", this::dispatch);
        if (LocalConsole.verbose()) context.getFilters().add(LocalConsole.requestLog());
        server.start();
    }

    private void dispatch(HttpExchange ex) throws IOException {
        try {
            String path = ex.getRequestURI().getPath();
            if (ConsoleSite.serves(path)) ConsoleSite.handle(ex);
            else if (path.startsWith(LocalShopify.PATH + "/")) stack.shopify().handle(ex);
            else if (path.startsWith("/_local/") || path.equals("/_local")) local.handle(ex);
            else if (path.equals("/_aws/events") || path.startsWith("/_aws/events/")) stack.bus().handle(ex); // the SDK appends "/"
            else if (path.startsWith(LocalS3.PATH + "/")) stack.s3().handle(ex);
            else if (path.startsWith(LocalSes.PATH + "/")) stack.ses().handle(ex);
            else if (path.startsWith(LocalSes.CHAT_PATH + "/")) stack.ses().handleChat(ex);
            else if (path.equals(LocalParameterStore.PATH) || path.startsWith(LocalParameterStore.PATH + "/")) stack.parameters().handle(ex);
            else if (path.equals(LocalSecretsManager.PATH) || path.startsWith(LocalSecretsManager.PATH + "/")) stack.secrets().handle(ex);
            else gateway.handle(ex);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, ex.getRequestMethod() + " " + ex.getRequestURI() + " failed", e);
            LocalHttp.problem(ex, 500, "internal-error", "Internal Server Error", "the local stack failed; see its log");
        }
    }

    @Override
    public void close() {
        if (front != null) front.close();
        if (server != null) server.stop(0);
        if (httpThreads != null) httpThreads.shutdownNow();
    }
}
