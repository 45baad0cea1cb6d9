package com.helpdesk.slatimer;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * What SlaTimerFunction reads from its environment, once at init: the table, the time zone of the shipped
 * default calendar ({@code SLA_DEFAULT_TIME_ZONE}) and how many due tickets one sweep handles per index
 * shard ({@code SLA_SWEEP_LIMIT}, default 1000: the rest is left for the next minute's sweep).
 */
public record SlaTimerConfig(String tableName, ZoneId defaultTimeZone, int sweepLimitPerShard) {

    public static SlaTimerConfig fromEnvironment() {
        return from(name -> com.helpdesk.runtime.LambdaEnvironment.get(name).orElse(null));
    }

    static SlaTimerConfig from(Function<String, String> env) {
        String table = require(env, "TABLE_NAME");
        String zone = require(env, "SLA_DEFAULT_TIME_ZONE");
        ZoneId zoneId;
        try {
            if (!ZoneId.getAvailableZoneIds().contains(zone) && !"UTC".equals(zone)) throw new DateTimeException(zone);
            zoneId = ZoneId.of(zone);
        } catch (DateTimeException e) {
            throw new IllegalStateException("environment variable SLA_DEFAULT_TIME_ZONE: '" + zone + "' is not an IANA time zone");
        }
        String limit = env.apply("SLA_SWEEP_LIMIT");
        int perShard;
        try {
            perShard = limit == null ? 1000 : Integer.parseInt(limit);
        } catch (NumberFormatException e) {
            perShard = -1;
        }
        if (perShard < 1 || perShard > 100_000) {
            throw new IllegalStateException("environment variable SLA_SWEEP_LIMIT: '" + limit + "' is not a number from 1 to 100000");
        }
        return new SlaTimerConfig(table, zoneId, perShard);
    }

    private static String require(Function<String, String> env, String name) {
        String v = env.apply(name);
        if (v == null || v.isEmpty()) throw new IllegalStateException("environment variable " + name + " is not set");
        return v;
    }
}
