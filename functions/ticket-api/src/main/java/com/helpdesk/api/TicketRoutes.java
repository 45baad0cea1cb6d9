package com.helpdesk.api;

import com.helpdesk.core.triage.IntentName;
import com.helpdesk.core.triage.IntentRecords;
import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.port.HistoryPage;
import com.helpdesk.core.port.IdempotencyKey;
import com.helpdesk.core.port.TicketPage;
import com.helpdesk.core.port.TicketQuery;
import com.helpdesk.core.service.CreateResult;
import com.helpdesk.core.service.NewMessage;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.ticket.TicketChange;
import com.helpdesk.core.service.AiIntake;
import com.helpdesk.core.service.TicketCommands;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.service.TicketQueries;
import com.helpdesk.core.service.TicketRelations;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.core.ticket.Visibility;
import com.helpdesk.core.ValidationException;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.Caller;
import com.helpdesk.http.ETags;
import com.helpdesk.http.HttpProblem;
import com.helpdesk.http.JsonBody;
import com.helpdesk.http.Problems;
import com.helpdesk.http.Router;
import com.helpdesk.http.TicketRepresentation;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/** The agents' ticket routes: decode the request, call the ticket service, encode the answer. */
final class TicketRoutes {
    private static final Set<String> STAFF = Set.of(Caller.AGENT, Caller.ADMIN);
    private static final Set<String> CREATE_FIELDS = Set.of("subject", "requester", "channel", "priority", "tags",
            "assignee", "group", "status", "message");
    private static final Set<String> PATCH_FIELDS = Set.of("status", "priority", "assignee", "group", "subject",
            "addTags", "removeTags", "intent");
    private static final Set<String> READ_ONLY = Set.of("id", "number", "version", "createdAt", "updatedAt",
            "messages", "firstResponseAt", "resolvedAt", "lastMessageAt", "messageCount", "escalationLevel",
            "ccs", "linkedTicketIds", "mergedInto", "mergedFrom", "parentId", "childIds");
    private static final Set<String> LIST_PARAMS = Set.of("status", "assignee", "requester", "tag", "group", "limit", "cursor", "slaDueBefore");
    private static final Set<String> HISTORY_PARAMS = Set.of("limit", "cursor");

    /** How long an attachment's download link works. */
    static final java.time.Duration DOWNLOAD_LINK_TTL = java.time.Duration.ofMinutes(5);

    private static final Set<String> ADMINS = Set.of(Caller.ADMIN);

    private final TicketCommands commands;
    private final TicketRelations relations;
    private final TicketQueries tickets;
    private final AiIntake aiIntake;
    private final CsatService surveys;
    private final com.helpdesk.core.port.FileStore files;
    private final com.helpdesk.core.chat.ChannelService channels;
    private final SlaTicketViews sla;
    private final TicketDetailView detail;
    private final IntentRecords intents;

    private TicketRoutes(TicketDesk desk, CsatService surveys, com.helpdesk.core.port.FileStore files,
                         com.helpdesk.core.chat.ChannelService channels, com.helpdesk.core.sla.TicketSlaQueries sla,
                         com.helpdesk.core.orders.OrderContextReads orders, IntentRecords intents) {
        this.commands = desk.commands();
        this.relations = desk.relations();
        this.tickets = desk.queries();
        this.aiIntake = desk.ai();
        this.surveys = surveys;
        this.files = files;
        this.channels = channels;
        this.sla = new SlaTicketViews(sla);
        this.detail = new TicketDetailView(sla, orders, intents);
        this.intents = intents;
    }

