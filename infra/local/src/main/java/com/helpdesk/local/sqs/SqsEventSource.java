package com.helpdesk.local.sqs;

import com.helpdesk.local.Pause;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.local.lambda.FunctionError;
import com.helpdesk.local.lambda.FunctionInvoker;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Semaphore;

/**
 * Lambda's SQS event source mapping: long-polls a queue, invokes the function with the SQSEvent JSON
 * Lambda sends, deletes what succeeded. A thrown error deletes nothing (the messages come back after
 * the visibility timeout and reach the DLQ through the queue's redrive policy); with
 * ReportBatchItemFailures only the reported messages come back.
 *
 * <p>Like Lambda it polls with several pollers at once, each invoking the function with its own batch,
 * up to the mapping's concurrency. On a FIFO queue that runs message groups in parallel and keeps each
 * group in order: the queue hands out no message of a group while an earlier one of that group is in
 * flight (received, not yet deleted), so a group is never in two batches at once.
 *
 * <p>The pollers take turns to receive: one receive (a 1 s long poll) is in flight per mapping at a time, and a poller
 * that got messages hands the turn on before it invokes the function, so the next batch is received while this one
 * runs, up to the concurrency. An idle queue is so long-polled once at a time, not once per poller: with 8 pollers
 * on each of a dozen queues, ElasticMQ's threads and the pollers' receives took a quarter of the stack's CPU samples
 * during the intake bench (2026-12-02), CPU the functions did not get.
 */
public final class SqsEventSource implements AutoCloseable {
    /** The local stack's own diagnostics (JDK platform logging: no logging framework of its own). */
    private static final System.Logger LOG = System.getLogger(SqsEventSource.class.getName());
    private final ObjectMapper json = new ObjectMapper();
    private final SqsClient sqs;
    private final LocalQueues.Queue queue;
    private final String functionId;
    private final int batchSize;
    private final boolean reportBatchItemFailures;
    private final FunctionInvoker functions;
    private final String region;
    private volatile boolean running = true;
    private final List<Thread> pollers = new ArrayList<>();
    /** The turn to receive: held only while one receive is in flight, never while the function runs. */
    private final Semaphore receiveTurn = new Semaphore(1, true);

    /** One poller: batches are delivered one after another. */
    public SqsEventSource(SqsClient sqs, LocalQueues.Queue queue, String functionId, int batchSize,
                          boolean reportBatchItemFailures, FunctionInvoker functions, String region) {
        this(sqs, queue, functionId, batchSize, reportBatchItemFailures, functions, region, 1);
    }

    /** @param concurrency how many batches may be in the function at once (pollers), at least 1 */
    public SqsEventSource(SqsClient sqs, LocalQueues.Queue queue, String functionId, int batchSize,
                          boolean reportBatchItemFailures, FunctionInvoker functions, String region, int concurrency) {
        this.sqs = sqs;
        this.queue = queue;
        this.functionId = functionId;
        this.batchSize = Math.max(1, Math.min(10, batchSize));
        this.reportBatchItemFailures = reportBatchItemFailures;
        this.functions = functions;
        this.region = region;
        for (int i = 1; i <= Math.max(1, concurrency); i++) {
            Thread poller = new Thread(this::run, "sqs-" + queue.name() + "->" + functionId + "-" + i);
            poller.setDaemon(true);
            pollers.add(poller);
        }
    }

    public void start() {
        pollers.forEach(Thread::start);
    }

    /** How many pollers (batches in flight at once) this mapping runs. */
    public int concurrency() {
        return pollers.size();
    }

    private void run() {
        while (running) {
            try {
                List<Message> batch = receiveInTurn();
                if (!batch.isEmpty()) deliver(batch);
            } catch (InterruptedException e) {
                return; // closing
            } catch (RuntimeException e) {
                if (running) {
                    LOG.log(System.Logger.Level.WARNING, "polling " + queue.name() + " failed", e);
                    Pause.millis(1000);
                }
            }
        }
    }

    private List<Message> receiveInTurn() throws InterruptedException {
        receiveTurn.acquire();
        try {
            return sqs.receiveMessage(b -> b.queueUrl(queue.url()).maxNumberOfMessages(batchSize)
                    .waitTimeSeconds(1).messageSystemAttributeNamesWithStrings("All").messageAttributeNames("All")).messages();
        } finally {
            receiveTurn.release();
        }
    }

    void deliver(List<Message> batch) {
        Set<String> failed = new HashSet<>();
        try {
            String result = functions.invoke(functionId, event(batch));
            if (reportBatchItemFailures) failed.addAll(reportedFailures(result, batch));
        } catch (FunctionError e) {
            return; // nothing deleted: visibility timeout, then retry or the DLQ
        }
        List<DeleteMessageBatchRequestEntry> done = new ArrayList<>();
        for (Message m : batch) {
            if (!failed.contains(m.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder().id(m.messageId()).receiptHandle(m.receiptHandle()).build());
            }
        }
        if (!done.isEmpty()) sqs.deleteMessageBatch(b -> b.queueUrl(queue.url()).entries(done));
    }

    /** Lambda treats an unreadable response or an unknown id as a failure of the whole batch. */
    private Set<String> reportedFailures(String result, List<Message> batch) {
        Set<String> ids = new HashSet<>();
        batch.forEach(m -> ids.add(m.messageId()));
        try {
            JsonNode r = json.readTree(result);
            if (r == null || r.isNull() || !r.has("batchItemFailures")) return Set.of();
            Set<String> failed = new HashSet<>();
            for (JsonNode f : r.get("batchItemFailures")) {
                String id = f.path("itemIdentifier").asText(null);
                if (id == null || !ids.contains(id)) return ids;
                failed.add(id);
            }
            return failed;
        } catch (Exception e) {
            return ids;
        }
    }

    private String event(List<Message> batch) {
        ObjectNode root = json.createObjectNode();
        ArrayNode records = root.putArray("Records");
        for (Message m : batch) {
            ObjectNode r = records.addObject();
            r.put("messageId", m.messageId());
            r.put("receiptHandle", m.receiptHandle());
            r.put("body", m.body());
            ObjectNode attrs = r.putObject("attributes");
            Map<MessageSystemAttributeName, String> a = m.attributes();
            a.forEach((k, v) -> attrs.put(k.toString(), v));
            ObjectNode mattrs = r.putObject("messageAttributes");
            m.messageAttributes().forEach((k, v) -> {
                ObjectNode x = mattrs.putObject(k);
                if (v.stringValue() != null) x.put("stringValue", v.stringValue());
                if (v.binaryValue() != null) x.put("binaryValue", java.util.Base64.getEncoder().encodeToString(v.binaryValue().asByteArray()));
                x.putArray("stringListValues");
                x.putArray("binaryListValues");
                x.put("dataType", v.dataType());
            });
            r.put("md5OfBody", m.md5OfBody());
            r.put("eventSource", "aws:sqs");
            r.put("eventSourceARN", queue.arn());
            r.put("awsRegion", region);
        }
        return root.toString();
    }


    @Override
    public void close() {
        running = false;
        pollers.forEach(Thread::interrupt);
        // wait for each poller's receive (a 1 s long poll) to end, so no request is in flight when the queue server stops
        for (Thread poller : pollers) {
            try {
                poller.join(5_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
