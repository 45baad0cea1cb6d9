package com.helpdesk.bench;

import java.util.Arrays;

/**
 * One entry point for every benchmark: {@code java -jar infra/bench/target/bench.jar <part> [args]}, run from the
 * repository root (the local stack reads template.yaml and the function jars from there). Each part adds its
 * rows to one table of ratios, printed at the end; {@code all} runs every part but jmh, one after the other.
 */
public final class BenchMain {
    static final String USAGE = "usage: java -jar infra/bench/target/bench.jar all|coldstart|heap|intake|jars|mail|metrics|sla|soak|views|writes|jmh [args]";

    public static void main(String[] args) throws Exception {
        if (args.length == 0) {
            System.err.println(USAGE);
            System.exit(2);
        }
        String[] rest = Arrays.copyOfRange(args, 1, args.length);
        Report report = new Report();
        switch (args[0]) {
            case "all" -> {
                JarSizeBench.run(report);
                ColdStartBench.run(report, rest);
                IntakeBench.run(report, rest);
                AttachmentHeapBench.run(report, new String[0]);
                MailParsingBench.run(report, rest);
                MetricsReadBench.run(report, new String[0]);
                SlaSweepBench.run(report, new String[0]);
                QueueViewBench.run(report, new String[0]);
                SoakBench.run(report, new String[0]);
                WritesBench.run(report, new String[0]);
            }
            case "coldstart" -> ColdStartBench.run(report, rest);
            case "heap" -> AttachmentHeapBench.run(report, rest);
            case "intake" -> IntakeBench.run(report, rest);
            case "jars" -> JarSizeBench.run(report);
            case "mail" -> MailParsingBench.run(report, rest);
            case "metrics" -> MetricsReadBench.run(report, rest);
            case "sla" -> SlaSweepBench.run(report, rest);
            case "views" -> QueueViewBench.run(report, rest);
            case "soak" -> SoakBench.run(report, rest);
            case "writes" -> WritesBench.run(report, rest);
            case "jmh" -> {
                org.openjdk.jmh.Main.main(rest.length > 0 ? rest : new String[]{"-f", "1", "-wi", "3", "-i", "5", "com.helpdesk.bench.jmh"});
                return;
            }
            default -> {
                System.err.println("unknown part " + args[0] + "\n" + USAGE);
                System.exit(2);
            }
        }
        report.print();
        System.exit(0); // the local stacks' non-daemon threads (ElasticMQ's actor system) must not keep the JVM up
    }
}
