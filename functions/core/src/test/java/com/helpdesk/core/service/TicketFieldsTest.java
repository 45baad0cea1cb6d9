package com.helpdesk.core.service;

import com.helpdesk.core.ValidationException.FieldError;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class TicketFieldsTest {
    /**
     * openapi.yaml publishes the agent id as {@code ^[^\x00-\x20\x7f]{1,128}$} (ECMA-262, for every
     * client); the check here must refuse exactly those characters inside an id, no more and no fewer.
     */
    @Test
    void anAgentIdRefusesExactlySpaceAndTheAsciiControlCharacters() {
        for (char c = 0; c < Character.MAX_VALUE; c++) {
            if (Character.isSurrogate(c)) continue;
            List<FieldError> errors = new ArrayList<>();
            TicketFields.agentId("assignee", "a" + c + "b", errors);
            assertThat(errors.isEmpty()).as("U+%04X", (int) c).isEqualTo(!(c <= 0x20 || c == 0x7f));
        }
    }

    @Test
    void anAgentIdIsAtMost128CharactersAndNotNone() {
        List<FieldError> errors = new ArrayList<>();
        TicketFields.agentId("assignee", "x".repeat(128), errors);
        assertThat(errors).isEmpty();
        TicketFields.agentId("assignee", "x".repeat(129), errors);
        TicketFields.agentId("assignee", "none", errors);
        assertThat(errors).hasSize(2).allMatch(e -> e.field().equals("assignee"));
    }
}
