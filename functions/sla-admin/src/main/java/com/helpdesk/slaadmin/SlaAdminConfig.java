package com.helpdesk.slaadmin;

import com.helpdesk.runtime.LambdaEnvironment;

import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.function.Function;

/**
 * What the SLA admin function reads from its environment, once at init: the table, and the time zone of the
 * calendar that ships with the stack ({@code SLA_DEFAULT_TIME_ZONE}, the template's {@code SlaDefaultTimeZone}).
 */
public record SlaAdminConfig(String tableName, ZoneId defaultTimeZone) {

    public static SlaAdminConfig fromEnvironment() {
        return from(name -> LambdaEnvironment.get(name).orElse(null));
    }

    /** Validates every variable; a missing or bad one fails the init naming it. */
    static SlaAdminConfig from(Function<String, String> env) {
        String table = env.apply("TABLE_NAME");
        if (table == null) throw new IllegalStateException("environment variable TABLE_NAME is not set");
        return new SlaAdminConfig(table, zone(env.apply("SLA_DEFAULT_TIME_ZONE")));
    }

    static ZoneId zone(String text) {
        if (text == null) throw new IllegalStateException("environment variable SLA_DEFAULT_TIME_ZONE is not set");
        try {
            if (!ZoneId.getAvailableZoneIds().contains(text) && !"UTC".equals(text)) throw new DateTimeException(text);
            return ZoneId.of(text);
        } catch (DateTimeException e) {
            throw new IllegalStateException("environment variable SLA_DEFAULT_TIME_ZONE: '" + text + "' is not an IANA time zone");
        }
    }
}
