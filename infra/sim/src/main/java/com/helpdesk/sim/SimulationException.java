package com.helpdesk.sim;

/** The stack refused or failed a step of the script (with what it answered). */
public final class SimulationException extends RuntimeException {
    public SimulationException(String message) {
        super(message);
    }
}
