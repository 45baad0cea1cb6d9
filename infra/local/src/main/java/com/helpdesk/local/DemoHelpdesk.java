package com.helpdesk.local;

import com.helpdesk.sim.Script;
import com.helpdesk.sim.Simulation;
import com.helpdesk.sim.StackClient;

import java.util.List;

/**
 * The demo helpdesk the local stack starts with (unless --empty): a day of support traffic from the
 * month simulation's generator (infra/sim), played through the stack's own API: mail, chat, phone
 * calls and AI conversations, with agents' replies and notes, escalations, reopens, merges and CSAT
 * answers; a third of the customers are the stub shop's, so their tickets show order context. Only
 * LocalStackMain calls it: the tests start the stack empty.
 */
final class DemoHelpdesk {
    static final long SEED = 2026;
    static final int TICKETS = 36;
    /** The stub shop's customers (resources/shopify/demo-shop.json). */
    static final List<Script.Customer> SHOP_CUSTOMERS = List.of(new Script.Customer("Ana Demo", "ana@example.com"),
            new Script.Customer("Ben Brown", "ben@example.com"));

    private DemoHelpdesk() {}

    /**
     * Fills the stack on a thread of its own, after the banner: the start is not slowed, and the stack
     * answers meanwhile (the tickets appear as they are played). Prints one line when done, with an
     * admin token minted then: the demo moves the local clock on by a day or two, past the banner's.
     */
    static void fillInBackground(LocalStack stack) {
        System.out.println("demo data: playing a day of support traffic in the background (--empty starts without) ...");
        Thread t = new Thread(() -> System.out.println(fill(stack)), "demo-data");
        t.setDaemon(true);
        t.start();
    }

    static String fill(LocalStack stack) {
        long t0 = System.nanoTime();
        try {
            Simulation.Result r = Simulation.run(new StackClient("http://127.0.0.1:" + stack.port()), SEED, 1, TICKETS, SHOP_CUSTOMERS, line -> { });
            return "demo data: " + r.played().size() + " tickets on " + r.from() + " (" + r.zone() + ") in " + (System.nanoTime() - t0) / 1_000_000
                    + " ms; the local clock moved on to " + stack.clock().get().toString().substring(0, 16) + "Z; admin token " + stack.token("admin", "admin");
        } catch (RuntimeException e) {
            return "demo data failed (the stack runs on without it): " + e.getMessage();
        }
    }
}
