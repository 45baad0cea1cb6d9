package com.helpdesk.api;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.service.CreateResult;
import com.helpdesk.core.service.NewMessage;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketCommands;
import com.helpdesk.core.service.TicketQueries;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;
import com.helpdesk.core.triage.IntentName;
import com.helpdesk.core.triage.IntentRecords;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.HttpProblem;
import com.helpdesk.http.JsonBody;
import com.helpdesk.http.Problems;
import com.helpdesk.http.TicketRepresentation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

import static com.helpdesk.api.TicketRequests.actor;
import static com.helpdesk.api.TicketRequests.created;
import static com.helpdesk.api.TicketRequests.idempotencyKey;
import static com.helpdesk.api.TicketRequests.ifMatch;
import static com.helpdesk.api.TicketRequests.withETag;

/** The routes that create and change one ticket (or several at once): create, PATCH, bulk, a message, an escalation. */
final class TicketCommandRoutes {
    private static final Set<String> CREATE_FIELDS = Set.of("subject", "requester", "channel", "priority", "tags",
            "assignee", "group", "status", "message");
    private static final Set<String> PATCH_FIELDS = Set.of("status", "priority", "assignee", "group", "subject",
            "addTags", "removeTags", "intent");
    private static final Set<String> BULK_FIELDS = Set.of("status", "priority", "assignee", "group", "addTags", "removeTags");
    private static final Set<String> READ_ONLY = Set.of("id", "number", "version", "createdAt", "updatedAt",
            "messages", "firstResponseAt", "resolvedAt", "lastMessageAt", "messageCount", "escalationLevel",
            "ccs", "linkedTicketIds", "mergedInto", "mergedFrom", "parentId", "childIds");

    private final TicketCommands commands;
    private final TicketQueries tickets;
    private final IntentRecords intents;

    TicketCommandRoutes(TicketCommands commands, TicketQueries tickets, IntentRecords intents) {
        this.commands = commands;
        this.tickets = tickets;
        this.intents = intents;
    }

    ApiResponse create(ApiRequest req) {
        JsonBody body = JsonBody.parse(req).allowOnly(CREATE_FIELDS, READ_ONLY);
        String subject = body.requiredString("subject");
        JsonBody requesterJson = body.requiredObject("requester");
        Channel channel = body.enumValue("channel", Channel::parse);
        if (!body.has("channel")) body.requiredString("channel");
        Priority priority = body.enumValue("priority", Priority::parse);
        Status status = body.enumValue("status", Status::parse);
        var tags = body.stringList("tags");
        String assignee = body.string("assignee");
        String group = body.string("group");
        JsonBody message = body.requiredObject("message");
        String text = null, html = null;
        Visibility visibility = null;
        if (message != null) {
            message.allowOnly(Set.of("body", "html", "visibility"), Set.of());
            text = message.requiredText("body");
            html = message.text("html");
            visibility = message.enumValue("visibility", Visibility::parse);
        }
        String email = null, phone = null, name = null;
        Map<String, String> externalIds = null;
        if (requesterJson != null) {
            requesterJson.allowOnly(Set.of("email", "phone", "name", "externalIds"), Set.of());
            email = requesterJson.string("email");
            phone = requesterJson.string("phone");
            name = requesterJson.string("name");
            externalIds = requesterJson.stringMap("externalIds");
        }
        body.done();
        Requester requester = Requester.of("requester", email, phone, name, externalIds);

        CreateResult result = commands.create(new NewTicket(subject, requester, channel, priority, tags, assignee, group,
                status, text, html, visibility, null), actor(req), idempotencyKey(req));
        return created(result.thread()).header("Idempotent-Replayed", result.replayed() ? "true" : null);
    }

