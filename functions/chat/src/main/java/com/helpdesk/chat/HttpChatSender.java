package com.helpdesk.chat;

import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.chat.ChannelService;
import com.helpdesk.core.chat.ChatChannel;
import com.helpdesk.core.port.ChatSender;
import com.helpdesk.runtime.Json;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Replies in the providers' own request shapes: the generic channel's callbackUrl (our JSON, signed
 * like its webhooks), the WhatsApp Cloud API messages endpoint (Bearer access token), the Twilio
 * Conversations Messages resource (Basic auth, form-encoded). 429 and 5xx are transient; other
 * refusals permanent. {@code CHAT_API_BASE_URL} redirects every request (the local stack captures them).
 */
public final class HttpChatSender implements ChatSender {
    static final String GRAPH = "https://graph.facebook.com";
    static final String TWILIO = "https://conversations.twilio.com";

    private final HttpClient http;
    private final ChannelService channels;
    private final Clock clock;
    private final String override;

    public HttpChatSender(HttpClient http, ChannelService channels, Clock clock, String override) {
        this.http = http;
        this.channels = channels;
        this.clock = clock;
        this.override = override == null || override.isBlank() ? null : override.replaceAll("/+$", "");
    }

    /** @param apiBaseUrl where every request goes instead of the provider's API (CHAT_API_BASE_URL), or null */
    public static HttpChatSender create(ChannelService channels, Clock clock, String apiBaseUrl) {
        return new HttpChatSender(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), channels, clock, apiBaseUrl);
    }

    @Override
    public String send(ChatChannel ch, Reply reply) throws Failure {
        return switch (ch.kind()) {
            case GENERIC -> generic(ch, reply);
            case WHATSAPP -> whatsapp(ch, reply);
            case TWILIO -> twilio(ch, reply);
        };
    }

    private String generic(ChatChannel ch, Reply reply) throws Failure {
        String customerId = reply.customer().externalIds().get(ch.kind().wire());
        String conversation = customerId != null && reply.conversation().endsWith(":" + customerId)
                ? reply.conversation().substring(0, reply.conversation().length() - customerId.length() - 1) : reply.conversation();
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("id", reply.messageId());
        message.put("text", reply.text());
        message.put("sentAt", clock.instant().toString());
        message.put("author", reply.authorName() == null ? Map.of("type", "system") : Map.of("type", "agent", "name", reply.authorName()));
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("eventId", "evt-" + reply.messageId());
        body.put("conversationId", conversation);
        body.put("customer", Map.of("id", customerId == null ? "" : customerId));
        body.put("message", message);
        byte[] bytes = write(body);
        String signature = WebhookSignatures.generic(channels.secret(ch, "signingSecret"), clock.instant().getEpochSecond(), bytes);
        HttpResponse<String> r = call(HttpRequest.newBuilder(target(ch.settings().get("callbackUrl"), "generic"))
                .header("Content-Type", "application/json").header("X-Helpdesk-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)));
        JsonNode answer = readOrNull(r.body());
        return answer != null && answer.path("id").isTextual() ? answer.path("id").asText() : reply.messageId();
    }

    private String whatsapp(ChatChannel ch, Reply reply) throws Failure {
        String version = ch.settings().getOrDefault("graphApiVersion", "v21.0");
        String to = reply.conversation();
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("messaging_product", "whatsapp");
        body.put("recipient_type", "individual");
        body.put("to", to);
        body.put("type", "text");
        body.put("text", Map.of("preview_url", false, "body", reply.text()));
        HttpResponse<String> r = call(HttpRequest.newBuilder(target(GRAPH + "/" + version + "/" + ch.settings().get("phoneNumberId") + "/messages", "whatsapp"))
                .header("Content-Type", "application/json").header("Authorization", "Bearer " + channels.secret(ch, "accessToken"))
                .POST(HttpRequest.BodyPublishers.ofByteArray(write(body))));
        JsonNode answer = readOrNull(r.body());
        if (answer == null || !answer.path("messages").path(0).path("id").isTextual()) throw new Failure("WhatsApp answered without a message id", true);
        return answer.path("messages").path(0).path("id").asText();
    }

    private String twilio(ChatChannel ch, Reply reply) throws Failure {
        String form = "Author=" + enc(ch.settings().getOrDefault("agentIdentity", "helpdesk")) + "&Body=" + enc(reply.text());
        String auth = Base64.getEncoder().encodeToString((ch.settings().get("accountSid") + ":" + channels.secret(ch, "authToken"))
                .getBytes(StandardCharsets.UTF_8));
        HttpResponse<String> r = call(HttpRequest.newBuilder(target(TWILIO + "/v1/Conversations/" + enc(reply.conversation()) + "/Messages", "twilio"))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Authorization", "Basic " + auth)
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        JsonNode answer = readOrNull(r.body());
        if (answer == null || !answer.path("sid").isTextual()) throw new Failure("Twilio answered without a message sid", true);
        return answer.path("sid").asText();
    }

    /** The provider's URL, or the same request sent to the override: {@code <override>/<kind>/<host><path>}. */
    private URI target(String url, String kind) {
        if (override == null) return URI.create(url);
        URI u = URI.create(url);
        return URI.create(override + "/" + kind + "/" + u.getHost() + (u.getPort() > 0 ? ":" + u.getPort() : "") + u.getRawPath()
                + (u.getRawQuery() == null ? "" : "?" + u.getRawQuery()));
    }

    private HttpResponse<String> call(HttpRequest.Builder request) throws Failure {
        HttpResponse<String> r;
        try {
            r = http.send(request.timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new Failure("unreachable: " + e.getMessage(), false);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failure("interrupted", false);
        }
        int s = r.statusCode();
        if (s / 100 == 2) return r;
        String detail = "HTTP " + s + ": " + (r.body().length() > 300 ? r.body().substring(0, 300) : r.body());
        throw new Failure(detail, !(s == 429 || s == 408 || s >= 500));
    }

    private static byte[] write(Object body) {
        try {
            return Json.mapper().writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonNode readOrNull(String body) {
        try {
            return body == null || body.isBlank() ? null : Json.mapper().readTree(body);
        } catch (IOException e) {
            return null;
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
