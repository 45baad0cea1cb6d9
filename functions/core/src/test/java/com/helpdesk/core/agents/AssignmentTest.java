package com.helpdesk.core.agents;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class AssignmentTest {
    private final InMemoryAgentDirectory directory = new InMemoryAgentDirectory();
    private final Assignment assignment = new Assignment(directory);

    private void agent(String id, boolean available, int capacity, String... groups) {
        directory.save(AgentProfile.of(id, id.toUpperCase(), Arrays.asList(groups), available, capacity));
    }

    @Test
    void roundRobinTakesTheGroupsAgentsInTurnSkippingThoseWithoutRoom() {
        agent("a", true, 10, "claims");
        agent("b", true, 1, "claims");
        agent("c", true, 10, "claims");
        agent("d", false, 10, "claims");
        agent("e", true, 10, "billing");
        List<String> picked = new ArrayList<>();
        for (int i = 0; i < 6; i++) picked.add(assignment.assign("t" + i, "claims", AssignStrategy.ROUND_ROBIN).orElseThrow());
        assertThat(picked).containsExactly("a", "b", "c", "a", "a", "c"); // d's turn passes to a, full b's to c
    }

    @Test
    void twoRoutingsOfOneTicketAtOnceTakeOneTurnSoTheNextTicketGoesToTheNextAgent() {
        agent("a", true, 10, "claims");
        agent("b", true, 10, "claims");
        // its creation's routing and its classification's both read the turn before either claims
        assertThat(assignment.candidates("claims", AssignStrategy.ROUND_ROBIN, "t1")).extracting(Agent::id).first().isEqualTo("a");
        assertThat(assignment.assign("t1", "claims", AssignStrategy.ROUND_ROBIN)).contains("a");
        assertThat(assignment.assign("t2", "claims", AssignStrategy.ROUND_ROBIN)).contains("b");
        assertThat(assignment.assign("t3", "claims", AssignStrategy.ROUND_ROBIN)).contains("a");
    }

    @Test
    void leastLoadedTakesTheAgentHoldingFewestThenById() {
        agent("a", true, 10, "claims");
        agent("b", true, 10, "claims");
        directory.claim("a", "old1", false);
        directory.claim("a", "old2", false);
        directory.claim("b", "old3", false);
        assertThat(assignment.assign("n1", "claims", AssignStrategy.LEAST_LOADED)).contains("b");
        assertThat(assignment.assign("n2", "claims", AssignStrategy.LEAST_LOADED)).as("2 each: by id").contains("a");
        assertThat(assignment.assign("n3", "claims", AssignStrategy.LEAST_LOADED)).contains("b");
        assertThat(assignment.assign("n3", "claims", AssignStrategy.LEAST_LOADED)).as("redelivered").contains("b");
        assertThat(directory.find("a").orElseThrow().load()).isEqualTo(3);
        assertThat(directory.find("b").orElseThrow().load()).isEqualTo(3);
    }

    @Test
    void noAgentWithRoomLeavesTheTicketUnassigned() {
        agent("a", true, 0, "claims");
        agent("b", false, 5, "claims");
        assertThat(assignment.assign("t", "claims", AssignStrategy.LEAST_LOADED)).isEmpty();
        assertThat(assignment.assign("t", "nobody", AssignStrategy.ROUND_ROBIN)).isEmpty();
    }

    @Test
    void aResolvedOrReassignedTicketGivesItsSlotBack() {
        agent("a", true, 1, "claims");
        agent("b", true, 1, "claims");
        assertThat(assignment.assign("t", "claims", AssignStrategy.LEAST_LOADED)).contains("a");
        assignment.reconcile(ticket("t", "a", Status.NEW)); // routing's own write: nothing to do
        assignment.reconcile(ticket("t", null, Status.OPEN)); // unassigned and open: routing may be in flight, keep it
        assertThat(directory.slotHolder("t")).contains("a");
        assignment.reconcile(ticket("t", "b", Status.OPEN));
        assertThat(directory.slotHolder("t")).contains("b");
        assertThat(directory.find("a").orElseThrow().load()).isZero();
        assignment.reconcile(ticket("u", "b", Status.OPEN)); // assigned by hand: counted even over capacity
        assertThat(directory.find("b").orElseThrow().load()).isEqualTo(2);
        assignment.reconcile(ticket("t", "b", Status.RESOLVED));
        assignment.reconcile(ticket("t", "b", Status.CLOSED));
        assertThat(directory.slotHolder("t")).isEmpty();
        assertThat(directory.find("b").orElseThrow().load()).isEqualTo(1);
        assignment.reconcile(ticket("t", "b", Status.OPEN)); // reopened: held again
        assertThat(directory.find("b").orElseThrow().load()).isEqualTo(2);
    }

    @Test
    void everyFieldOfAProfileIsCheckedAndNamed() {
        assertThatThrownBy(() -> AgentProfile.of("me", " ", Arrays.asList("ok", " ", "x".repeat(65)), null, 1001))
                .isInstanceOfSatisfying(ValidationException.class, e -> assertThat(e.errors())
                        .extracting(ValidationException.FieldError::field)
                        .containsExactly("id", "name", "groups[1]", "groups[2]", "available", "capacity"));
        assertThat(AgentProfile.of("ana@example.com", " Ana ", List.of("claims", "claims "), true, 0))
                .isEqualTo(new AgentProfile("ana@example.com", "Ana", List.of("claims"), true, 0));
    }

    @Test
    void anAgentSetsTheirOwnAvailabilityOnlyOnceAnAdminAddedThem() {
        Agents agents = new Agents(directory);
        assertThatThrownBy(() -> agents.setAvailable("ghost", false)).hasMessageContaining("an admin adds you first");
        agent("a", true, 1, "claims");
        assertThat(agents.setAvailable("a", false).available()).isFalse();
        assertThat(assignment.assign("t", "claims", AssignStrategy.ROUND_ROBIN)).isEqualTo(Optional.empty());
        assertThatThrownBy(() -> agents.setAvailable("a", null)).isInstanceOf(ValidationException.class).hasMessageContaining("available");
    }

    private static Ticket ticket(String id, String assignee, Status status) {
        Instant at = Instant.parse("2026-12-01T10:00:00Z");
        return Ticket.builder().id(id).number(1).subject("s").status(status).priority(Priority.NORMAL).channel(Channel.EMAIL)
                .requester(Requester.of("requester", "c@example.com", null, null, null)).assignee(assignee).createdAt(at).updatedAt(at).version(1)
                .lastMessageAt(at).messageCount(1).build();
    }
}
