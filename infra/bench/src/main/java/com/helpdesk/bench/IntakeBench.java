package com.helpdesk.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.local.LocalStack;
import com.helpdesk.local.LocalStackOptions;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Email intake through the local stack: N mails posted to /_local/ses/inbound (as SES would deliver them), timed
 * until the agents' API lists N tickets. Measured twice in one run: with the SQS mappings draining one batch after
 * another (helpdesk.local.sqsConcurrency=1, how the local stack worked before) and as configured; each against
 * DynamoDB Local's raw write ceiling (PutItem of a ticket-sized item from 8 threads) measured in the same stack,
 * and with the CPU time the stack spent per ticket (the whole JVM, and the inbound processor's pollers alone): the
 * wall rates follow whatever else runs on the machine, the CPU per ticket says what intake costs.
 */
final class IntakeBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private IntakeBench() {}

    /**
     * @param stackCpuMsPerTicket the bench JVM's CPU time (the whole local stack: every function the template wires,
     *                            ElasticMQ, DynamoDB Local, the bus, the stream relay) during the intake, per ticket
     * @param inboundCpuMsPerTicket the CPU time of the inbound queue's pollers (the inbound processor function and its
     *                              receives), per ticket: the intake function's own cost
     */
    record Run(double ticketsPerSecond, double rawPutsPerSecond, double stackCpuMsPerTicket, double inboundCpuMsPerTicket) {}

    static void run(Report report, String[] args) throws Exception {
        int emails = Math.min(100, Integer.getInteger("bench.emails", 60)); // one page of the queue view
        int rounds = Integer.getInteger("bench.intakeRounds", 3);
        List<Run> serial = new ArrayList<>();
        List<Run> parallel = new ArrayList<>();
        for (int round = 1; round <= rounds; round++) {
            serial.add(measure(emails, "1"));
            parallel.add(measure(emails, null));
            System.out.printf("  [intake] round %d/%d: one batch at a time %.1f tickets/s, parallel %.1f tickets/s%n",
                    round, rounds, serial.get(round - 1).ticketsPerSecond(), parallel.get(round - 1).ticketsPerSecond());
        }
        double one = Report.median(serial.stream().map(Run::ticketsPerSecond).toList());
        double many = Report.median(parallel.stream().map(Run::ticketsPerSecond).toList());
        double ceilingOne = Report.median(serial.stream().map(Run::rawPutsPerSecond).toList());
        double ceilingMany = Report.median(parallel.stream().map(Run::rawPutsPerSecond).toList());
        report.add("intake", emails + " emails, SQS mappings as configured / one batch at a time", String.format("%.1f tickets/s", many),
                String.format("%.1f tickets/s", one), many / one, ">= 4x");
        report.add("intake", "tickets/s as configured / DynamoDB Local raw PutItem/s", String.format("%.1f tickets/s", many),
                String.format("%.0f puts/s", ceilingMany), many / ceilingMany, "-");
        report.add("intake", "tickets/s one batch at a time / DynamoDB Local raw PutItem/s", String.format("%.1f tickets/s", one),
                String.format("%.0f puts/s", ceilingOne), one / ceilingOne, "-");
        // CPU time, not wall time: on a shared machine the wall rates follow the other processes' load, CPU per ticket much less
        double cpuMany = Report.median(parallel.stream().map(Run::stackCpuMsPerTicket).toList());
        double cpuOne = Report.median(serial.stream().map(Run::stackCpuMsPerTicket).toList());
        double inboundMany = Report.median(parallel.stream().map(Run::inboundCpuMsPerTicket).toList());
        double inboundOne = Report.median(serial.stream().map(Run::inboundCpuMsPerTicket).toList());
        int cores = Runtime.getRuntime().availableProcessors();
        report.add("intake", "whole stack's CPU-ms per ticket, as configured / one batch at a time", String.format("%.0f CPU-ms", cpuMany),
                String.format("%.0f CPU-ms", cpuOne), cpuMany / cpuOne, "-");
        report.add("intake", "inbound processor's CPU-ms per ticket (its pollers' threads), as configured / one batch at a time",
                String.format("%.0f CPU-ms", inboundMany), String.format("%.0f CPU-ms", inboundOne), inboundMany / inboundOne, "-");
        report.add("intake", "CPU-bound ceiling: tickets/s with all " + cores + " cores for the stack (cores / CPU-s per ticket), as configured / measured",
                String.format("%.1f tickets/s", cores * 1000 / cpuMany), String.format("%.1f tickets/s", many), cores * 1000 / cpuMany / many, "-");
    }

    private static Run measure(int emails, String sqsConcurrency) throws Exception {
        String previous = System.getProperty("helpdesk.local.sqsConcurrency");
        if (sqsConcurrency != null) System.setProperty("helpdesk.local.sqsConcurrency", sqsConcurrency);
        else System.clearProperty("helpdesk.local.sqsConcurrency");
        try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults().withPort(0))) {
            double raw = rawWriteCeiling(stack);
            String token = stack.token("bench", "agent");
            long cpu0 = processCpuNanos();
            long inbound0 = threadCpuNanos(INBOUND_POLLERS);
            long t0 = System.nanoTime();
            post(stack, emails);
            long deadline = System.currentTimeMillis() + 600_000;
            while (tickets(stack, token) < emails) {
                if (System.currentTimeMillis() > deadline) throw new IllegalStateException("intake did not finish in 10 minutes");
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - t0) / 1e9;
            double cpuMs = (processCpuNanos() - cpu0) / 1e6;
            double inboundMs = (threadCpuNanos(INBOUND_POLLERS) - inbound0) / 1e6;
            return new Run(emails / seconds, raw, cpuMs / emails, inboundMs / emails);
        } finally {
            if (previous != null) System.setProperty("helpdesk.local.sqsConcurrency", previous);
            else System.clearProperty("helpdesk.local.sqsConcurrency");
        }
    }

    /** The inbound FIFO queue's pollers (SqsEventSource's thread names): they run the inbound processor. */
    private static final String INBOUND_POLLERS = "InboundQueue.fifo->InboundProcessorFunction";

    /** The bench JVM's CPU time so far; the local stack runs in it (but the bench's own polling, a small share). */
    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /** CPU time so far of the live threads whose name contains {@code part} (pollers live as long as their stack). */
    private static long threadCpuNanos(String part) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long sum = 0;
        for (ThreadInfo t : threads.getThreadInfo(threads.getAllThreadIds())) {
            if (t != null && t.getThreadName().contains(part)) sum += Math.max(0, threads.getThreadCpuTime(t.getThreadId()));
        }
        return sum;
    }

    /**
     * Each mail a new conversation from its own customer (its own Message-ID, no references, a sender of its own so
     * the flood guard does not fold them together): one ticket each, one message group each.
     */
    private static void post(LocalStack stack, int emails) throws Exception {
        ExecutorService senders = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> sent = new ArrayList<>();
            for (int i = 0; i < emails; i++) {
                int n = i;
                sent.add(senders.submit(() -> {
                    String requester = "customer-" + n + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
                    String mail = "From: Intake Bench <" + requester + ">\r\nTo: Shop Support <support@help.example.com>\r\n"
                            + "Subject: Order " + (4000 + n) + " has not arrived\r\nMessage-ID: <" + UUID.randomUUID() + "@mail.example.com>\r\n"
                            + "Date: Mon, 23 Nov 2026 10:00:00 +0000\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n"
                            + "Hello, my order " + (4000 + n) + " has not arrived yet. Where is it?\r\n";
                    HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/_local/ses/inbound"))
                            .header("Content-Type", "message/rfc822").POST(HttpRequest.BodyPublishers.ofString(mail)).build(),
                            HttpResponse.BodyHandlers.ofString());
                    if (r.statusCode() != 200) throw new IllegalStateException("inbound mail refused: " + r.statusCode() + " " + r.body());
                    return null;
                }));
            }
            for (Future<?> f : sent) f.get();
        } finally {
            senders.shutdown();
        }
    }

    /** The stack is fresh: every ticket in its default queue view is one of the bench's. */
    private static int tickets(LocalStack stack, String token) throws Exception {
        HttpResponse<String> r = HTTP.send(HttpRequest.newBuilder(URI.create(stack.baseUrl() + "/tickets?limit=100"))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() != 200) throw new IllegalStateException("GET /tickets: " + r.statusCode() + " " + r.body());
        JsonNode items = JSON.readTree(r.body()).path("items");
        return items.size();
    }

    /** PutItem of ~1 KB items from 8 threads for 3 seconds: what DynamoDB Local takes at most on this machine right now. */
    static double rawWriteCeiling(LocalStack stack) throws Exception {
        String table = stack.physicalName("HelpdeskTable");
        String filler = "x".repeat(900);
        AtomicLong puts = new AtomicLong();
        long end = System.nanoTime() + 3_000_000_000L;
        ExecutorService writers = Executors.newFixedThreadPool(8);
        try (DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(stack.dynamoDbEndpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            List<Future<?>> all = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                all.add(writers.submit(() -> {
                    while (System.nanoTime() < end) {
                        ddb.putItem(b -> b.tableName(table).item(Map.of("PK", AttributeValue.fromS("BENCH#" + UUID.randomUUID()),
                                "SK", AttributeValue.fromS("BENCH"), "type", AttributeValue.fromS("bench"), "body", AttributeValue.fromS(filler))));
                        puts.incrementAndGet();
                    }
                    return null;
                }));
            }
            for (Future<?> f : all) f.get();
        } finally {
            writers.shutdown();
        }
        return puts.get() / 3.0;
    }
}
