package com.helpdesk.api;

import com.helpdesk.core.service.TicketQueries;
import com.helpdesk.core.service.TicketRelations;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.JsonBody;

import java.util.Set;

import static com.helpdesk.api.TicketRequests.actor;
import static com.helpdesk.api.TicketRequests.created;
import static com.helpdesk.api.TicketRequests.ifMatch;
import static com.helpdesk.api.TicketRequests.withETag;

/** The routes between tickets: link and unlink, merge into one, split a new one off. */
final class TicketRelationRoutes {
    private final TicketRelations relations;
    private final TicketQueries tickets;

    TicketRelationRoutes(TicketRelations relations, TicketQueries tickets) {
        this.relations = relations;
        this.tickets = tickets;
    }

    ApiResponse link(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("ticketId"), Set.of());
        String other = body.requiredString("ticketId");
        body.done();
        return withETag(relations.link(id, other, ifMatch(req), actor(req)));
    }

    ApiResponse unlink(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        return withETag(relations.unlink(id, req.pathParameter("otherId"), ifMatch(req), actor(req)));
    }

    ApiResponse merge(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("ticketIds"), Set.of());
        var sources = body.stringList("ticketIds");
        if (!body.has("ticketIds")) body.requiredString("ticketIds");
        body.done();
        return withETag(relations.merge(id, sources, ifMatch(req), actor(req)));
    }

    ApiResponse split(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("messageIds", "subject"), Set.of());
        var messageIds = body.stringList("messageIds");
        if (!body.has("messageIds")) body.requiredString("messageIds");
        String subject = body.string("subject");
        body.done();
        return created(relations.split(id, messageIds, subject, ifMatch(req), actor(req)).thread());
    }
}
