package com.helpdesk.sim;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class MetricsCheckTest {
    private static final LocalDate NOV23 = LocalDate.parse("2026-11-23");
    private static final LocalDate NOV24 = LocalDate.parse("2026-11-24");

    @Test
    void percentilesMayBeReportedAtMostOneThousandthBelowAboveTheExactRange() {
        assertThat(MetricsCheck.withinSketchError(34176, 34200)).as("docs/metrics.md's example").isTrue();
        assertThat(MetricsCheck.withinSketchError(34100, 34200)).isFalse();
        assertThat(MetricsCheck.withinSketchError(34201, 34200)).as("never above").isFalse();
        assertThat(MetricsCheck.withinSketchError(2047, 2047)).isTrue();
        assertThat(MetricsCheck.withinSketchError(2046, 2047)).as("exact below 2,048 s").isFalse();
    }

    @Test
    void eachDaysCensusIsComparedWithTheOpenWorkAtItsInstant() throws Exception {
        GroundTruth truth = GroundTruth.of(GroundTruthTest.workedExamples(), ZoneId.of("Europe/Berlin"));
        JsonNode byDay = StackClient.JSON.readTree("""
                {"series": [
                 {"key": "2026-11-23", "backlog": {"total": 1, "new": 0, "open": 1, "pending": 0,
                  "ages": {"under1d": 1, "1to3d": 0, "3to7d": 0, "over7d": 0}, "takenAt": "2026-11-23T22:59:00.120Z"}},
                 {"key": "2026-11-24", "backlog": {"total": null, "new": null, "open": null, "pending": null,
                  "ages": {"under1d": null, "1to3d": null, "3to7d": null, "over7d": null}, "takenAt": null}}]}""");
        assertThat(MetricsCheck.compareBacklog(truth, NOV23, NOV24, byDay)).as("the last day's census may not be due yet (the API's row then has every figure null)").isEmpty();

        ((ObjectNode) byDay.get("series").get(0).get("backlog")).put("open", 2);
        ((ObjectNode) byDay.get("series").get(0).get("backlog").get("ages")).put("1to3d", 1);
        assertThat(MetricsCheck.compareBacklog(truth, NOV23, NOV24, byDay)).containsExactly(
                "2026-11-23 backlog open: api 2, truth 1", "2026-11-23 backlog ages.1to3d: api 1, truth 0");
        assertThat(MetricsCheck.compareBacklog(truth, LocalDate.parse("2026-11-22"), NOV24, byDay)).contains("2026-11-22 backlog: no census");
    }

    @Test
    void aCensusStoredUnderAnotherDayThanItsOwn2359IsADifference() throws Exception {
        GroundTruth truth = GroundTruth.of(GroundTruthTest.workedExamples(), ZoneId.of("Europe/Berlin"));
        // the 23rd's census taken after midnight (the local scheduler's bug): the counts agree with that instant
        JsonNode byDay = StackClient.JSON.readTree("""
                {"series": [
                 {"key": "2026-11-24", "backlog": {"total": 1, "new": 0, "open": 1, "pending": 0,
                  "ages": {"under1d": 1, "1to3d": 0, "3to7d": 0, "over7d": 0}, "takenAt": "2026-11-23T23:30:00Z"}}]}""");
        assertThat(MetricsCheck.compareBacklog(truth, NOV24, NOV24, byDay))
                .containsExactly("2026-11-24 backlog: taken at 2026-11-24T00:30+01:00[Europe/Berlin], not at the day's 23:59");
    }

    /** A report as the API would give it for the worked examples, then one figure changed. */
    @Test
    void aReportThatAgreesPassesAndEveryDifferenceIsNamed() throws Exception {
        GroundTruth truth = GroundTruth.of(GroundTruthTest.workedExamples(), ZoneId.of("Europe/Berlin"));
        JsonNode byDay = StackClient.JSON.readTree("""
                {"series": [
                 {"key": "2026-11-23", "created": 4, "resolved": 2, "reopened": 0, "escalated": 1,
                  "firstResponse": {"count": 4, "median": 0, "p90": 2400, "p95": 2400},
                  "resolution": {"count": 2, "median": 0, "p90": 34176, "p95": 34176},
                  "csat": {"responses": 1, "average": 5.0, "satisfiedShare": 1.0}, "ai": {"handled": 2, "deflected": 1, "handedOff": 1}},
                 {"key": "2026-11-24", "created": 0, "resolved": 1, "reopened": 1, "escalated": 0,
                  "firstResponse": {"count": 0, "median": null, "p90": null, "p95": null},
                  "resolution": {"count": 1, "median": 93568, "p90": 93568, "p95": 93568},
                  "csat": {"responses": 0, "average": null, "satisfiedShare": null}, "ai": {"handled": 0, "deflected": 0, "handedOff": 0}}]}""");
        JsonNode byChannel = StackClient.JSON.readTree("""
                {"series": [
                 {"key": "chat", "created": 1, "resolved": 1, "reopened": 1, "escalated": 1,
                  "firstResponse": {"count": 1, "median": 300, "p90": 300, "p95": 300},
                  "resolution": {"count": 1, "median": 93568, "p90": 93568, "p95": 93568},
                  "csat": {"responses": 0, "average": null, "satisfiedShare": null}, "ai": {"handled": 0, "deflected": 0, "handedOff": 0}},
                 {"key": "email", "created": 1, "resolved": 1, "reopened": 0, "escalated": 0,
                  "firstResponse": {"count": 1, "median": 2400, "p90": 2400, "p95": 2400},
                  "resolution": {"count": 1, "median": 34176, "p90": 34176, "p95": 34176},
                  "csat": {"responses": 1, "average": 5.0, "satisfiedShare": 1.0}, "ai": {"handled": 0, "deflected": 0, "handedOff": 0}},
                 {"key": "web", "created": 2, "resolved": 1, "reopened": 0, "escalated": 0,
                  "firstResponse": {"count": 2, "median": 0, "p90": 0, "p95": 0},
                  "resolution": {"count": 1, "median": 0, "p90": 0, "p95": 0},
                  "csat": {"responses": 0, "average": null, "satisfiedShare": null}, "ai": {"handled": 2, "deflected": 1, "handedOff": 1}}]}""");
        JsonNode agents = StackClient.JSON.readTree("""
                {"agents": [
                 {"agent": "ai", "resolved": 1, "oneTouch": 1, "firstResponse": {"count": 2, "median": 0, "p90": 0, "p95": 0},
                  "resolution": {"count": 1, "median": 0, "p90": 0, "p95": 0},
                  "csat": {"responses": 0, "average": null, "satisfiedShare": null, "responseRate": 0.0},
                  "ai": {"handled": 2, "deflected": 1, "handedOff": 1, "deflectionRate": 0.5}},
                 {"agent": "alice", "resolved": 1, "oneTouch": 1, "firstResponse": {"count": 1, "median": 2400, "p90": 2400, "p95": 2400},
                  "resolution": {"count": 1, "median": 34176, "p90": 34176, "p95": 34176},
                  "csat": {"responses": 1, "average": 5.0, "satisfiedShare": 1.0, "responseRate": 1.0}, "ai": null},
                 {"agent": "bob", "resolved": 1, "oneTouch": 0, "firstResponse": {"count": 1, "median": 300, "p90": 300, "p95": 300},
                  "resolution": {"count": 1, "median": 93568, "p90": 93568, "p95": 93568},
                  "csat": {"responses": 0, "average": null, "satisfiedShare": null, "responseRate": 0.0}, "ai": null}]}""");
        assertThat(MetricsCheck.compare(truth, NOV23, NOV24, byDay, byChannel, agents)).isEmpty();

        ((ObjectNode) byDay.get("series").get(0)).put("created", 5);
        ((ObjectNode) agents.get("agents").get(2).get("firstResponse")).put("p95", 299);
        ((ObjectNode) byChannel.get("series").get(2)).remove("ai");
        assertThat(MetricsCheck.compare(truth, NOV23, NOV24, byDay, byChannel, agents)).containsExactly(
                "2026-11-23 created: api 5, truth 4",
                "channel web ai.handled: api missing, truth 2", "channel web ai.deflected: api missing, truth 1", "channel web ai.handedOff: api missing, truth 1",
                "agent bob firstResponse p95: api 299, truth 300");
    }
}
