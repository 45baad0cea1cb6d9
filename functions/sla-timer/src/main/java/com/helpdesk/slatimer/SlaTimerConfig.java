package com.helpdesk.slatimer;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.time.ZoneId;

/**
 * SlaTimerFunction's configuration (template.yaml), read and checked once at init.
 *
 * @param defaultTimeZone    the zone of the shipped default calendar (template parameter SlaDefaultTimeZone)
 * @param sweepLimitPerShard how many due tickets one sweep handles per index shard ({@code SLA_SWEEP_LIMIT}):
 *                           the rest is left for the next minute's sweep
 */
record SlaTimerConfig(AwsSettings aws, String tableName, ZoneId defaultTimeZone, int sweepLimitPerShard) {
    static SlaTimerConfig read(EnvironmentReader env) {
        return env.valid(new SlaTimerConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env),
                HelpdeskVariables.slaDefaultTimeZone(env), env.integer("SLA_SWEEP_LIMIT", 1, 100_000, "tickets")));
    }
}