    ApiResponse update(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        JsonBody body = JsonBody.parse(req).allowOnly(PATCH_FIELDS, READ_ONLY);
        TicketChange change = change(body);
        IntentName intent = body.enumValue("intent", IntentName::parse);
        if (body.isNull("intent")) throw new ValidationException("intent", "cannot be cleared; set the intent the ticket has");
        body.done();
        boolean onlyIntent = intent != null && change.isEmpty();
        TicketThread t = onlyIntent ? null : commands.update(id, change, ifMatch(req), actor(req));
        if (intent != null) {
            // an agent's intent is a correction of the model's, recorded with what it said (docs/triage.md); without
            // If-Match it is retried on a fresh read when triage wrote meanwhile, like every unconditional change
            OptionalLong pinned = onlyIntent ? ifMatch(req) : OptionalLong.empty();
            commands.retried(pinned, () -> {
                Ticket current = tickets.get(id).ticket();
                current.requireVersion(pinned);
                return intents.correct(current, intent, actor(req));
            });
            t = tickets.get(id);
        }
        return withETag(t);
    }

    ApiResponse bulk(ApiRequest req) {
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("ticketIds", "changes"), Set.of());
        var ids = body.stringList("ticketIds");
        if (!body.has("ticketIds")) body.requiredString("ticketIds");
        JsonBody changes = body.requiredObject("changes");
        TicketChange change = changes == null ? null : change(changes.allowOnly(BULK_FIELDS, Set.of("subject")));
        body.done();
        List<Map<String, Object>> results = new ArrayList<>();
        int failed = 0;
        for (TicketCommands.BulkOutcome o : commands.bulkUpdate(ids, change, actor(req))) {
            if (o.refusal() != null) failed++;
            results.add(bulkResult(o));
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("succeeded", results.size() - failed);
        out.put("failed", failed);
        out.put("results", results);
        return ApiResponse.json(200, out);
    }

    /** One ticket's outcome in a bulk update: its summary, or the problem it would have had on its own. */
    private static Map<String, Object> bulkResult(TicketCommands.BulkOutcome o) {
        Map<String, Object> r = new LinkedHashMap<>();
        r.put("ticketId", o.reference());
        if (o.refusal() == null) {
            r.put("status", 200);
            r.put("ticket", TicketRepresentation.summary(o.ticket()));
        } else {
            HttpProblem p = Problems.from(o.refusal());
            r.put("status", p.status());
            Map<String, Object> problem = new LinkedHashMap<>();
            problem.put("type", "/problems/" + p.type());
            problem.put("title", p.title());
            problem.put("status", p.status());
            problem.put("detail", p.detail());
            r.put("problem", problem);
        }
        return r;
    }

    /** A change as PATCH and bulk updates describe it. */
    private static TicketChange change(JsonBody body) {
        Status status = body.enumValue("status", Status::parse);
        Priority priority = body.enumValue("priority", Priority::parse);
        Optional<String> assignee = nullable(body, "assignee");
        Optional<String> group = nullable(body, "group");
        String subject = body.string("subject");
        if (body.isNull("subject")) throw new ValidationException("subject", "cannot be cleared");
        return new TicketChange(status, priority, assignee, group, subject, body.stringList("addTags"), body.stringList("removeTags"));
    }

    /** JSON null clears the field, a string sets it, absence leaves it alone. */
    private static Optional<String> nullable(JsonBody body, String field) {
        if (!body.has(field)) return null;
        if (body.isNull(field)) return Optional.empty();
        String v = body.string(field);
        return v == null ? null : Optional.of(v);
    }

    ApiResponse addMessage(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("body", "html", "visibility", "channel"), Set.of());
        String text = body.requiredText("body");
        String html = body.text("html");
        Visibility visibility = body.enumValue("visibility", Visibility::parse);
        if (!body.has("visibility")) body.requiredString("visibility");
        Channel channel = body.enumValue("channel", Channel::parse);
        body.done();
        return created(commands.addMessage(id, new NewMessage(text, html, visibility, channel, null), ifMatch(req), actor(req)));
    }

    ApiResponse escalate(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("reason", "group"), Set.of());
        String reason = body.requiredText("reason");
        String group = body.string("group");
        body.done();
        return withETag(commands.escalate(id, reason, group, ifMatch(req), actor(req)));
    }
}
