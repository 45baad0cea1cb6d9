package com.helpdesk.api;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.service.AiConversation;
import com.helpdesk.core.service.AiIntake;
import com.helpdesk.core.service.CreateResult;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.Caller;
import com.helpdesk.http.ETags;
import com.helpdesk.http.JsonBody;
import com.helpdesk.http.TicketRepresentation;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The integrations' route: an AI agent reports a conversation it had with a customer. */
final class AiConversationRoutes {
    private final AiIntake aiIntake;

    AiConversationRoutes(AiIntake aiIntake) {
        this.aiIntake = aiIntake;
    }

    /** An AI agent reports a conversation: 201 with the new ticket, 200 when it continued (or repeated) a reported one. */
    ApiResponse aiConversation(ApiRequest req) {
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("conversationId", "channel", "customer", "transcript", "intent", "confidence",
                "summary", "outcome", "handoffReason"), Set.of());
        String conversationId = body.requiredString("conversationId");
        Channel channel = body.enumValue("channel", Channel::parse);
        Requester requester = customer(body);
        List<AiConversation.Turn> turns = transcript(body);
        String intent = body.string("intent");
        Double confidence = body.number("confidence");
        String summary = body.text("summary");
        String outcome = body.requiredString("outcome");
        String reason = body.text("handoffReason");
        body.done();
        AiConversation.Outcome o;
        if ("resolved".equals(outcome)) o = AiConversation.Outcome.RESOLVED;
        else if ("handoff".equals(outcome)) o = AiConversation.Outcome.HANDOFF;
        else throw new ValidationException("outcome", "must be resolved or handoff");
        Caller c = req.caller();
        Actor ai = new Actor(ActorType.AI, c.subject(), c.name(), null);
        CreateResult r = aiIntake.recordAiConversation(new AiConversation(conversationId, channel, requester, turns,
                intent, confidence, summary, o, reason), ai);
        return ApiResponse.json(r.replayed() ? 200 : 201, TicketRepresentation.full(r.thread()))
                .header("Location", "/tickets/" + r.thread().ticket().id()).header("ETag", ETags.of(r.thread().ticket().version()));
    }

    /** The customer the AI agent talked to, or null when the (required) object is missing (body.done() reports it). */
    private static Requester customer(JsonBody body) {
        JsonBody customer = body.requiredObject("customer");
        if (customer == null) return null;
        customer.allowOnly(Set.of("id", "name", "email", "phone"), Set.of());
        String id = customer.string("id");
        String name = customer.string("name");
        String email = customer.string("email");
        String phone = customer.string("phone");
        try {
            return Requester.of("customer", email, phone, name, id == null ? null : Map.of("ai", id));
        } catch (ValidationException invalid) {
            body.done();
            throw invalid;
        }
    }

    private static List<AiConversation.Turn> transcript(JsonBody body) {
        List<AiConversation.Turn> turns = new ArrayList<>();
        List<JsonBody> transcript = body.objectList("transcript");
        if (transcript == null) throw new ValidationException("transcript", "is required");
        for (JsonBody t : transcript) {
            t.allowOnly(Set.of("author", "text", "at"), Set.of());
            String author = t.requiredString("author");
            String text = t.requiredText("text");
            String at = t.string("at");
            Instant when = null;
            try {
                when = at == null ? null : Instant.parse(at);
            } catch (DateTimeParseException e) {
                throw new ValidationException("transcript.at", "must be an ISO-8601 instant");
            }
            if (author != null && !author.equals("customer") && !author.equals("ai")) throw new ValidationException("transcript.author", "must be customer or ai");
            turns.add(new AiConversation.Turn("customer".equals(author), text, when));
        }
        return turns;
    }
}
