package com.helpdesk.runtime;

import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * SnapStart priming: before Lambda snapshots an initialised function (org.crac's {@code beforeCheckpoint}), runs
 * the project's JSON mapping and the handler's own read-only path once, so the snapshot holds loaded and
 * initialised classes (Jackson's serializers, the SDK's marshallers, signer and HTTP client, the core's paths)
 * and the first request after a restore does not pay for them. A handler opts in with one line in its
 * no-argument (Lambda) constructor: {@code SnapStartPriming.register(() -> ...)}.
 *
 * <p>Only registered when Lambda initialises for a snapshot; a JVM without CRaC never calls it.
 * A primer must not change stored data (a GetItem of a key that never exists, a read of a queue view): it runs
 * against the deployed resources. A failing primer is logged and skipped: the function then starts colder, it
 * does not fail to publish.
 */
public final class SnapStartPriming implements Resource {
    private static final Logger log = LoggerFactory.getLogger(SnapStartPriming.class);
    /** org.crac keeps registered resources weakly: these strong references keep the hooks alive until the checkpoint. */
    private static final List<SnapStartPriming> REGISTERED = new ArrayList<>();
    /**
     * A ticket id no ticket ever has (issued ids are ULIDs of the time they were made, never all zeros): primers run
     * their paths on it, which read, find nothing and stop before any write.
     */
    public static final String NEVER_ISSUED_TICKET = "tkt_00000000000000000000000000";

    /** Set by Lambda during a function's initialisation; {@value #SNAP_START} when a snapshot follows. */
    static final String INITIALIZATION_TYPE = "AWS_LAMBDA_INITIALIZATION_TYPE";
    static final String SNAP_START = "snap-start";

    private final Runnable primer;

    SnapStartPriming(Runnable primer) {
        this.primer = primer;
    }

    /**
     * Registers a handler's read-only primer with the JVM's checkpoint hooks, after the shared JSON priming, when
     * Lambda initialises the function for a snapshot ({@value #INITIALIZATION_TYPE} is {@value #SNAP_START}). Elsewhere
     * (the local stack, tests) nothing is registered, so no handler is kept alive by its hook.
     */
    public static void register(Runnable primer) {
        register(primer, System.getenv(INITIALIZATION_TYPE));
    }

    static void register(Runnable primer, String initializationType) {
        if (!SNAP_START.equals(initializationType)) return;
        SnapStartPriming hook = new SnapStartPriming(primer);
        synchronized (REGISTERED) {
            REGISTERED.add(hook);
        }
        Core.getGlobalContext().register(hook);
    }

    /**
     * Runs every registered hook now, as a checkpoint would: for measuring a primed start (infra/bench's cold-start
     * driver) on a JVM without CRaC, where the checkpoint never comes.
     *
     * @return true when every step of every hook succeeded
     */
    public static boolean primeRegistered() {
        List<SnapStartPriming> hooks;
        synchronized (REGISTERED) {
            hooks = List.copyOf(REGISTERED);
        }
        boolean ok = true;
        for (SnapStartPriming hook : hooks) ok &= hook.prime();
        return ok;
    }

    @Override
    public void beforeCheckpoint(Context<? extends Resource> context) {
        prime();
    }

    @Override
    public void afterRestore(Context<? extends Resource> context) {
        // nothing held across the snapshot needs renewing: SDK credentials refresh themselves, the url-connection
        // client opens a new connection when a kept-alive one is gone
    }

    /** Runs the priming now; true when every step succeeded. */
    boolean prime() {
        boolean json = run("JSON", SnapStartPriming::primeJson);
        boolean handler = run("handler", primer);
        return json && handler;
    }

    private static boolean run(String what, Runnable step) {
        try {
            step.run();
            return true;
        } catch (RuntimeException | LinkageError e) {
            log.warn("SnapStart priming of the {} path failed, the snapshot is colder: {}", what, e.toString());
            return false;
        }
    }

    /** The shapes every function writes and reads: nested objects, lists, ISO-8601 instants, optionals. */
    static void primeJson() {
        Map<String, Object> sample = new LinkedHashMap<>();
        sample.put("id", "01PRIMING");
        sample.put("at", Instant.EPOCH);
        sample.put("tags", List.of("a", "b"));
        sample.put("maybe", Optional.of(1));
        sample.put("nested", Map.of("n", 1.5, "b", true));
        try {
            String text = Json.mapper().writeValueAsString(sample);
            Json.mapper().readTree(text);
            Json.mapper().readValue(text, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("JSON priming failed", e);
        }
    }
}
