package com.helpdesk.core.service;

import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;

import java.time.Instant;
import java.util.List;

/**
 * What an AI agent reports about one conversation it had with a customer: the transcript so far, the
 * intent it recognised, its summary, and whether it resolved the matter or handed it to humans.
 * Reported again with more turns, the conversation continues on the same ticket.
 */
public record AiConversation(String conversationId, Channel channel, Requester customer, List<Turn> transcript, String intent,
                             Double confidence, String summary, Outcome outcome, String handoffReason) {
    public enum Outcome { RESOLVED, HANDOFF }

    public record Turn(boolean fromCustomer, String text, Instant at) {}

    public AiConversation {
        transcript = transcript == null ? List.of() : List.copyOf(transcript);
    }
}
