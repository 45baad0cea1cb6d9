package com.helpdesk.ops;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.VersionConflictException;
import com.helpdesk.core.metrics.MetricsGenerations;
import com.helpdesk.core.metrics.MetricsStore;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.eventbridge.model.ReplayState;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * {@code metrics rebuild --from D [--to D] [--since T] | --abandon}: rebuilds the metrics aggregates of a range
 * of days from the events into a fresh generation, then switches the days to it (docs/metrics.md, "Rebuild").
 * The events go through MetricsRebuildQueue to MetricsFunction, as in AWS: there from the bus's archive
 * (StartReplay to MetricsRebuildRule only), locally from the local bus's log ({@code GET /_local/events}).
 */
final class MetricsRebuildCommand {
    static final String QUEUE = "MetricsRebuildQueue";
    static final String DEAD_LETTERS = "MetricsRebuildDeadLetterQueue";
    static final String RULE = "MetricsRebuildRule";
    static final String ARCHIVE = "HelpdeskEventArchive";
    /** How often, and how long apart, the rebuild queue must look empty before the switch (its counts are approximate). */
    private static final int QUIET_CHECKS = 3;
    private static final Duration POLL = Duration.ofSeconds(2);
    private static final Duration PATIENCE = Duration.ofHours(6);

    /** Where the replayed events come from: sends them into the rebuild queue (or has EventBridge do it); answers what it did. */
    interface Source {
        String replay(String replayName, Instant since, Instant until);
    }

    private final MetricsStore store;
    private final SqsClient sqs;
    private final StackResources stack;
    private final PrintStream out;
    private final PrintStream err;

    MetricsRebuildCommand(MetricsStore store, SqsClient sqs, StackResources stack, PrintStream out, PrintStream err) {
        this.store = store;
        this.sqs = sqs;
        this.stack = stack;
        this.out = out;
        this.err = err;
    }

    int abandon() {
        MetricsGenerations now = store.generations();
        if (now.building() == null) throw new UsageException("no metrics rebuild is in progress");
        store.saveGenerations(now.abandon());
        out.println("abandoned the rebuild of " + now.building() + "; the days stay served as before");
        return OpsMain.OK;
    }

    int rebuild(LocalDate from, LocalDate to, Instant since, Instant until, Source source) {
        if (to != null && to.isBefore(from)) throw new UsageException("--to must not be before --from");
        MetricsGenerations state = store.generations();
        MetricsGenerations begun;
        try {
            begun = state.begin(from, to);
        } catch (IllegalStateException busy) {
            throw new UsageException(busy.getMessage() + " (metrics rebuild --abandon)");
        }
        if (begun != state) store.saveGenerations(begun);
        MetricsGenerations.Span span = begun.building();
        out.println((begun == state ? "resuming" : "started") + " the rebuild of " + span + "; live events go into it too");
        String replayName = "metrics-rebuild-g" + span.generation() + "-" + until.getEpochSecond();
        out.println(source.replay(replayName, since, until) + "; waiting for MetricsFunction to fold them");
        if (!drained()) {
            err.println("error: " + QUEUE + " did not drain within " + PATIENCE + "; run the same command again to resume");
            return OpsMain.PARTLY_FAILED;
        }
        long parked = depth(queueUrl(DEAD_LETTERS), QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES);
        if (parked > 0) {
            err.println("error: " + parked + " replayed event(s) are parked in " + DEAD_LETTERS + " (dlq list --queue " + DEAD_LETTERS
                    + "); the days were not switched. Fix the cause, dlq redrive --queue " + DEAD_LETTERS + ", and run the same command again");
            return OpsMain.PARTLY_FAILED;
        }
        for (int attempt = 1; ; attempt++) {
            try {
                store.saveGenerations(store.generations().finish());
                break;
            } catch (VersionConflictException e) {
                if (attempt == 3) throw e;
            }
        }
        out.println("switched: " + span + " now answers GET /metrics");
        return OpsMain.OK;
    }

