package com.helpdesk.sim;

import java.util.ArrayList;
import java.util.List;

/** The figures of one row (a day, a channel, an agent), summed from the ground truth of the tickets. */
public final class Figures {
    long created;
    long resolved;
    long reopened;
    long escalated;
    long oneTouch;
    long csatResponses;
    long csatRatingSum;
    long csatSatisfied;
    long aiHandled;
    long aiDeflected;
    long aiHandedOff;
    final List<Long> firstResponse = new ArrayList<>();
    final List<Long> resolution = new ArrayList<>();

    public long created() {
        return created;
    }

    public long resolved() {
        return resolved;
    }

    public List<Long> firstResponse() {
        return List.copyOf(firstResponse);
    }

    public List<Long> resolution() {
        return List.copyOf(resolution);
    }

    boolean isEmpty() {
        return created + resolved + reopened + escalated + csatResponses + aiHandled + aiDeflected + aiHandedOff == 0 && firstResponse.isEmpty();
    }

    /** The mean rating, or null without responses. */
    Double csatAverage() {
        return csatResponses == 0 ? null : (double) csatRatingSum / csatResponses;
    }

    /** The share of 4 and 5 ratings, or null without responses. */
    Double satisfiedShare() {
        return csatResponses == 0 ? null : (double) csatSatisfied / csatResponses;
    }

    /**
     * The nearest-rank percentile (docs/metrics.md, "Distributions"): the smallest value with at least
     * p% of the values at or below it, i.e. the value at rank ceil(p/100 x n) of the sorted values.
     */
    static Long percentile(List<Long> values, double p) {
        if (values.isEmpty()) return null;
        List<Long> sorted = new ArrayList<>(values);
        sorted.sort(null);
        int rank = (int) Math.ceil(p / 100.0 * sorted.size());
        return sorted.get(Math.max(1, rank) - 1);
    }
}
