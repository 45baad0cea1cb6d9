package com.helpdesk.core.ticket;

import com.helpdesk.core.StateConflictException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class StatusTransitionsTest {

    /** Every cell of the 5x5 table: from, to, allowed. docs/lifecycle.md shows the same grid. */
    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "NEW,NEW,true", "NEW,OPEN,true", "NEW,PENDING,true", "NEW,RESOLVED,true", "NEW,CLOSED,true",
            "OPEN,NEW,false", "OPEN,OPEN,true", "OPEN,PENDING,true", "OPEN,RESOLVED,true", "OPEN,CLOSED,true",
            "PENDING,NEW,false", "PENDING,OPEN,true", "PENDING,PENDING,true", "PENDING,RESOLVED,true", "PENDING,CLOSED,true",
            "RESOLVED,NEW,false", "RESOLVED,OPEN,true", "RESOLVED,PENDING,false", "RESOLVED,RESOLVED,true", "RESOLVED,CLOSED,true",
            "CLOSED,NEW,false", "CLOSED,OPEN,false", "CLOSED,PENDING,false", "CLOSED,RESOLVED,false", "CLOSED,CLOSED,false",
    })
    void everyCellOfTheTable(Status from, Status to, boolean allowed) {
        assertThat(StatusTransitions.allowed(from, to)).isEqualTo(allowed);
        if (allowed) {
            StatusTransitions.check(from, to);
            assertThat(StatusTransitions.refusal(from, to)).isNull();
        } else {
            assertThatThrownBy(() -> StatusTransitions.check(from, to))
                    .isInstanceOf(StateConflictException.class)
                    .hasMessageContaining("cannot change status from " + from.wire() + " to " + to.wire())
                    .hasMessageContaining(StatusTransitions.refusal(from, to))
                    .extracting(e -> ((StateConflictException) e).code()).isEqualTo("illegal-transition");
        }
    }

    @Test
    void customerMessageReopensPendingAndResolved() {
        assertThat(StatusTransitions.afterCustomerMessage(Status.NEW)).isEqualTo(Status.NEW);
        assertThat(StatusTransitions.afterCustomerMessage(Status.OPEN)).isEqualTo(Status.OPEN);
        assertThat(StatusTransitions.afterCustomerMessage(Status.PENDING)).isEqualTo(Status.OPEN);
        assertThat(StatusTransitions.afterCustomerMessage(Status.RESOLVED)).isEqualTo(Status.OPEN);
        assertThatThrownBy(() -> StatusTransitions.afterCustomerMessage(Status.CLOSED))
                .isInstanceOf(StateConflictException.class).hasMessageContaining("follow-up");
    }

    @Test
    void teamReplyOpensNewTicketsOnly() {
        assertThat(StatusTransitions.afterTeamReply(Status.NEW)).isEqualTo(Status.OPEN);
        assertThat(StatusTransitions.afterTeamReply(Status.OPEN)).isEqualTo(Status.OPEN);
        assertThat(StatusTransitions.afterTeamReply(Status.PENDING)).isEqualTo(Status.PENDING);
        assertThat(StatusTransitions.afterTeamReply(Status.RESOLVED)).isEqualTo(Status.RESOLVED);
        assertThatThrownBy(() -> StatusTransitions.afterTeamReply(Status.CLOSED)).isInstanceOf(StateConflictException.class);
    }

    @Test
    void internalNotesNeverMoveTheStatus() {
        for (Status s : Status.values()) {
            if (s == Status.CLOSED) {
                assertThatThrownBy(() -> StatusTransitions.afterInternalNote(s)).isInstanceOf(StateConflictException.class);
            } else {
                assertThat(StatusTransitions.afterInternalNote(s)).isEqualTo(s);
            }
        }
    }
}
