package com.helpdesk.bench.soak;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.local.LocalStack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A soak of the local stack under faults, counted, not timed (docs/runbook.md, "Soak"). Rounds of a fixed mix
 * ({@link SoakTraffic}); every {@value #WAVE} rounds a wave of faults is armed through {@code POST /_local/faults}:
 * the bus refuses PutEvents, SES and the chat provider throttle, DynamoDB throttles the functions' attempts
 * (an SDK interceptor on their clients), and one poison message goes onto the inbound queue. At the start the
 * ticket API crashes right after two of its writes (before it can answer; the outbox must still deliver their
 * events, and the client's resend with the same Idempotency-Key must not open a second ticket). Then agents
 * reply publicly on every mail and chat ticket, the ledger counts, and the poison is redriven with the
 * operators' {@code dlq redrive}, exactly as the runbook says, and must be parked again, once.
 */
public final class Soak {
    static final int WAVE = 4;
    static final String POISON = "{\"soak\": \"not an inbound message\", \"wave\": %d}";
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    private final LocalStack stack;
    private final Path opsJar;
    private final SoakHttp http;
    private final String agent;
    private final Map<String, Integer> faults = new TreeMap<>();
    private int poisonSent;

    public Soak(LocalStack stack, Path opsJar) {
        this.stack = stack;
        this.opsJar = opsJar;
        this.http = new SoakHttp("http://127.0.0.1:" + stack.port());
        this.agent = stack.token("soak-agent", "agent");
    }

    public SoakFigures run(int rounds) {
        Instant from = stack.clock().get().minus(Duration.ofHours(1));
        SoakTraffic traffic = new SoakTraffic(http, agent, stack.token("soak-admin", "admin"));
        traffic.setUpChannel();
        try (SoakLedger ledger = new SoakLedger(stack, http, agent)) {
            int poison = 0;
            for (int i = 0; i < rounds; i++) {
                if (i % WAVE == 0) {
                    armFaults(i == 0);
                    sendPoison(ledger, poison++);
                }
                traffic.round(i);
            }
            Stored stored = countStored(ledger, rounds, traffic.apiTickets().size());
            int repliesIn = 0;
            for (int i = 0; i < stored.chatTickets.size(); i++, repliesIn++) traffic.reply(stored.chatTickets.get(i), "Soak chat reply " + i);
            for (int i = 0; i < stored.mailTickets.size(); i++, repliesIn++) traffic.reply(stored.mailTickets.get(i), "Soak mail reply " + i);
            int[] sent = countSent(ledger, stored);
            Set<String> written = ledger.eventsWritten(from, stack.clock().get().plus(Duration.ofHours(1)));
            Map<String, Integer> onBus = SoakLedger.awaitOrLast(ledger::eventsOnTheBus, bus -> bus.keySet().containsAll(written), PATIENCE);
            int delivered = (int) written.stream().filter(onBus::containsKey).count();
            int busDuplicates = onBus.values().stream().mapToInt(n -> n - 1).sum();
            List<String> tickets = new ArrayList<>(stored.mailTickets);
            tickets.addAll(stored.chatTickets);
            tickets.addAll(traffic.apiTickets());
            Map<String, Set<String>> created = ledger.ticketCreatedOnTheBus();
            int withoutOneTicketCreated = (int) tickets.stream().filter(t -> created.getOrDefault(t, Set.of()).size() != 1).count();
            List<SoakLedger.DeadLetter> parked = SoakLedger.awaitOrLast(ledger::deadLetters, d -> poisonParked(d) >= poisonSent(), PATIENCE);
            int poisonParked = poisonParked(parked);
            int redriven = redrive();
            List<SoakLedger.DeadLetter> after = SoakLedger.awaitOrLast(ledger::deadLetters, d -> poisonParked(d) >= poisonSent(), PATIENCE);
            stack.sdkFaults().injected().forEach((k, v) -> faults.put("dynamodb " + k + " (injected)", v));
            return new SoakFigures(rounds, traffic.mails(), stored.mail, rounds, stored.chat, traffic.apiTickets().size(), stored.api,
                    traffic.refused(), repliesIn, sent[0], stored.duplicates + sent[1], written.size(), delivered, busDuplicates,
                    withoutOneTicketCreated, after,
                    poisonSent(), poisonParked, redriven, poisonParked(after), faults, http.retries());
        }
    }

    private int poisonSent() {
        return poisonSent;
    }

    /** The bus, SES and the chat provider fail their next calls; DynamoDB throttles; at the start the API crashes after two writes. */
    private void armFaults(boolean first) {
        arm("{\"service\":\"eventbridge\",\"failNext\":6}", "eventbridge PutEvents refused (armed)", 6);
        arm("{\"service\":\"ses\",\"failNext\":3,\"error\":\"throttle\"}", "ses throttled (armed)", 3);
        arm("{\"service\":\"chat\",\"failNext\":3,\"error\":\"throttle\"}", "chat provider throttled (armed)", 3);
        arm("{\"service\":\"dynamodb\",\"failNext\":12,\"error\":\"throttle\"}", "dynamodb throttled attempts (armed)", 12);
        if (first) {
            // the API's caller resends at once (a queue consumer's message would come back only after its visibility timeout)
            arm("{\"service\":\"dynamodb\",\"failNext\":2,\"error\":\"crash-after-write\",\"function\":\"TicketApiFunction\"}",
                    "ticket-api crashes after its write (armed)", 2);
        }
    }

    private void arm(String body, String what, int n) {
        SoakHttp.Answer a = http.send("POST", "/_local/faults", null, body, Map.of());
        if (a.status() != 200) throw new IllegalStateException("the local stack refused the fault " + body + ": " + a);
        faults.merge(what, n, Integer::sum);
    }

    private void sendPoison(SoakLedger ledger, int wave) {
        String url = ledger.queueUrl("InboundQueue");
        ledger.sqs().sendMessage(b -> b.queueUrl(url).messageBody(POISON.formatted(wave)).messageGroupId("soak-poison-" + wave)
                .messageDeduplicationId("soak-poison-" + wave));
        poisonSent++;
    }

    private static int poisonParked(List<SoakLedger.DeadLetter> parked) {
        return (int) parked.stream().filter(d -> d.queue().equals("InboundDeadLetterQueue") && d.body().startsWith("{\"soak\": \"not an inbound")
                && !d.reason().startsWith("(none")).count();
    }

    /** Tickets found per customer of the mix, the first of each kept for the replies, and what was there more than once. */
    private static final class Stored {
        int mail, chat, api, duplicates;
        final List<String> mailTickets = new ArrayList<>();
        final List<String> chatTickets = new ArrayList<>();
    }

    private static Stored countStored(SoakLedger ledger, int rounds, int apiWritten) {
        Stored s = new Stored();
        for (int i = 0; i < rounds; i++) {
            s.mail += found(ledger, s, s.mailTickets, SoakTraffic.mailRequester(i), SoakTraffic.mailText(i));
            s.chat += found(ledger, s, s.chatTickets, SoakTraffic.chatRequester(i), SoakTraffic.chatText(i));
            List<JsonNode> api = ledger.tickets(SoakTraffic.apiRequester(i));
            s.api += api.size();
            s.duplicates += Math.max(0, api.size() - 1);
        }
        return s;
    }

    private static int found(SoakLedger ledger, Stored s, List<String> firsts, String requester, String text) {
        List<JsonNode> tickets = SoakLedger.awaitOrLast(() -> ledger.tickets(requester), l -> !l.isEmpty(), PATIENCE);
        if (tickets.isEmpty()) return 0;
        String id = tickets.get(0).get("id").asText();
        firsts.add(id);
        s.duplicates += tickets.size() - 1 + Math.max(0, ledger.messagesSaying(id, text) - 1);
        return tickets.size();
    }

    /** Replies received by SES and the chat provider: [sent at least once, sent more than once]. */
    private static int[] countSent(SoakLedger ledger, Stored s) {
        int sent = 0, twice = 0;
        for (int i = 0; i < s.chatTickets.size() + s.mailTickets.size(); i++) {
            boolean chat = i < s.chatTickets.size();
            String text = chat ? "Soak chat reply " + i : "Soak mail reply " + (i - s.chatTickets.size());
            String channel = chat ? "chat" : "email";
            int n = SoakLedger.awaitOrLast(() -> ledger.sent(channel, text), c -> c > 0, PATIENCE);
            sent += Math.min(1, n);
            twice += Math.max(0, n - 1);
        }
        return new int[]{sent, twice};
    }

    /** The runbook's redrive: {@code java -jar infra/ops/target/helpdesk-ops.jar dlq redrive --local URL --queue InboundDeadLetterQueue}. */
    private int redrive() {
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-jar", opsJar.toString(),
                "dlq", "redrive", "--local", "http://127.0.0.1:" + stack.port(), "--queue", "InboundDeadLetterQueue");
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) throw new IllegalStateException("dlq redrive failed: " + out);
            Matcher moved = Pattern.compile("moved (\\d+) message").matcher(out);
            if (!moved.find()) throw new IllegalStateException("dlq redrive said: " + out);
            return Integer.parseInt(moved.group(1));
        } catch (IOException e) {
            throw new IllegalStateException("cannot run " + opsJar + " (build it: ./mvnw -pl infra/ops -am package)", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Where the operators' tool is built, from the repository root. */
    public static Path opsJar(Path root) {
        Path jar = root.resolve("infra/ops/target/helpdesk-ops.jar");
        if (!Files.isRegularFile(jar)) throw new IllegalStateException(jar + " is missing: build it first (./mvnw -pl infra/ops -am package)");
        return jar;
    }
}
