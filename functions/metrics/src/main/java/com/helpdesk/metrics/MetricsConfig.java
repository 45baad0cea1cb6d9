package com.helpdesk.metrics;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.CloudWatchMetrics;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.time.ZoneId;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The metrics functions' configuration (MetricsFunction and MetricsApiFunction in template.yaml), read and
 * checked once at init.
 *
 * @param teamTimezone the zone whose days the figures are counted in (template parameter TeamTimezone)
 * @param metrics      where the headline numbers go as CloudWatch metrics (MetricsNamespace, the stack)
 * @param slaDefaultTimeZone the zone of the shipped default SLA calendar (template parameter SlaDefaultTimeZone), for
 *                     business time under the tickets' SLA calendars
 */
record MetricsConfig(AwsSettings aws, String tableName, ZoneId teamTimezone, CloudWatchMetrics.Settings metrics, ZoneId slaDefaultTimeZone) {
    /** Exactly the zone ids this JVM knows, so a typo is refused at init rather than on the first event. */
    private static final Pattern ZONE_IDS = Pattern.compile(ZoneId.getAvailableZoneIds().stream().sorted()
            .map(Pattern::quote).collect(Collectors.joining("|")));

    static MetricsConfig read(EnvironmentReader env) {
        String zone = env.matching("TEAM_TIMEZONE", ZONE_IDS, "an IANA time zone such as Europe/Berlin or America/New_York, or UTC");
        return env.valid(new MetricsConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), zone == null ? null : ZoneId.of(zone),
                CloudWatchMetrics.Settings.read(env), HelpdeskVariables.slaDefaultTimeZone(env)));
    }
}
