package com.helpdesk.ops;

import java.io.PrintStream;
import java.util.List;

/** {@code dlq list [--queue Q]} and {@code dlq redrive --queue Q [--max N] [--dry-run]}: what they print. */
final class DlqCommands {
    /** A listing shows at most this many messages unless --max says otherwise. */
    static final int LIST_DEFAULT = 100;
    private final DeadLetterQueues queues;
    private final Redrive redrive;
    private final PrintStream out;
    private final PrintStream err;

    DlqCommands(DeadLetterQueues queues, Redrive redrive, PrintStream out, PrintStream err) {
        this.queues = queues;
        this.redrive = redrive;
        this.out = out;
        this.err = err;
    }

    int listAll() {
        List<DeadLetterQueues.DeadLetterQueue> all = queues.all();
        out.printf("%-36s %8s  %s%n", "DEAD-LETTER QUEUE", "MESSAGES", "SOURCE (redrive target)");
        for (DeadLetterQueues.DeadLetterQueue d : all) {
            out.printf("%-36s %8d  %s%n", d.queue().logicalId(), d.depth(),
                    d.source() == null ? "- (failure records; no source queue)" : d.source().logicalId());
        }
        return OpsMain.OK;
    }

    int list(String name, int max) {
        DeadLetterQueues.DeadLetterQueue d = queues.named(name);
        List<DeadLetterQueues.Parked> parked;
        try (Progress p = Progress.onStderr("reading " + d.queue().logicalId(), Math.min(max, d.depth()))) {
            parked = queues.peek(d.queue(), max, p);
        }
        out.println(d.queue().logicalId() + ": " + d.depth() + " message(s), " + parked.size() + " shown"
                + (d.source() == null ? "" : "; redrive target " + d.source().logicalId()));
        for (DeadLetterQueues.Parked m : parked) {
            out.println();
            out.println("message        " + m.messageId() + (m.originalMessageId().equals(m.messageId()) ? "" : " (source message " + m.originalMessageId() + ")"));
            out.println("reason         " + m.reason());
            out.println("receives       " + m.receiveCount());
            // a message never received before this listing has no first receive of its own to show
            out.println("first received " + (m.firstReceivedAt() == null || m.receiveCount() == 0 ? "- (never received)" : m.firstReceivedAt()));
            out.println("sent           " + (m.sentAt() == null ? "-" : m.sentAt()));
            if (m.groupId() != null) out.println("group          " + m.groupId());
            out.println("body           " + preview(m.body()));
        }
        if (parked.size() < Math.min(max, d.depth()) && d.queue().fifo()) {
            out.println();
            out.println("(a FIFO queue shows a message group only while none of it is in flight; run again to see the rest)");
        }
        return OpsMain.OK;
    }

    int redrive(String name, int max, boolean dryRun) {
        DeadLetterQueues.DeadLetterQueue d = queues.named(name);
        if (d.source() == null) throw new NotFoundException(d.queue().logicalId() + " has no source queue: no queue's RedrivePolicy points at it");
        if (dryRun) {
            List<DeadLetterQueues.Parked> parked;
            try (Progress p = Progress.onStderr("reading " + d.queue().logicalId(), Math.min(max, d.depth()))) {
                parked = queues.peek(d.queue(), max, p);
            }
            for (DeadLetterQueues.Parked m : parked) out.println("would move " + m.messageId() + " (" + m.reason() + ")");
            out.println("dry run: " + parked.size() + " message(s) would move from " + d.queue().logicalId() + " to " + d.source().logicalId());
            return OpsMain.OK;
        }
        Redrive.Result r;
        try (Progress p = Progress.onStderr("redriving " + d.queue().logicalId(), Math.min(max, d.depth()))) {
            r = redrive.run(d, max, p, err::println);
        }
        out.println("moved " + r.moved() + " message(s) from " + d.queue().logicalId() + " to " + d.source().logicalId()
                + (r.failed() > 0 ? "; " + r.failed() + " could not be sent and stay parked" : ""));
        return r.failed() > 0 ? OpsMain.PARTLY_FAILED : OpsMain.OK;
    }

    private static String preview(String body) {
        String oneLine = body.replaceAll("\\s+", " ");
        return oneLine.length() <= 200 ? oneLine : oneLine.substring(0, 200) + "... (" + body.length() + " characters)";
    }
}
