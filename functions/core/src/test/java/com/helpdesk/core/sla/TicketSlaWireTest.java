package com.helpdesk.core.sla;

import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Visibility;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static com.helpdesk.core.sla.SlaFixtures.STANDARD;
import static com.helpdesk.core.sla.SlaFixtures.at;
import static com.helpdesk.core.sla.SlaFixtures.policy;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketSlaWireTest {

    static BusinessTime calendars(String id) {
        return id == null ? TestCalendars.AROUND_THE_CLOCK : TestCalendars.WEEKDAYS_9_TO_5;
    }

    @Test
    void aStoredStateReadsBackToTheSameClocks() {
        SlaPolicy office = policy("office", "weekdays", Duration.ofHours(2), Duration.ofHours(4), Duration.ofHours(16));
        TicketSla sla = TicketSla.create(STANDARD, TestCalendars.AROUND_THE_CLOCK, Status.NEW, at(0), "TicketCreated").sla()
                .onMessage(ActorType.AGENT, Visibility.PUBLIC, at(10), "r").sla()
                .onMessage(ActorType.CUSTOMER, Visibility.PUBLIC, at(20), "c").sla()
                .onPolicyChanged(office, TestCalendars.WEEKDAYS_9_TO_5, at(30), "Tagged +b2b").sla()
                .onStatusChanged(Status.PENDING, at(40), "pending").sla()
                .fire(at(50)).sla();
        Map<String, Object> wire = TicketSlaWire.toWire(sla);
        assertThat(wire).containsEntry("status", "pending").containsEntry("teamReplied", true).containsEntry("teamSpokeLast", false);
        TicketSla back = TicketSlaWire.fromWire(wire, TicketSlaWireTest::calendars);
        assertThat(back).isEqualTo(sla);
        assertThat(back.calendar()).isSameAs(TestCalendars.WEEKDAYS_9_TO_5);
        assertThat(back.view(at(600))).isEqualTo(sla.view(at(600)));
    }

    @Test
    void anUnreadableStoredStateFailsNamingTheField() {
        TicketSla sla = TicketSla.create(STANDARD, TestCalendars.AROUND_THE_CLOCK, Status.NEW, at(0), "TicketCreated").sla();
        Map<String, Object> wire = new HashMap<>(TicketSlaWire.toWire(sla));
        Map<String, Object> clocks = new HashMap<>();
        clocks.put("firstResponse", Map.of("phase", "running", "goal", "PT4H", "warnAt", 0.75, "elapsed", "PT0S", "cycle", 1));
        wire.put("clocks", clocks);
        assertThatThrownBy(() -> TicketSlaWire.fromWire(wire, TicketSlaWireTest::calendars))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("clocks.firstResponse");
        wire.put("clocks", Map.of("sla", Map.of()));
        assertThatThrownBy(() -> TicketSlaWire.fromWire(wire, TicketSlaWireTest::calendars)).hasMessageContaining("clocks.sla is not a target");
        wire.remove("status");
        wire.put("clocks", Map.of());
        assertThatThrownBy(() -> TicketSlaWire.fromWire(wire, TicketSlaWireTest::calendars)).hasMessageContaining("status is not a string");
    }

    @Test
    void aRunningClocksDueTimeFollowsTheCalendarItIsReadWith() {
        BusinessCalendar office = Calendars.hours("UTC", "mon-fri 09:00-17:00");
        BusinessCalendar closedMonday = Calendars.hours("UTC", List.of("2026-11-30"), "mon-fri 09:00-17:00");
        SlaPolicy policy = policy("office", "office", Duration.ofHours(4), null, Duration.ofHours(16));
        TicketSla sla = TicketSla.create(policy, office, Status.NEW, at(0), "TicketCreated").sla(); // Monday 09:00
        TicketSla afterEdit = TicketSlaWire.fromWire(TicketSlaWire.toWire(sla), id -> closedMonday);
        Instant tue13 = Instant.parse("2026-12-01T13:00:00Z");
        assertThat(afterEdit.clocks().get(SlaTarget.FIRST_RESPONSE).dueAt()).as("Monday closed: 4 h from Tuesday 09:00").isEqualTo(tue13);
        assertThat(afterEdit.clocks().get(SlaTarget.RESOLUTION).dueAt()).isEqualTo(Instant.parse("2026-12-02T17:00:00Z"));
        assertThat(afterEdit.fire(at(4 * 60)).ledger()).as("nothing spent by Monday 13:00: no breach").isEmpty();
        assertThat(afterEdit.clocks().get(SlaTarget.FIRST_RESPONSE).remainingAt(tue13, closedMonday)).isZero();
    }
}
