package com.helpdesk.core.sla;

import java.time.Duration;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * An SLA policy: which tickets it applies to, under which business-hours calendar ({@code businessHours}
 * null means around the clock), the business time allowed per target, when to warn (a fraction of each
 * target) and what a breach does. Built from the API's JSON by {@link SlaPolicyWire}, which validates.
 */
public record SlaPolicy(
        String id,
        String name,
        int order,
        SlaMatch match,
        String businessHours,
        Map<SlaTarget, Duration> targets,
        double warnAt,
        OnBreach onBreach) {

    public static final double DEFAULT_WARN_AT = 0.75;

    /**
     * The policy a ticket gets when no stored policy matches it (for instance before an admin has
     * written any): around the clock, so it never depends on a calendar that may be missing.
     */
    public static final SlaPolicy BUILT_IN_DEFAULT = new SlaPolicy("default", "Default (built in)", Integer.MAX_VALUE,
            SlaMatch.ANY, null,
            Map.of(SlaTarget.FIRST_RESPONSE, Duration.ofHours(8),
                    SlaTarget.NEXT_RESPONSE, Duration.ofHours(24),
                    SlaTarget.RESOLUTION, Duration.ofDays(5)),
            DEFAULT_WARN_AT, new OnBreach(false, null, "sla-breached"));

    public SlaPolicy {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(match, "match");
        Objects.requireNonNull(onBreach, "onBreach");
        if (targets == null || targets.isEmpty()) throw new IllegalArgumentException("a policy needs at least one target");
        targets = Collections.unmodifiableMap(new EnumMap<>(targets));
        if (!(warnAt > 0 && warnAt < 1)) throw new IllegalArgumentException("warnAt must be between 0 and 1");
    }

    public Optional<Duration> target(SlaTarget target) {
        return Optional.ofNullable(targets.get(target));
    }

    /** What a breach of this policy does: escalate (into {@code group}, else the default escalation group) and/or tag. */
    public record OnBreach(boolean escalate, String group, String tag) {
        public static final OnBreach NOTHING = new OnBreach(false, null, null);
    }
}
