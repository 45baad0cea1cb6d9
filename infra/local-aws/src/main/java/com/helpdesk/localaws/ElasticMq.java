package com.helpdesk.localaws;

import org.elasticmq.rest.sqs.SQSRestServer;
import org.elasticmq.rest.sqs.SQSRestServerBuilder;

import java.net.URI;

/** ElasticMQ, an SQS-compatible server, in this JVM on a loopback port. */
public final class ElasticMq implements AutoCloseable {
    private final SQSRestServer server;
    private final int port;

    private ElasticMq(SQSRestServer server, int port) {
        this.server = server;
        this.port = port;
    }

    public static ElasticMq start(int port) {
        int p = FreePort.resolve(port);
        SQSRestServer server = SQSRestServerBuilder
                .withPort(p)
                .withInterface("127.0.0.1")
                .withServerAddress(new org.elasticmq.NodeAddress("http", "127.0.0.1", p, ""))
                .withAWSRegion("us-east-1")
                .withAWSAccountId("000000000000")
                .start();
        server.waitUntilStarted();
        return new ElasticMq(server, p);
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
            server.stopAndWait();
        } catch (Exception e) {
            // stopAndWait gives up after a minute when a client still holds a connection open; the server is
            // stopping regardless, and a slow shutdown must not fail the run that used it
            if (e instanceof InterruptedException) Thread.currentThread().interrupt();
        }
    }
}
