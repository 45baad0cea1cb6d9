package com.helpdesk.sim;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ScriptGeneratorTest {
    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    private static final LocalDate MONDAY = LocalDate.parse("2026-11-30");

    private static Script month(long seed) {
        return ScriptGenerator.generate(seed, BERLIN, MONDAY, 28, 600, List.of());
    }

    @Test
    void theSameSeedGivesTheSameScriptAndAnotherSeedAnotherOne() {
        assertThat(month(7)).isEqualTo(month(7));
        assertThat(month(8).tickets()).isNotEqualTo(month(7).tickets());
    }

    @Test
    void arrivalsFollowTheDailyCurveAndWeekendsAreQuieter() {
        Map<DayOfWeek, Integer> byWeekday = new HashMap<>();
        int[] byHour = new int[24];
        for (Script.Ticket t : month(1).tickets()) {
            if (t.steps().get(0).action() != Script.Action.OPEN || t.subject().startsWith("Call: ")) continue;
            var local = t.steps().get(0).at().atZone(BERLIN);
            assertThat(local.toLocalDate()).isBetween(MONDAY, MONDAY.plusDays(27));
            byWeekday.merge(local.getDayOfWeek(), 1, Integer::sum);
            byHour[local.getHour()]++;
        }
        assertThat(byWeekday.get(DayOfWeek.SUNDAY)).isLessThan(byWeekday.get(DayOfWeek.WEDNESDAY));
        assertThat(byHour[3]).as("night").isLessThan(byHour[10]).isLessThan(byHour[11] + byHour[10]);
        assertThat(byHour[10] + byHour[11]).isGreaterThan(byHour[2] + byHour[3] + byHour[4] + byHour[5]);
    }

    @Test
    void everyKindOfTrafficIsThere() {
        Script s = month(3);
        Set<Script.Channel> channels = EnumSet.noneOf(Script.Channel.class);
        Set<Script.Action> actions = EnumSet.noneOf(Script.Action.class);
        Set<Script.AiOutcome> outcomes = EnumSet.noneOf(Script.AiOutcome.class);
        Set<String> intents = new HashSet<>();
        for (Script.Ticket t : s.tickets()) {
            channels.add(t.channel());
            intents.add(t.intent());
            if (t.aiOutcome() != null) outcomes.add(t.aiOutcome());
            t.steps().forEach(step -> actions.add(step.action()));
        }
        assertThat(channels).containsExactlyInAnyOrder(Script.Channel.values());
        assertThat(actions).containsExactlyInAnyOrder(Script.Action.values());
        assertThat(outcomes).containsExactlyInAnyOrder(Script.AiOutcome.values());
        assertThat(intents).hasSizeGreaterThanOrEqualTo(5);
    }

    @Test
    void aTicketsStepsAreInOrderAndMergesGoIntoTicketsOpenedBefore() {
        Script s = month(5);
        Map<String, Instant> opened = new HashMap<>();
        for (Script.Scheduled step : s.timeline()) {
            if (step.step().action() == Script.Action.OPEN) opened.put(step.ticket().key(), step.step().at());
            if (step.step().action() == Script.Action.MERGE_INTO) assertThat(opened).containsKey(step.step().target());
        }
        for (Script.Ticket t : s.tickets()) {
            for (int i = 1; i < t.steps().size(); i++) assertThat(t.steps().get(i).at()).isAfterOrEqualTo(t.steps().get(i - 1).at());
            assertThat(t.steps().get(0).action()).isEqualTo(Script.Action.OPEN);
        }
    }

    @Test
    void agentsAnswerWithinTheirWorkingHours() {
        for (Script.Ticket t : month(9).tickets()) {
            for (Script.Step step : t.steps()) {
                if (step.action() != Script.Action.REPLY) continue;
                var local = step.at().atZone(BERLIN);
                boolean weekend = local.getDayOfWeek() == DayOfWeek.SATURDAY || local.getDayOfWeek() == DayOfWeek.SUNDAY;
                assertThat(local.getHour()).as(step.toString()).isBetween(weekend ? 10 : 8, 23);
            }
        }
    }
}
