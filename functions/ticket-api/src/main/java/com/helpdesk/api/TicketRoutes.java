package com.helpdesk.api;

import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.core.csat.CsatService;
import com.helpdesk.core.orders.OrderContextReads;
import com.helpdesk.core.port.FileStore;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.sla.TicketSlaQueries;
import com.helpdesk.core.triage.IntentRecords;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.Caller;
import com.helpdesk.http.Router;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/**
 * The ticket API's router: every route, who may call it, and which route class answers it (each decodes the
 * request, calls the ticket service, encodes the answer).
 */
final class TicketRoutes {
    private static final Set<String> STAFF = Set.of(Caller.AGENT, Caller.ADMIN);
    private static final Set<String> ADMINS = Set.of(Caller.ADMIN);

    private TicketRoutes() {}

    static Router router(TicketDesk desk, CsatService surveys, FileStore files, ChannelService channels, TicketSlaQueries sla,
                         OrderContextReads orders, IntentRecords intents) {
        var views = new TicketViewRoutes(desk.queries(), surveys, files, new SlaTicketViews(sla), new TicketDetailView(sla, orders, intents));
        var commands = new TicketCommandRoutes(desk.commands(), desk.queries(), intents);
        var relations = new TicketRelationRoutes(desk.relations(), desk.queries());
        var ai = new AiConversationRoutes(desk.ai());
        var channelRoutes = new ChannelRoutes(channels);
        return new Router()
                .route("POST /tickets", STAFF, commands::create)
                .route("GET /tickets", STAFF, views::list)
                .route("GET /tickets/{id}", STAFF, views::get)
                .route("PATCH /tickets/{id}", STAFF, commands::update)
                .route("POST /tickets/{id}/messages", STAFF, commands::addMessage)
                .route("POST /tickets/{id}/escalate", STAFF, commands::escalate)
                .route("GET /tickets/{id}/history", STAFF, views::history)
                .route("POST /tickets/{id}/links", STAFF, relations::link)
                .route("DELETE /tickets/{id}/links/{otherId}", STAFF, relations::unlink)
                .route("POST /tickets/{id}/merge", STAFF, relations::merge)
                .route("POST /tickets/bulk", STAFF, commands::bulk)
                .route("POST /tickets/{id}/split", STAFF, relations::split)
                .route("GET /tickets/{id}/csat", STAFF, views::csat)
                .route("GET /tickets/{id}/attachments/{attachmentId}", STAFF, views::attachment)
                .route("POST /ai/conversations", Set.of(Caller.INTEGRATION), ai::aiConversation)
                .route("GET /inbound/unthreaded", STAFF, views::unthreaded)
                .route("GET /channels", ADMINS, channelRoutes::listChannels)
                .route("GET /channels/{channelId}", ADMINS, channelRoutes::getChannel)
                // ChannelService.put checks the id with the settings before any store call, so both are reported at once
                .routeCheckedByService("PUT /channels/{channelId}", ADMINS, Set.of("channelId"), channelRoutes::putChannel)
                .route("DELETE /channels/{channelId}", ADMINS, channelRoutes::deleteChannel)
                .route("GET /openapi.yaml", Set.of(), TicketRoutes::openApi);
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
}
