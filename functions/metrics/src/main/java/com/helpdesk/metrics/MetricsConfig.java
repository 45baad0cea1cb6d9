package com.helpdesk.metrics;

import com.helpdesk.runtime.AwsSettings;
import com.helpdesk.runtime.CloudWatchMetrics;
import com.helpdesk.runtime.EnvironmentReader;
import com.helpdesk.runtime.HelpdeskVariables;

import java.net.URI;
import java.time.ZoneId;
import java.util.Optional;
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
 * @param deadLetterQueueUrl where MetricsFunction parks an event it cannot read, with the reason (DEAD_LETTER_QUEUE_URL);
 *                     empty for the API and the census, which read no queue
 */
record MetricsConfig(AwsSettings aws, String tableName, ZoneId teamTimezone, CloudWatchMetrics.Settings metrics, ZoneId slaDefaultTimeZone,
                     Optional<URI> deadLetterQueueUrl) {
    /** Exactly the zone ids this JVM knows, so a typo is refused at init rather than on the first event. */
    private static final Pattern ZONE_IDS = Pattern.compile(ZoneId.getAvailableZoneIds().stream().sorted()
            .map(Pattern::quote).collect(Collectors.joining("|")));

    static MetricsConfig read(EnvironmentReader env) {
        String zone = env.matching("TEAM_TIMEZONE", ZONE_IDS, "an IANA time zone such as Europe/Berlin or America/New_York, or UTC");
        return env.valid(new MetricsConfig(AwsSettings.read(env), HelpdeskVariables.tableName(env), zone == null ? null : ZoneId.of(zone),
                CloudWatchMetrics.Settings.read(env), HelpdeskVariables.slaDefaultTimeZone(env), Optional.empty()));
    }

    /** MetricsFunction's, which reads the metrics queue: the same and its dead-letter queue. */
    static MetricsConfig forQueue(EnvironmentReader env) {
        MetricsConfig common = read(env);
        return env.valid(new MetricsConfig(common.aws(), common.tableName(), common.teamTimezone(), common.metrics(), common.slaDefaultTimeZone(),
                Optional.ofNullable(HelpdeskVariables.queueUrl(env, "DEAD_LETTER_QUEUE_URL"))));
    }
}