    /** The local stack's source: every event of its bus's log, as EventBridge would replay it (with {@code replay-name}). */
    static Source localSource(SqsClient sqs, String queueUrl, Supplier<JsonNode> busLog) {
        return (replayName, since, until) -> {
            long sent = 0;
            List<String> batch = new java.util.ArrayList<>();
            for (JsonNode entry : busLog.get()) {
                JsonNode event = entry.path("event");
                if (!event.isObject() || !"helpdesk.tickets".equals(event.path("source").asText())) continue;
                // the whole log up to now: what is published after this read is folded live into the rebuild too
                if (since != null && event.hasNonNull("time") && Instant.parse(event.get("time").asText()).isBefore(since)) continue;
                com.fasterxml.jackson.databind.node.ObjectNode replayed = event.deepCopy();
                replayed.put("replay-name", replayName);
                batch.add(replayed.toString());
                if (batch.size() == 10) sent += send(sqs, queueUrl, batch);
            }
            sent += send(sqs, queueUrl, batch);
            return "sent the local bus's " + sent + " ticket event(s) to " + QUEUE + " as replay " + replayName;
        };
    }

    private static long send(SqsClient sqs, String queueUrl, List<String> batch) {
        if (batch.isEmpty()) return 0;
        List<software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry> entries = new java.util.ArrayList<>();
        for (int i = 0; i < batch.size(); i++) entries.add(software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry.builder()
                .id("e" + i).messageBody(batch.get(i)).build());
        var response = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(entries));
        if (response.hasFailed() && !response.failed().isEmpty()) {
            throw new IllegalStateException(response.failed().size() + " replayed event(s) not taken by " + QUEUE + ": " + response.failed().get(0).message());
        }
        int n = batch.size();
        batch.clear();
        return n;
    }

    /** AWS's source: StartReplay from the bus's archive onto the bus, delivered to MetricsRebuildRule only; waits for it to complete. */
    static Source archiveSource(EventBridgeClient events, String bus, String archiveName, String ruleName) {
        return (replayName, since, until) -> {
            var archive = events.describeArchive(b -> b.archiveName(archiveName));
            String busArn = archive.eventSourceArn();
            String ruleArn = events.describeRule(b -> b.name(ruleName).eventBusName(bus)).arn();
            Instant start = since != null ? since : archive.creationTime();
            events.startReplay(b -> b.replayName(replayName).eventSourceArn(archive.archiveArn()).eventStartTime(start).eventEndTime(until)
                    .destination(d -> d.arn(busArn).filterArns(ruleArn)));
            for (Instant deadline = Instant.now().plus(PATIENCE); Instant.now().isBefore(deadline); sleep()) {
                var replay = events.describeReplay(b -> b.replayName(replayName));
                if (replay.state() == ReplayState.COMPLETED) {
                    return "replayed " + archiveName + " from " + start + " to " + until + " into " + QUEUE + " as replay " + replayName;
                }
                if (replay.state() == ReplayState.FAILED || replay.state() == ReplayState.CANCELLED) {
                    throw new IllegalStateException("replay " + replayName + " " + replay.stateAsString() + ": " + replay.stateReason());
                }
            }
            throw new IllegalStateException("replay " + replayName + " did not complete within " + PATIENCE);
        };
    }

    String queueUrl(String logicalId) {
        return stack.ofType(StackResources.QUEUE).stream().filter(r -> r.logicalId().equals(logicalId)).findFirst()
                .orElseThrow(() -> new NotFoundException("stack " + stack.name() + " has no queue " + logicalId
                        + " (deployed before the metrics rebuild? deploy the current template first)"))
                .physicalId();
    }

    /** True once the rebuild queue holds nothing, visible or in flight, several checks in a row. */
    private boolean drained() {
        String url = queueUrl(QUEUE);
        int quiet = 0;
        for (Instant deadline = Instant.now().plus(PATIENCE); Instant.now().isBefore(deadline); sleep()) {
            long left = depth(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)
                    + depth(url, QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE);
            quiet = left == 0 ? quiet + 1 : 0;
            if (quiet == QUIET_CHECKS) return true;
        }
        return false;
    }

    private long depth(String url, QueueAttributeName attribute) {
        Map<QueueAttributeName, String> a = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(attribute)).attributes();
        return Long.parseLong(a.getOrDefault(attribute, "0"));
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }
}
