package com.helpdesk.ops;

import com.helpdesk.bus.EventBusPublisher;
import com.helpdesk.bus.OutboxEntry;
import com.helpdesk.store.OutboxTimeline;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Puts the outbox events of a time range on the bus again, as the relay first did (same source, detail
 * type, detail and time; the detail keeps the event id, so idempotent consumers recognise a repeat).
 * Read from the table by time (access pattern 13, never a scan); a dry run only counts.
 */
final class Replay {
    /** Outbox items live 7 days (their TTL); older events are only in the tickets' history. */
    static final java.time.Duration OUTBOX_REACH = java.time.Duration.ofDays(7);

    record Result(Map<String, Integer> byType, int published, int failed) {
        int found() { return byType.values().stream().mapToInt(Integer::intValue).sum(); }
    }

    private final OutboxTimeline timeline;
    private final EventBusPublisher publisher;

    Replay(OutboxTimeline timeline, EventBusPublisher publisher) {
        this.timeline = timeline;
        this.publisher = publisher;
    }

    Result run(Instant from, Instant to, String detailType, boolean dryRun, Consumer<String> report) {
        List<OutboxTimeline.Partition> partitions = OutboxTimeline.partitions(from, to);
        Map<String, Integer> byType = new TreeMap<>();
        int[] published = {0};
        int[] failed = {0};
        try (Progress progress = Progress.onStderr(dryRun ? "counting" : "replaying", partitions.size())) {
            for (OutboxTimeline.Partition p : partitions) {
                timeline.read(p, from, to, detailType, events -> {
                    events.forEach(e -> byType.merge(e.detailType(), 1, Integer::sum));
                    if (dryRun) return;
                    List<OutboxEntry> entries = events.stream().map(e -> new OutboxEntry(e.eventId(), e.eventId(), e.source(),
                            e.detailType(), e.detailJson(), e.occurredAt())).toList();
                    List<String> notTaken = publisher.publish(entries);
                    notTaken.forEach(id -> report.accept("not put on the bus: " + id));
                    failed[0] += notTaken.size();
                    published[0] += entries.size() - notTaken.size();
                });
                progress.step(1);
            }
        }
        return new Result(byType, published[0], failed[0]);
    }
}
