package com.helpdesk.ops;

import com.helpdesk.bus.EventBusPublisher;
import com.helpdesk.files.S3FileStore;
import com.helpdesk.runtime.Json;
import com.helpdesk.secrets.SecretsManagerKeyRings;
import com.helpdesk.store.LegacyTableKey;
import com.helpdesk.store.DynamoDbMetricsStore;
import com.helpdesk.store.DynamoDbTicketRepository;
import com.helpdesk.store.OutboxTimeline;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;

import java.io.IOException;
import java.io.PrintStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Set;

/**
 * The operators' tool: {@code java -jar infra/ops/target/helpdesk-ops.jar <command> (--stack NAME | --local URL)}.
 * Exit codes: 0 done, 1 done in part (some messages or events could not be moved), 2 a usage error,
 * 3 something named does not exist, 4 AWS (or the local stack) refused or failed.
 */
public final class OpsMain {
    static final int OK = 0;
    static final int PARTLY_FAILED = 1;
    static final int USAGE = 2;
    static final int NOT_FOUND = 3;
    static final int AWS_FAILED = 4;

    static final String USAGE_TEXT = """
            usage: java -jar infra/ops/target/helpdesk-ops.jar <command> (--stack NAME | --local URL) [options]
              dlq list [--queue Q] [--max N]             dead-letter queues and depths; with --queue its messages and reasons
              dlq redrive --queue Q [--max N] [--dry-run] move parked messages back to their source queue
              replay --from T --to T [--type DETAIL_TYPE] [--dry-run]
                                                         put the outbox events of [from, to) on the bus again (last 7 days)
              export --ticket ID|NUMBER [--out FILE]     the ticket, its thread, history and attachment links as JSON
              sla backfill [--dry-run]                   SLA clocks for open tickets created before SLA was deployed
              metrics rebuild --from D [--to D] [--since T] | --abandon
                                                         rebuild the metrics of days D.. (to D; default every later
                                                         day) from the events (the bus's archive; locally its log)
              keys rotate cursor|csat|reply [--grace D]  a new signing key; the old one stays valid for D (an ISO-8601
                                                         duration; default cursor PT72H, csat P60D, reply P90D;
                                                         PT0S refuses the old key at once: a leaked key)
            where:
              --stack NAME        a deployed stack (CloudFormation); region and credentials from the standard AWS chain
              --local URL         the local stack, e.g. http://localhost:3000
              --region R          overrides AWS_REGION; --endpoint-url U overrides every service's endpoint
              T                   an ISO-8601 instant such as 2026-12-01T09:00:00Z; Q a queue's logical id, name or URL
            exit codes: 0 done, 1 done in part, 2 usage, 3 not found, 4 AWS failed
            """;
    private static final Set<String> COMMON = Set.of("--stack", "--local", "--region", "--endpoint-url", "--help");

