package com.helpdesk.local.bus;

import java.util.List;

/** An EventBridge rule of the template: an event pattern on a bus, and where matching events go. */
public record BusRule(String name, String bus, String patternJson, List<Target> targets) {
    public enum Kind { LAMBDA, SQS, LOGS, OTHER }

    /** {@code ref}: a function's logical id, a queue URL, a log group name, or an ARN we only record. */
    public record Target(String id, Kind kind, String ref, String inputJson) {}
}
