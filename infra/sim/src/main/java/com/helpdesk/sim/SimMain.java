package com.helpdesk.sim;

import java.util.List;

/**
 * java -jar infra/sim/target/sim.jar [--url http://localhost:3000] [--days 30] [--tickets 300] [--seed 1] [--check]
 *
 * Fills a running local stack with simulated support traffic, starting at the next team day of its clock
 * (which it moves forward), and with --check compares GET /metrics with the simulation's ground truth.
 */
public final class SimMain {
    private SimMain() {}

    public static void main(String[] args) {
        String url = "http://localhost:3000";
        int days = 30;
        Integer tickets = null;
        long seed = 1;
        boolean check = false;
        for (int i = 0; i < args.length; i++) {
            String next = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--url" -> { url = require(args[i], next); i++; }
                case "--days" -> { days = positive(args[i], require(args[i], next)); i++; }
                case "--tickets" -> { tickets = positive(args[i], require(args[i], next)); i++; }
                case "--seed" -> { seed = Long.parseLong(require(args[i], next)); i++; }
                case "--check" -> check = true;
                case "-h", "--help" -> usage(null);
                default -> usage("unknown argument " + args[i]);
            }
        }
        try {
            Simulation.Result r = Simulation.run(new StackClient(url), seed, days, tickets == null ? days * 10 : tickets, List.of(), System.out::println);
            System.out.println("simulated " + r.played().size() + " tickets from " + r.from() + " to " + r.to() + " (team time zone " + r.zone() + ")");
            if (check) {
                List<String> differences = r.awaitMetrics(120);
                differences.forEach(d -> System.out.println("DIFFERENT " + d));
                System.out.println(differences.isEmpty() ? "GET /metrics agrees with the ground truth" : differences.size() + " differences");
                if (!differences.isEmpty()) System.exit(1);
            }
        } catch (SimulationException e) {
            System.err.println("simulation failed: " + e.getMessage());
            System.exit(1);
        }
    }

    private static int positive(String flag, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n > 0) return n;
        } catch (NumberFormatException e) {
            // answered below
        }
        usage(flag + " needs a positive whole number, not " + value);
        return 0;
    }

    private static String require(String flag, String value) {
        if (value == null) usage(flag + " needs a value");
        return value;
    }

    private static void usage(String error) {
        if (error != null) System.err.println(error);
        System.err.println("usage: java -jar infra/sim/target/sim.jar [--url http://localhost:3000] [--days 30] [--tickets 300] [--seed 1] [--check]");
        System.exit(error == null ? 0 : 2);
    }
}
