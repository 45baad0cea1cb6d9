package com.helpdesk.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Consumer;

/** Generates a script for a running stack (its team time zone, its clock), plays it, and checks the metrics against the ground truth. */
public final class Simulation {
    private Simulation() {}

    /** What was played, and how to compare the stack's metrics with it. */
    public record Result(StackClient stack, ZoneId zone, LocalDate from, LocalDate to, List<Played> played, GroundTruth truth) {
        /** Polls until GET /metrics agrees with the ground truth (the metrics queue may still be working) or the time is up; answers the differences left. */
        public List<String> awaitMetrics(int seconds) {
            long deadline = System.currentTimeMillis() + seconds * 1000L;
            String token = stack.token("sim-admin", "admin");
            List<String> differences = MetricsCheck.compare(stack, token, truth, from, to);
            differences.addAll(MetricsCheck.compareBacklog(stack, token, truth, from, to));
            while (!differences.isEmpty() && System.currentTimeMillis() < deadline) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    break;
                }
                differences = MetricsCheck.compare(stack, token, truth, from, to);
                differences.addAll(MetricsCheck.compareBacklog(stack, token, truth, from, to));
            }
            return differences;
        }
    }

    /** The simulation starts at the next midnight (team time) of the stack's clock: whole days, as the reports have them. */
    public static Result run(StackClient stack, long seed, int days, int tickets, List<Script.Customer> customers, Consumer<String> log) {
        stack.awaitReady(300);
        ZoneId zone = teamZone(stack);
        Instant now = stack.readClock();
        LocalDate first = now.atZone(zone).toLocalDate().plusDays(1);
        Script script = ScriptGenerator.generate(seed, zone, first, days, tickets, customers);
        log.accept("playing " + script.tickets().size() + " tickets (" + script.steps() + " steps) from " + first + " over " + days + " days");
        List<Played> played = new StackPlayer(stack, log).play(script);
        GroundTruth truth = GroundTruth.of(played, zone);
        LocalDate last = truth.lastDay() == null ? first : truth.lastDay();
        return new Result(stack, zone, first, last, played, truth);
    }

    /** The team's time zone, as the metrics API reports it. */
    static ZoneId teamZone(StackClient stack) {
        String today = stack.readClock().toString().substring(0, 10);
        return ZoneId.of(stack.expect("GET", "/metrics?from=" + today + "&to=" + today, stack.token("sim-admin", "admin"), null)
                .get("timezone").asText());
    }
}