    static Router router(TicketDesk desk, CsatService surveys, com.helpdesk.core.port.FileStore files,
                         com.helpdesk.core.chat.ChannelService channels, com.helpdesk.core.sla.TicketSlaQueries sla,
                         com.helpdesk.core.orders.OrderContextReads orders, IntentRecords intents) {
        TicketRoutes r = new TicketRoutes(desk, surveys, files, channels, sla, orders, intents);
        return new Router()
                .route("POST /tickets", STAFF, r::create)
                .route("GET /tickets", STAFF, r::list)
                .route("GET /tickets/{id}", STAFF, r::get)
                .route("PATCH /tickets/{id}", STAFF, r::update)
                .route("POST /tickets/{id}/messages", STAFF, r::addMessage)
                .route("POST /tickets/{id}/escalate", STAFF, r::escalate)
                .route("GET /tickets/{id}/history", STAFF, r::history)
                .route("POST /tickets/{id}/links", STAFF, r::link)
                .route("DELETE /tickets/{id}/links/{otherId}", STAFF, r::unlink)
                .route("POST /tickets/{id}/merge", STAFF, r::merge)
                .route("POST /tickets/bulk", STAFF, r::bulk)
                .route("POST /tickets/{id}/split", STAFF, r::split)
                .route("GET /tickets/{id}/csat", STAFF, r::csat)
                .route("GET /tickets/{id}/attachments/{attachmentId}", STAFF, r::attachment)
                .route("POST /ai/conversations", Set.of(Caller.INTEGRATION), r::aiConversation)
                .route("GET /inbound/unthreaded", STAFF, r::unthreaded)
                .route("GET /channels", ADMINS, r::listChannels)
                .route("GET /channels/{channelId}", ADMINS, r::getChannel)
                // ChannelService.put checks the id with the settings before any store call, so both are reported at once
                .routeCheckedByService("PUT /channels/{channelId}", ADMINS, Set.of("channelId"), r::putChannel)
                .route("DELETE /channels/{channelId}", ADMINS, r::deleteChannel)
                .route("GET /openapi.yaml", Set.of(), TicketRoutes::openApi);
    }

    private ApiResponse create(ApiRequest req) {
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
        TicketThread t = result.thread();
        return ApiResponse.json(201, TicketRepresentation.full(t))
                .header("Location", "/tickets/" + t.ticket().id())
                .header("ETag", ETags.of(t.ticket().version()))
                .header("Idempotent-Replayed", result.replayed() ? "true" : null);
    }

