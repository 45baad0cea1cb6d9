package com.helpdesk.bench;

import com.helpdesk.local.LocalStack;
import com.helpdesk.local.LocalStackOptions;
import com.helpdesk.local.lambda.FunctionSpec;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Cold start and peak RSS of every function, each in a fresh JVM at Lambda's tiered level 1 with only its
 * shaded jar (and Lambda's serialization library, as the runtime has it) on the class path, handling one
 * real-shaped event against the local stack's DynamoDB Local and ElasticMQ. The baseline, measured the same
 * way and interleaved with the functions in every round, is a bare handler doing one PutItem.
 */
final class ColdStartBench {
    static final Path DRIVER = Path.of("infra/bench/target/coldstart-driver.jar");
    static final Path BASELINE = Path.of("infra/bench/target/baseline.jar");
    static final String BASELINE_ID = "BareHandler (baseline)";
    private static final Pattern LINE = Pattern.compile(
            "COLDSTART init_us=(\\d+) prime_us=(\\d+) invoke_us=(\\d+) vmhwm_kb=(\\d+) init_cpu_us=(-?\\d+) cpu_us=(-?\\d+) classes=(\\d+) outcome=(\\S+)");

    /**
     * One fresh JVM: init (JVM start to handler constructed), the SnapStart priming (0 when not primed), the first invoke;
     * the JVM's CPU time (user + sys, every thread) at the end of init and at the end, and the classes it loaded.
     */
    record Sample(long initMicros, long primeMicros, long invokeMicros, long rssKb, long initCpuMicros, long cpuMicros,
                  long classes, String outcome) {
        long totalMicros() {
            return initMicros + invokeMicros;
        }
    }

    private ColdStartBench() {}

    static void run(Report report, String[] args) throws Exception {
        int rounds = Integer.getInteger("bench.rounds", 5);
        boolean primed = !Boolean.getBoolean("bench.noPriming");
        require(DRIVER);
        require(BASELINE);
        try (LocalStack stack = LocalStack.start(LocalStackOptions.defaults().withPort(0))) {
            Path events = Files.createTempDirectory("bench-events");
            ColdStartEvents sample = new ColdStartEvents(stack, events);
            Map<String, Target> targets = new LinkedHashMap<>();
            FunctionSpec anyFunction = stack.functionSpec(stack.functionIds().get(0));
            targets.put(BASELINE_ID, new Target(BASELINE, "com.helpdesk.bench.baseline.BareHandler::handleRequest",
                    anyFunction.environment(), sample.bare()));
            // -Dbench.functions=TicketApiFunction,InboundProcessorFunction: only those (a busy machine, a quick look)
            List<String> only = List.of(System.getProperty("bench.functions", "").split(",")).stream()
                    .map(String::strip).filter(f -> !f.isEmpty()).toList();
            for (String id : stack.functionIds()) {
                if (!only.isEmpty() && !only.contains(id)) continue;
                FunctionSpec spec = stack.functionSpec(id);
                Path event = sample.forFunction(id);
                if (event == null) {
                    System.out.println("  [coldstart] " + id + ": no sample event, skipped");
                    continue;
                }
                targets.put(id, new Target(spec.codeJar(), spec.handler(), spec.environment(), event));
            }
            Map<String, List<Sample>> samples = new LinkedHashMap<>();
            Map<String, List<Sample>> primedSamples = new LinkedHashMap<>();
            for (int round = 1; round <= rounds; round++) {
                for (var t : targets.entrySet()) {
                    // what preparing the sample set off (a consumer's ticket goes through the whole stack)
                    if (sample.beforeEachInvoke(t.getKey())) awaitQuietStack();
                    samples.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(t.getValue().measure(false));
                    awaitQuietStack();
                    if (!primed || t.getKey().equals(BASELINE_ID)) continue;
                    if (sample.beforeEachInvoke(t.getKey())) awaitQuietStack();
                    primedSamples.computeIfAbsent(t.getKey(), k -> new ArrayList<>()).add(t.getValue().measure(true));
                    awaitQuietStack();
                }
                System.out.println("  [coldstart] round " + round + "/" + rounds + " done");
            }
            report(report, samples, primedSamples);
        }
    }

    /**
     * Waits until the local stack, which runs in this JVM, has finished what the last measured function set off (a
     * ticket the inbound processor opened goes on through the relay, triage, routing, SLA and metrics for seconds), so
     * the next function's JVM does not share the machine with it: this JVM's CPU time must grow by less than a tenth of
     * a core over a quarter of a second, for at most 20 s.
     */
    private static void awaitQuietStack() throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        long before = cpuMillis();
        while (System.nanoTime() < deadline) {
            Thread.sleep(250);
            long now = cpuMillis();
            if (now - before < 25) return;
            before = now;
        }
        System.out.println("  [coldstart] WARNING: the local stack was still busy after 20 s; measuring anyway");
    }

    private static long cpuMillis() {
        return ProcessHandle.current().info().totalCpuDuration().map(java.time.Duration::toMillis).orElse(0L);
    }

    private static void report(Report report, Map<String, List<Sample>> samples, Map<String, List<Sample>> primedSamples) {
        List<Sample> base = samples.get(BASELINE_ID);
        double baseInit = Report.median(base.stream().map(Sample::initMicros).toList());
        double baseInvoke = Report.median(base.stream().map(Sample::invokeMicros).toList());
        double baseTotal = Report.median(base.stream().map(Sample::totalMicros).toList());
        double baseRss = Report.median(base.stream().map(Sample::rssKb).toList());
        String baseOutcome = base.get(base.size() - 1).outcome();
        if (!baseOutcome.equals("ok")) System.out.println("  [coldstart] WARNING: the baseline's PutItem failed (" + baseOutcome + ")");
        for (var e : samples.entrySet()) {
            if (e.getKey().equals(BASELINE_ID)) continue;
            List<Sample> s = e.getValue();
            double init = Report.median(s.stream().map(Sample::initMicros).toList());
            double invoke = Report.median(s.stream().map(Sample::invokeMicros).toList());
            double total = Report.median(s.stream().map(Sample::totalMicros).toList());
            double rss = Report.median(s.stream().map(Sample::rssKb).toList());
            String outcome = s.get(s.size() - 1).outcome();
            String name = e.getKey() + (outcome.equals("ok") ? "" : " (" + outcome + ")");
            report.add("coldstart", name + ": JVM start to one event handled",
                    String.format("%.0f ms (init %.0f + first invoke %.0f)", total / 1000, init / 1000, invoke / 1000),
                    String.format("%.0f ms (init %.0f + first invoke %.0f)", baseTotal / 1000, baseInit / 1000, baseInvoke / 1000),
                    total / baseTotal, "<= 1.2x");
            report.add("coldstart", name + ": peak RSS (VmHWM)", String.format("%.0f MB", rss / 1024),
                    String.format("%.0f MB", baseRss / 1024), rss / baseRss, "<= 1.3x");
            reportCpuAndClasses(report, name, s, base);
            List<Sample> p = primedSamples.get(e.getKey());
            if (p != null) reportPrimed(report, name, p, invoke);
        }
    }

    /**
     * The deterministic guides beside the wall times, which a loaded machine moves: the JVM's CPU time (user + sys of
     * every thread, JIT and GC included) to the end of init and to one event handled, and the classes it loaded.
     */
    private static void reportCpuAndClasses(Report report, String name, List<Sample> s, List<Sample> base) {
        double initCpu = Report.median(s.stream().map(Sample::initCpuMicros).toList());
        double cpu = Report.median(s.stream().map(Sample::cpuMicros).toList());
        double baseInitCpu = Report.median(base.stream().map(Sample::initCpuMicros).toList());
        double baseCpu = Report.median(base.stream().map(Sample::cpuMicros).toList());
        report.add("coldstart", name + ": CPU time, JVM start to one event handled",
                String.format("%.0f ms (init %.0f)", cpu / 1000, initCpu / 1000),
                String.format("%.0f ms (init %.0f)", baseCpu / 1000, baseInitCpu / 1000), cpu / baseCpu, "-");
        double classes = Report.median(s.stream().map(Sample::classes).toList());
        double baseClasses = Report.median(base.stream().map(Sample::classes).toList());
        report.add("coldstart", name + ": classes loaded", String.format("%.0f", classes), String.format("%.0f", baseClasses),
                classes / baseClasses, "-");
    }

    /**
     * SnapStart: the priming Lambda runs before the snapshot (part of publishing, not of any request) and the first
     * invoke after it, which is what a restored instance's first request costs (less the restore), against the
     * first invoke of the same function without priming.
     */
    private static void reportPrimed(Report report, String name, List<Sample> primed, double unprimedInvoke) {
        double prime = Report.median(primed.stream().map(Sample::primeMicros).toList());
        double invoke = Report.median(primed.stream().map(Sample::invokeMicros).toList());
        report.add("coldstart", name + ": first invoke after SnapStart priming",
                String.format("%.0f ms (priming before the snapshot %.0f)", invoke / 1000, prime / 1000),
                String.format("%.0f ms unprimed", unprimedInvoke / 1000), invoke / unprimedInvoke, "< 1x");
    }

    private record Target(Path jar, String handler, Map<String, String> environment, Path event) {
        /** @param primed as Lambda initialises for SnapStart: the handler's priming hooks registered and run before the invoke */
        Sample measure(boolean primed) throws IOException, InterruptedException {
            String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>(List.of(javaBin, "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC"));
            // -Dbench.jvmArgs="-Xlog:class+load:file=/tmp/cl-%p.log": a diagnosis of the function's JVM (class loads, NMT),
            // which changes what it measures; never part of a reported figure
            String extra = System.getProperty("bench.jvmArgs", "").strip();
            if (!extra.isEmpty()) command.addAll(List.of(extra.split("\\s+")));
            // as Lambda runs a package: unpacked into a directory (-Dbench.unpacked=false: from the jar itself)
            Path code = Boolean.parseBoolean(System.getProperty("bench.unpacked", "true")) ? Unpacked.of(jar) : jar.toAbsolutePath();
            command.addAll(List.of("-cp", DRIVER.toAbsolutePath() + java.io.File.pathSeparator + code,
                    "com.helpdesk.bench.driver.ColdStartDriver", handler, event.toAbsolutePath().toString(), primed ? "prime" : "cold"));
            ProcessBuilder pb = new ProcessBuilder(command);
            pb.environment().putAll(environment);
            if (primed) pb.environment().put("AWS_LAMBDA_INITIALIZATION_TYPE", "snap-start");
            else pb.environment().remove("AWS_LAMBDA_INITIALIZATION_TYPE");
            pb.redirectError(ProcessBuilder.Redirect.DISCARD);
            Process p = pb.start();
            String found = null;
            try (BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = out.readLine()) != null; ) if (line.startsWith("COLDSTART ")) found = line;
            }
            int exit = p.waitFor();
            Matcher m = found == null ? null : LINE.matcher(found);
            if (m == null || !m.find()) throw new IllegalStateException(handler + " exited " + exit + " without a measurement");
            return new Sample(Long.parseLong(m.group(1)), Long.parseLong(m.group(2)), Long.parseLong(m.group(3)),
                    Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), Long.parseLong(m.group(7)),
                    m.group(8));
        }
    }

    private static void require(Path jar) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is missing: build with ./mvnw -B -q -DskipTests -pl infra/bench -am package, run from the repository root");
        }
    }
}
