package com.helpdesk.api;

import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.JsonBody;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import static com.helpdesk.api.TicketRequests.onlyParameters;

/** The admins' routes for chat channels: their settings and which secrets they need, never the secrets. */
final class ChannelRoutes {
    private final ChannelService channels;

    ChannelRoutes(ChannelService channels) {
        this.channels = channels;
    }

    ApiResponse putChannel(ApiRequest req) {
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

    ApiResponse getChannel(ApiRequest req) {
        return ApiResponse.json(200, channel(channels.get(req.pathParameter("channelId"))));
    }

    ApiResponse listChannels(ApiRequest req) {
        onlyParameters(req, Set.of());
        return ApiResponse.json(200, Map.of("items", channels.list().stream().map(ChannelRoutes::channel).toList()));
    }

    ApiResponse deleteChannel(ApiRequest req) {
        channels.delete(req.pathParameter("channelId"));
        return ApiResponse.status(204);
    }

    /** A channel as admins see it: never its secrets, only which ones it needs. */
    private static Map<String, Object> channel(ChatChannel c) {
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
}