    private ApiResponse list(ApiRequest req) {
        onlyParameters(req, LIST_PARAMS);
        if (req.query("slaDueBefore") != null) return sla.dueBefore(req);
        Status status = req.query("status") == null ? null : Status.parse("status", req.query("status"));
        Integer limit = limit(req, TicketQueries.MAX_PAGE_SIZE);
        TicketPage page = tickets.list(new TicketQuery(status, req.query("assignee"), req.query("requester"), req.query("tag"),
                req.query("group")), limit, req.query("cursor"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", TicketRepresentation.summaries(page.items()));
        out.put("nextCursor", page.nextCursor());
        return ApiResponse.json(200, out);
    }

    private ApiResponse get(ApiRequest req) {
        return detail.get(tickets.resolveId(req.pathParameter("id")), req.header("If-None-Match"));
    }

    private ApiResponse bulk(ApiRequest req) {
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("ticketIds", "changes"), Set.of());
        var ids = body.stringList("ticketIds");
        if (!body.has("ticketIds")) body.requiredString("ticketIds");
        JsonBody changes = body.requiredObject("changes");
        TicketChange change = changes == null ? null : change(changes.allowOnly(BULK_FIELDS, Set.of("subject")));
        body.done();
        List<Map<String, Object>> results = new java.util.ArrayList<>();
        int failed = 0;
        for (TicketCommands.BulkOutcome o : commands.bulkUpdate(ids, change, actor(req))) {
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("ticketId", o.reference());
            if (o.refusal() == null) {
                r.put("status", 200);
                r.put("ticket", TicketRepresentation.summary(o.ticket()));
            } else {
                failed++;
                HttpProblem p = Problems.from(o.refusal());
                r.put("status", p.status());
                Map<String, Object> problem = new LinkedHashMap<>();
                problem.put("type", "/problems/" + p.type());
                problem.put("title", p.title());
                problem.put("status", p.status());
                problem.put("detail", p.detail());
                r.put("problem", problem);
            }
            results.add(r);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("succeeded", results.size() - failed);
        out.put("failed", failed);
        out.put("results", results);
        return ApiResponse.json(200, out);
    }

    private static final Set<String> BULK_FIELDS = Set.of("status", "priority", "assignee", "group", "addTags", "removeTags");

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

    private ApiResponse update(ApiRequest req) {
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
                com.helpdesk.core.ticket.Ticket current = tickets.get(id).ticket();
                current.requireVersion(pinned);
                return intents.correct(current, intent, actor(req));
            });
            t = tickets.get(id);
        }
        return ApiResponse.json(200, TicketRepresentation.full(t)).header("ETag", ETags.of(t.ticket().version()));
    }

    private ApiResponse addMessage(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("body", "html", "visibility", "channel"), Set.of());
        String text = body.requiredText("body");
        String html = body.text("html");
        Visibility visibility = body.enumValue("visibility", Visibility::parse);
        if (!body.has("visibility")) body.requiredString("visibility");
        Channel channel = body.enumValue("channel", Channel::parse);
        body.done();
        TicketThread t = commands.addMessage(id, new NewMessage(text, html, visibility, channel, null), ifMatch(req), actor(req));
        return ApiResponse.json(201, TicketRepresentation.full(t))
                .header("Location", "/tickets/" + t.ticket().id())
                .header("ETag", ETags.of(t.ticket().version()));
    }

    private ApiResponse escalate(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("reason", "group"), Set.of());
        String reason = body.requiredText("reason");
        String group = body.string("group");
        body.done();
        TicketThread t = commands.escalate(id, reason, group, ifMatch(req), actor(req));
        return ApiResponse.json(200, TicketRepresentation.full(t)).header("ETag", ETags.of(t.ticket().version()));
    }

    private ApiResponse link(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("ticketId"), Set.of());
        String other = body.requiredString("ticketId");
        body.done();
        return withETag(relations.link(id, other, ifMatch(req), actor(req)));
    }

    private ApiResponse unlink(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        return withETag(relations.unlink(id, req.pathParameter("otherId"), ifMatch(req), actor(req)));
    }

    private ApiResponse merge(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("ticketIds"), Set.of());
        var sources = body.stringList("ticketIds");
        if (!body.has("ticketIds")) body.requiredString("ticketIds");
        body.done();
        return withETag(relations.merge(id, sources, ifMatch(req), actor(req)));
    }

    private ApiResponse split(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("messageIds", "subject"), Set.of());
        var messageIds = body.stringList("messageIds");
        if (!body.has("messageIds")) body.requiredString("messageIds");
        String subject = body.string("subject");
        body.done();
        TicketThread child = relations.split(id, messageIds, subject, ifMatch(req), actor(req)).thread();
        return ApiResponse.json(201, TicketRepresentation.full(child))
                .header("Location", "/tickets/" + child.ticket().id())
                .header("ETag", ETags.of(child.ticket().version()));
    }

    /** The survey link of the current resolution (for the channels that deliver it) and the rating so far. */
    private ApiResponse csat(ApiRequest req) {
        CsatService.Survey s = surveys.surveyFor(tickets.resolveId(req.pathParameter("id")));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("surveyPath", "/csat/" + s.token());
        out.put("expiresAt", s.expiresAt().toString());
        out.put("csat", TicketRepresentation.csat(s.ticket()));
        return ApiResponse.json(200, out);
    }

    private ApiResponse unthreaded(ApiRequest req) {
        onlyParameters(req, Set.of("date", "limit", "cursor"));
        var page = tickets.unthreaded(req.query("date"), limit(req, TicketQueries.MAX_PAGE_SIZE), req.query("cursor"));
        List<Map<String, Object>> items = new java.util.ArrayList<>();
        for (var u : page.items()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("receivedAt", u.receivedAt() == null ? null : u.receivedAt().toString());
            m.put("kind", u.kind());
            m.put("channel", u.channel());
            m.put("from", u.from());
            m.put("subject", u.subject());
            m.put("reason", u.reason());
            items.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", items);
        out.put("nextCursor", page.nextCursor());
        return ApiResponse.json(200, out);
    }

    /** An AI agent reports a conversation: 201 with the new ticket, 200 when it continued (or repeated) a reported one. */
    private ApiResponse aiConversation(ApiRequest req) {
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("conversationId", "channel", "customer", "transcript", "intent", "confidence",
                "summary", "outcome", "handoffReason"), Set.of());
        String conversationId = body.requiredString("conversationId");
        Channel channel = body.enumValue("channel", Channel::parse);
        JsonBody customer = body.requiredObject("customer");
        Requester requester = null;
        if (customer != null) {
            customer.allowOnly(Set.of("id", "name", "email", "phone"), Set.of());
            String id = customer.string("id");
            String name = customer.string("name");
            String email = customer.string("email");
            String phone = customer.string("phone");
            try {
                requester = Requester.of("customer", email, phone, name, id == null ? null : Map.of("ai", id));
            } catch (ValidationException invalid) {
                body.done();
                throw invalid;
            }
        }
        List<com.helpdesk.core.service.AiConversation.Turn> turns = new java.util.ArrayList<>();
        List<JsonBody> transcript = body.objectList("transcript");
        if (transcript == null) throw new ValidationException("transcript", "is required");
        for (JsonBody t : transcript) {
            t.allowOnly(Set.of("author", "text", "at"), Set.of());
            String author = t.requiredString("author");
            String text = t.requiredText("text");
            String at = t.string("at");
            java.time.Instant when = null;
            try {
                when = at == null ? null : java.time.Instant.parse(at);
            } catch (java.time.format.DateTimeParseException e) {
                throw new ValidationException("transcript.at", "must be an ISO-8601 instant");
            }
            if (author != null && !author.equals("customer") && !author.equals("ai")) throw new ValidationException("transcript.author", "must be customer or ai");
            turns.add(new com.helpdesk.core.service.AiConversation.Turn("customer".equals(author), text, when));
        }
        String intent = body.string("intent");
        Double confidence = body.number("confidence");
        String summary = body.text("summary");
        String outcome = body.requiredString("outcome");
        String reason = body.text("handoffReason");
        body.done();
        com.helpdesk.core.service.AiConversation.Outcome o;
        if ("resolved".equals(outcome)) o = com.helpdesk.core.service.AiConversation.Outcome.RESOLVED;
        else if ("handoff".equals(outcome)) o = com.helpdesk.core.service.AiConversation.Outcome.HANDOFF;
        else throw new ValidationException("outcome", "must be resolved or handoff");
        Caller c = req.caller();
        Actor ai = new Actor(ActorType.AI, c.subject(), c.name(), null);
        CreateResult r = aiIntake.recordAiConversation(new com.helpdesk.core.service.AiConversation(conversationId, channel, requester, turns,
                intent, confidence, summary, o, reason), ai);
        return ApiResponse.json(r.replayed() ? 200 : 201, TicketRepresentation.full(r.thread()))
                .header("Location", "/tickets/" + r.thread().ticket().id()).header("ETag", ETags.of(r.thread().ticket().version()));
    }

    private ApiResponse putChannel(ApiRequest req) {
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("kind", "name", "settings", "secrets"), Set.of("id", "webhookPath", "secretsSet"));
        String kind = body.requiredString("kind");
        String name = body.string("name");
        Map<String, String> settings = body.stringMap("settings");
        Map<String, String> secrets = body.stringMap("secrets");
        body.done();
        var result = channels.put(req.pathParameter("channelId"), kind, name, settings, secrets);
        return ApiResponse.json(result.getValue() ? 201 : 200, channel(result.getKey()))
                .header("Location", "/channels/" + result.getKey().id());
    }

    private ApiResponse getChannel(ApiRequest req) {
        return ApiResponse.json(200, channel(channels.get(req.pathParameter("channelId"))));
    }

    private ApiResponse listChannels(ApiRequest req) {
        onlyParameters(req, Set.of());
        return ApiResponse.json(200, Map.of("items", channels.list().stream().map(TicketRoutes::channel).toList()));
    }

    private ApiResponse deleteChannel(ApiRequest req) {
        channels.delete(req.pathParameter("channelId"));
        return ApiResponse.status(204);
    }

    /** A channel as admins see it: never its secrets, only which ones it needs. */
    private static Map<String, Object> channel(com.helpdesk.core.chat.ChatChannel c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("id", c.id());
        m.put("kind", c.kind().wire());
        m.put("name", c.name());
        m.put("settings", c.settings());
        m.put("secretsSet", c.kind().secrets());
        m.put("webhookPath", "/webhooks/chat/" + c.id());
        m.put("createdAt", c.createdAt().toString());
        m.put("updatedAt", c.updatedAt().toString());
        return m;
    }

    /** 303 to a short-lived download link (files can be larger than an API response may be). */
    private ApiResponse attachment(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        com.helpdesk.core.ticket.Attachment a = tickets.attachment(id, req.pathParameter("attachmentId"));
        if (a.id().startsWith("ref/")) return mediaReference(a);
        java.net.URI link = files.downloadLink(a, DOWNLOAD_LINK_TTL);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("url", link.toString());
        out.put("expiresInSeconds", DOWNLOAD_LINK_TTL.toSeconds());
        out.put("filename", a.filename());
        out.put("contentType", a.contentType());
        out.put("size", a.size());
        return ApiResponse.json(303, out).header("Location", link.toString()).header("Cache-Control", "no-store");
    }

    /**
     * Chat media is not copied here: a URL the customer's widget gave is where the file is (303 there);
     * a provider's media id (WhatsApp, Twilio) is fetched from the provider with the channel's token.
     */
    private static ApiResponse mediaReference(com.helpdesk.core.ticket.Attachment a) {
        String ref = a.id().substring("ref/".length());
        if (ref.startsWith("https://") || ref.startsWith("http://")) {
            return ApiResponse.json(303, Map.of("url", ref, "filename", String.valueOf(a.filename()))).header("Location", ref);
        }
        throw new HttpProblem(409, "media-at-provider", "Conflict", "this attachment is media kept by the chat provider ("
                + ref + "); it is fetched from the provider's media API with the channel's credentials");
    }

    private static ApiResponse withETag(TicketThread t) {
        return ApiResponse.json(200, TicketRepresentation.full(t)).header("ETag", ETags.of(t.ticket().version()));
    }

    private ApiResponse history(ApiRequest req) {
        String id = tickets.resolveId(req.pathParameter("id"));
        onlyParameters(req, HISTORY_PARAMS);
        HistoryPage page = tickets.history(id, limit(req, TicketQueries.MAX_HISTORY_PAGE_SIZE), req.query("cursor"));
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("items", page.entries().stream().map(TicketRepresentation::historyEntry).toList());
        out.put("nextCursor", page.nextCursor());
        return ApiResponse.json(200, out);
    }

    private static ApiResponse openApi(ApiRequest req) {
        try (InputStream in = TicketRoutes.class.getResourceAsStream("/openapi.yaml")) {
            if (in == null) throw new IllegalStateException("openapi.yaml missing from the function jar");
            return ApiResponse.status(200).header("Content-Type", "application/yaml; charset=utf-8")
                    .body(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Longest filter value: keeps every key a filter builds within the store's key size (2,048 bytes). */
    private static final int MAX_QUERY_VALUE = 512;
    /** A cursor holds a position per partition of a sharded view: far longer than a filter, still bounded. */
    private static final int MAX_CURSOR = 16 * 1024;

    /**
     * Refuses query parameters the route does not know, so a misspelt filter is never silently ignored,
     * and values no filter can hold (control characters, over 512 characters) before any store call.
     */
    private static void onlyParameters(ApiRequest req, Set<String> allowed) {
        for (Map.Entry<String, String> p : req.queryParameters().entrySet()) {
            if (!allowed.contains(p.getKey())) {
                throw new ValidationException(p.getKey(), "is not a known query parameter (allowed: " + String.join(", ", allowed) + ")");
            }
            String v = p.getValue() == null ? "" : p.getValue();
            int max = p.getKey().equals("cursor") ? MAX_CURSOR : MAX_QUERY_VALUE;
            if (v.length() > max || !com.helpdesk.http.TextFields.isSingleLine(v)) {
                throw new ValidationException(p.getKey(), "must be at most " + max + " characters, without control characters");
            }
        }
    }

    /** The page size asked for, or null for the default; the service checks the range. */
    static Integer limit(ApiRequest req, int max) {
        if (req.query("limit") == null) return null;
        try {
            return Integer.parseInt(req.query("limit"));
        } catch (NumberFormatException e) {
            throw new ValidationException("limit", "must be a whole number between 1 and " + max);
        }
    }

    /** JSON null clears the field, a string sets it, absence leaves it alone. */
    private static Optional<String> nullable(JsonBody body, String field) {
        if (!body.has(field)) return null;
        if (body.isNull(field)) return Optional.empty();
        String v = body.string(field);
        return v == null ? null : Optional.of(v);
    }

    private static OptionalLong ifMatch(ApiRequest req) {
        return ETags.expectedVersion(req.header("If-Match"));
    }

    private static Actor actor(ApiRequest req) {
        Caller c = req.caller();
        return new Actor(ActorType.AGENT, c.subject(), c.name(), c.email());
    }

    private static IdempotencyKey idempotencyKey(ApiRequest req) {
        String key = req.header("Idempotency-Key");
        if (key == null) return null;
        key = key.strip();
        if (key.isEmpty() || key.length() > 255) {
            throw HttpProblem.badRequest("Idempotency-Key must be 1 to 255 characters");
        }
        return new IdempotencyKey(req.caller().subject(), key, com.helpdesk.http.CanonicalJson.fingerprint(req.body()));
    }
}
