package com.helpdesk.bench;

import com.helpdesk.bench.soak.Soak;
import com.helpdesk.bench.soak.SoakFigures;
import com.helpdesk.local.LocalStack;
import com.helpdesk.local.LocalStackOptions;

import java.nio.file.Path;

/**
 * The soak under faults ({@link Soak}) on a fresh local stack, loopback only: {@code bench.jar soak [rounds]}
 * (default 60 rounds; the build's SoakIT runs 8). Prints the count and adds the goals to the report;
 * a missed goal makes the run fail.
 */
final class SoakBench {
    static final int DEFAULT_ROUNDS = 60;

    private SoakBench() {}

    static void run(Report report, String[] args) {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : Integer.getInteger("bench.soakRounds", DEFAULT_ROUNDS);
        SoakFigures f;
        try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults().withPort(0))) {
            f = new Soak(stack, Soak.opsJar(Path.of("."))).run(rounds);
        }
        System.out.print(f.print());
        report.add("soak", rounds + " rounds under faults: lost", String.valueOf(f.lost()), "0", Double.NaN, "0");
        report.add("soak", "duplicated (tickets, messages, sends, events on the bus)", String.valueOf(f.duplicated()), "0", Double.NaN, "0");
        report.add("soak", "events written / delivered", String.valueOf(f.eventsWritten()), String.valueOf(f.eventsDelivered()),
                f.eventsDelivered() == 0 ? Double.NaN : (double) f.eventsWritten() / f.eventsDelivered(), "1.00x");
        report.add("soak", "poison parked with a reason / sent", String.valueOf(f.poisonParked()), String.valueOf(f.poisonIn()),
                f.poisonIn() == 0 ? Double.NaN : (double) f.poisonParked() / f.poisonIn(), "1.00x");
        if (!f.missedGoals().isEmpty()) throw new IllegalStateException("the soak missed its goals: " + f.missedGoals());
    }
}
