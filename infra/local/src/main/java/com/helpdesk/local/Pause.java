package com.helpdesk.local;

/** Background loops back off with this; an interrupt (shutdown) ends the pause early and is kept. */
public final class Pause {
    private Pause() {}

    public static void millis(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
