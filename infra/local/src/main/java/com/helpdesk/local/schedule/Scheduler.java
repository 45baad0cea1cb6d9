package com.helpdesk.local.schedule;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.local.lambda.FunctionError;
import com.helpdesk.local.lambda.FunctionInvoker;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Fires the template's schedules on the local clock: every occurrence that falls due, in time order,
 * whether time passes by itself or the clock is moved. A jump of the clock catches up at most
 * {@link #MAX_CATCH_UP} occurrences of one schedule, the latest ones: a minute schedule moved three days
 * would otherwise run 4320 times in one request. A function that fires what is due "by its event's time"
 * (the SLA sweep) still fires everything, the first run of the catch-up taking what the skipped ones would
 * have. EventBridge itself never replays missed occurrences; the cap only keeps the local stack quick.
 */
public final class Scheduler implements AutoCloseable {
    /** The local stack's own diagnostics (JDK platform logging: no logging framework of its own). */
    private static final System.Logger LOG = System.getLogger(Scheduler.class.getName());
    /** A schedule: rule name, its target function and expression, and an optional constant input. */
    public record Schedule(String name, String functionId, ScheduleExpression expression, String inputJson, boolean schedulerShape) {}

    /** Occurrences of one schedule fired per move of the clock: two hours of a minute schedule, every hour of five days. */
    public static final int MAX_CATCH_UP = 120;

    private final ObjectMapper json = new ObjectMapper();
    private final LocalClock clock;
    private final FunctionInvoker functions;
    private final String account;
    private final String region;
    private final List<Schedule> schedules = new ArrayList<>();
    private final Map<Schedule, Instant> nextFire = new LinkedHashMap<>();
    private final ScheduledExecutorService ticker = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "local-scheduler");
        t.setDaemon(true);
        return t;
    });

    public Scheduler(LocalClock clock, FunctionInvoker functions, String account, String region) {
        this.clock = clock;
        this.functions = functions;
        this.account = account;
        this.region = region;
    }

    public synchronized void add(Schedule s) {
        schedules.add(s);
        Instant next = s.expression().next(clock.get());
        if (next != null) nextFire.put(s, next);
    }

    public synchronized List<Schedule> schedules() {
        return List.copyOf(schedules);
    }

    public void start() {
        ticker.scheduleWithFixedDelay(() -> {
            try {
                fireDue();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "scheduler: " + e.getMessage(), e);
            }
        }, 1, 1, TimeUnit.SECONDS);
    }

    /** Fires every occurrence up to now, oldest first; returns what fired. */
    public List<Map<String, Object>> fireDue() {
        return fireDue(MAX_CATCH_UP);
    }

    /**
     * The same, catching up at most {@code catchUp} (1..MAX_CATCH_UP) occurrences of each schedule: a
     * caller that moves the clock thousands of times (the month simulation) asks for 1, so that a move
     * costs one SLA sweep instead of one per minute moved.
     */
    public synchronized List<Map<String, Object>> fireDue(int catchUp) {
        checkCatchUp(catchUp);
        Instant now = clock.get();
        return fireUpTo(now, skipBeyondCatchUp(now, catchUp), false);
    }

    /**
     * Moves the clock to {@code target}, firing what falls due on the way each with the clock at its own
     * occurrence, as real time would: a function that reads the clock (the backlog census takes the team day
     * it runs in) sees 23:59, not the end of the move. Moving the clock first and firing after made a census
     * passed over by a move past midnight count the next day (docs/metrics.md, "Simulation"). Under the
     * scheduler's lock, so the ticker and a second move cannot fire between the move and its occurrences.
     *
     * @throws IllegalArgumentException when the target is before the clock (it never runs backwards)
     */
    public synchronized List<Map<String, Object>> moveClockTo(Instant target, int catchUp) {
        checkCatchUp(catchUp);
        if (target.isBefore(clock.get())) clock.set(target); // throws: the clock only moves forward
        List<Map<String, Object>> fired = fireUpTo(target, skipBeyondCatchUp(target, catchUp), true);
        clock.atLeast(target);
        return fired;
    }

    private static void checkCatchUp(int catchUp) {
        if (catchUp < 1 || catchUp > MAX_CATCH_UP) throw new IllegalArgumentException("catchUp must be 1.." + MAX_CATCH_UP);
    }

    /** Fires every occurrence up to {@code until}, oldest first, first moving the clock to it when asked and it is ahead. */
    private List<Map<String, Object>> fireUpTo(Instant until, Map<Schedule, Integer> skipped, boolean moveClock) {
        List<Map<String, Object>> fired = new ArrayList<>();
        while (true) {
            Schedule due = null;
            Instant at = null;
            for (Map.Entry<Schedule, Instant> e : nextFire.entrySet()) {
                if (!e.getValue().isAfter(until) && (at == null || e.getValue().isBefore(at))) {
                    due = e.getKey();
                    at = e.getValue();
                }
            }
            if (due == null) return fired;
            if (moveClock) clock.atLeast(at);
            fired.add(fire(due, at, skipped.remove(due)));
            Instant next = due.expression().next(at);
            if (next == null) nextFire.remove(due); else nextFire.put(due, next);
        }
    }

    private Map<String, Object> fire(Schedule due, Instant at, Integer skippedBefore) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("schedule", due.name());
        record.put("function", due.functionId());
        record.put("at", at.toString());
        if (skippedBefore != null) record.put("skippedBefore", skippedBefore);
        try {
            functions.invoke(due.functionId(), due.inputJson() != null ? due.inputJson() : event(due, at));
            record.put("status", "ok");
        } catch (FunctionError e) {
            record.put("status", "failed");
            record.put("error", e.getMessage());
        }
        return record;
    }

    /** Moves each schedule with more than catchUp occurrences due to the first of its last catchUp; answers how many it skipped. */
    private Map<Schedule, Integer> skipBeyondCatchUp(Instant now, int catchUp) {
        Map<Schedule, Integer> skipped = new LinkedHashMap<>();
        for (Map.Entry<Schedule, Instant> e : nextFire.entrySet()) {
            List<Instant> due = new ArrayList<>();
            for (Instant at = e.getValue(); at != null && !at.isAfter(now); at = e.getKey().expression().next(at)) due.add(at);
            if (due.size() > catchUp) {
                e.setValue(due.get(due.size() - catchUp));
                skipped.put(e.getKey(), due.size() - catchUp);
            }
        }
        return skipped;
    }

    /** The event EventBridge (rules) or EventBridge Scheduler sends for a scheduled invocation. */
    private String event(Schedule s, Instant at) {
        ObjectNode e = json.createObjectNode();
        e.put("version", "0");
        e.put("id", UUID.randomUUID().toString());
        e.put("detail-type", "Scheduled Event");
        e.put("source", s.schedulerShape() ? "aws.scheduler" : "aws.events");
        e.put("account", account);
        e.put("time", at.truncatedTo(ChronoUnit.SECONDS).toString());
        e.put("region", region);
        e.putArray("resources").add(s.schedulerShape()
                ? "arn:aws:scheduler:" + region + ":" + account + ":schedule/default/" + s.name()
                : "arn:aws:events:" + region + ":" + account + ":rule/" + s.name());
        e.putObject("detail");
        return e.toString();
    }

    @Override
    public void close() {
        ticker.shutdownNow();
    }
}