    private OpsMain() {}

    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) {
        try {
            OpsArgs a = OpsArgs.parse(args);
            if (a.flag("--help") || a.words().isEmpty()) {
                out.print(USAGE_TEXT);
                return a.words().isEmpty() && !a.flag("--help") ? USAGE : OK;
            }
            return dispatch(a, out, err);
        } catch (UsageException e) {
            err.println("error: " + e.getMessage());
            err.print(USAGE_TEXT);
            return USAGE;
        } catch (NotFoundException e) {
            err.println("error: " + e.getMessage());
            return NOT_FOUND;
        } catch (SdkException e) {
            err.println("error: AWS refused or failed: " + e.getMessage());
            return AWS_FAILED;
        }
    }

    private static int dispatch(OpsArgs a, PrintStream out, PrintStream err) {
        String command = String.join(" ", a.words());
        if (command.startsWith("keys")) return keys(a, out, err);
        switch (command) {
            case "dlq list" -> a.allowOnly(with("--queue", "--max"));
            case "dlq redrive" -> a.allowOnly(with("--queue", "--max", "--dry-run"));
            case "replay" -> a.allowOnly(with("--from", "--to", "--type", "--dry-run"));
            case "export" -> a.allowOnly(with("--ticket", "--out"));
            case "sla backfill" -> a.allowOnly(with("--dry-run"));
            case "metrics rebuild" -> a.allowOnly(with("--from", "--to", "--since", "--abandon"));
            default -> throw new UsageException("unknown command \"" + command + "\"");
        }
        StackResources stack = locate(a);
        try (OpsClients clients = new OpsClients(stack, a.has("--region") ? Region.of(a.get("--region")) : null)) {
            return switch (command) {
                case "dlq list", "dlq redrive" -> dlq(command, a, stack, clients, out, err);
                case "replay" -> replay(a, stack, clients, out, err);
                case "sla backfill" -> SlaBackfillCommand.run(clients.dynamo(), stack.table(), a.flag("--dry-run"), out);
                case "metrics rebuild" -> metricsRebuild(a, stack, clients, out, err);
                default -> export(a, stack, clients, out);
            };
        }
    }

    private static int keys(OpsArgs a, PrintStream out, PrintStream err) {
        if (a.words().size() != 3 || !a.words().get(1).equals("rotate")) {
            throw new UsageException("the keys command is: keys rotate cursor|csat|reply [--grace D]");
        }
        a.allowOnly(with("--grace"));
        KeyRotation.Kind kind = KeyRotation.Kind.parse(a.words().get(2));
        Duration grace;
        try {
            grace = a.has("--grace") ? Duration.parse(a.get("--grace")) : kind.defaultGrace;
        } catch (DateTimeParseException e) {
            throw new UsageException("--grace must be an ISO-8601 duration such as PT72H or P30D, not " + a.get("--grace"));
        }
        KeyRotation.checkGrace(grace);
        StackResources stack = locate(a);
        String secret = stack.secret(kind.secretLogicalId);
        // grace deadlines are judged by the functions' clock: the local stack's own, which tests move
        Instant now = stack.local() ? StackLocator.localNow(a.get("--local")) : Instant.now();
        try (OpsClients clients = new OpsClients(stack, a.has("--region") ? Region.of(a.get("--region")) : null)) {
            KeyRotation rotation = new KeyRotation(new SecretsManagerKeyRings(clients.secretsManager()), new SecureRandom());
            KeyRotation.Result r;
            try {
                r = rotation.rotate(kind, secret, new LegacyTableKey(clients.dynamo(), stack.table(), kind.legacyItem), grace, now);
            } catch (IllegalStateException unusable) { // the secret holds no usable ring: say so, change nothing
                err.println("error: " + unusable.getMessage());
                return AWS_FAILED;
            }
            out.println("rotated the " + kind.word() + " signing key of " + stack.name() + ": " + r.before().current().id()
                    + " -> " + r.after().current().id());
            if (r.legacyMoved()) out.println("moved the key kept in the table (tokens without a key id) into the ring as " + com.helpdesk.core.keys.SigningKey.LEGACY_ID);
            if (r.after().previous().isEmpty()) out.println("no previous key is accepted any more");
            r.after().previous().forEach(p -> out.println("  " + p.key().id() + " accepted until " + p.validUntil()));
            out.println("functions pick the new key up within 5 minutes; no redeploy needed");
            return OK;
        }
    }

    private static Set<String> with(String... more) {
        Set<String> s = new java.util.HashSet<>(COMMON);
        s.addAll(Set.of(more));
        return s;
    }

    private static StackResources locate(OpsArgs a) {
        if (a.has("--stack") == a.has("--local")) throw new UsageException("give either --stack NAME or --local URL");
        if (a.has("--local")) return StackLocator.local(a.get("--local"));
        URI endpoint = a.has("--endpoint-url") ? URI.create(a.get("--endpoint-url")) : null;
        Region region = a.has("--region") ? Region.of(a.get("--region")) : null;
        try (CloudFormationClient cfn = OpsClients.bootstrap(CloudFormationClient.builder(), region, endpoint)) {
            return StackLocator.aws(cfn, a.get("--stack"), endpoint);
        }
    }

    private static int dlq(String command, OpsArgs a, StackResources stack, OpsClients clients, PrintStream out, PrintStream err) {
        var sqs = clients.sqs();
        DeadLetterQueues queues = new DeadLetterQueues(sqs, stack);
        DlqCommands dlq = new DlqCommands(queues, new Redrive(sqs, queues), out, err);
        if (command.equals("dlq list")) {
            return a.has("--queue") ? dlq.list(a.get("--queue"), a.positiveInt("--max", DlqCommands.LIST_DEFAULT)) : dlq.listAll();
        }
        return dlq.redrive(a.require("--queue"), a.positiveInt("--max", Integer.MAX_VALUE), a.flag("--dry-run"));
    }

    private static int replay(OpsArgs a, StackResources stack, OpsClients clients, PrintStream out, PrintStream err) {
        Instant from = a.instant("--from");
        Instant to = a.instant("--to");
        if (!from.isBefore(to)) throw new UsageException("--to must be after --from");
        Instant reach = Instant.now().minus(Replay.OUTBOX_REACH);
        if (from.isBefore(reach) && !stack.local()) {
            err.println("note: outbox events expire after 7 days; events before " + reach + " are no longer in the table");
        }
        Replay replay = new Replay(new OutboxTimeline(clients.dynamo(), stack.table()),
                new EventBusPublisher(clients.eventBridge(), stack.bus()));
        boolean dryRun = a.flag("--dry-run");
        Replay.Result r = replay.run(from, to, a.get("--type"), dryRun, err::println);
        r.byType().forEach((type, n) -> out.printf("%-24s %d%n", type, n));
        if (dryRun) {
            out.println("dry run: " + r.found() + " event(s) of [" + from + ", " + to + ") would be put on " + stack.bus());
            return OK;
        }
        out.println("replayed " + r.published() + " of " + r.found() + " event(s) onto " + stack.bus()
                + (r.failed() > 0 ? "; " + r.failed() + " were not taken (run again: consumers skip what they already have)" : ""));
        return r.failed() > 0 ? PARTLY_FAILED : OK;
    }

    private static int metricsRebuild(OpsArgs a, StackResources stack, OpsClients clients, PrintStream out, PrintStream err) {
        MetricsRebuildCommand command = new MetricsRebuildCommand(new DynamoDbMetricsStore(clients.dynamo(), stack.table()),
                clients.sqs(), stack, out, err);
        if (a.flag("--abandon")) {
            if (a.has("--from") || a.has("--to") || a.has("--since")) throw new UsageException("--abandon takes no other option");
            return command.abandon();
        }
        java.time.LocalDate from = a.day("--from");
        if (from == null) throw new UsageException("--from is required");
        Instant since = a.has("--since") ? a.instant("--since") : null;
        MetricsRebuildCommand.Source source = stack.local()
                ? MetricsRebuildCommand.localSource(clients.sqs(), command.queueUrl(MetricsRebuildCommand.QUEUE),
                        () -> StackLocator.localEvents(a.get("--local")))
                : MetricsRebuildCommand.archiveSource(clients.eventBridge(), stack.bus(), stack.single("AWS::Events::Archive",
                        MetricsRebuildCommand.ARCHIVE), MetricsRebuildCommand.RULE);
        Instant until = stack.local() ? StackLocator.localNow(a.get("--local")) : Instant.now();
        try {
            return command.rebuild(from, a.day("--to"), since, until, source);
        } catch (IllegalStateException failed) {
            err.println("error: " + failed.getMessage() + "; the rebuild stays in progress: run the same command again to resume");
            return AWS_FAILED;
        }
    }

    private static int export(OpsArgs a, StackResources stack, OpsClients clients, PrintStream out) {
        TicketExport export = new TicketExport(new DynamoDbTicketRepository(clients.dynamo(), stack.table()),
                new S3FileStore(clients.s3(), clients.presigner(), stack.filesBucket()));
        Map<String, Object> document = export.export(a.require("--ticket"), Instant.now());
        try {
            String json = Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(document);
            if (a.has("--out")) {
                Files.writeString(Path.of(a.get("--out")), json + "\n");
                out.println("wrote " + a.get("--out"));
            } else {
                out.println(json);
            }
        } catch (IOException e) {
            throw new UsageException("cannot write " + a.get("--out") + ": " + e.getMessage());
        }
        return OK;
    }
}
