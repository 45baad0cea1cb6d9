package com.helpdesk.api;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.port.IdempotencyKey;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.ActorType;
import com.helpdesk.core.ticket.TicketThread;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.CanonicalJson;
import com.helpdesk.http.Caller;
import com.helpdesk.http.ETags;
import com.helpdesk.http.HttpProblem;
import com.helpdesk.http.TextFields;
import com.helpdesk.http.TicketRepresentation;

import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;

/** What every ticket route reads from a request the same way: query parameters, page size, If-Match, the acting agent. */
final class TicketRequests {
    /** Longest filter value: keeps every key a filter builds within the store's key size (2,048 bytes). */
    private static final int MAX_QUERY_VALUE = 512;
    /** A cursor holds a position per partition of a sharded view: far longer than a filter, still bounded. */
    private static final int MAX_CURSOR = 16 * 1024;

    private TicketRequests() {}

    /**
     * Refuses query parameters the route does not know, so a misspelt filter is never silently ignored,
     * and values no filter can hold (control characters, over 512 characters) before any store call.
     */
    static void onlyParameters(ApiRequest req, Set<String> allowed) {
        for (Map.Entry<String, String> p : req.queryParameters().entrySet()) {
            if (!allowed.contains(p.getKey())) {
                throw new ValidationException(p.getKey(), "is not a known query parameter (allowed: " + String.join(", ", allowed) + ")");
            }
            String v = p.getValue() == null ? "" : p.getValue();
            int max = p.getKey().equals("cursor") ? MAX_CURSOR : MAX_QUERY_VALUE;
            if (v.length() > max || !TextFields.isSingleLine(v)) {
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

    static OptionalLong ifMatch(ApiRequest req) {
        return ETags.expectedVersion(req.header("If-Match"));
    }

    /** The agent (or admin) calling: who every change is recorded as. */
    static Actor actor(ApiRequest req) {
        Caller c = req.caller();
        return new Actor(ActorType.AGENT, c.subject(), c.name(), c.email());
    }

    static IdempotencyKey idempotencyKey(ApiRequest req) {
        String key = req.header("Idempotency-Key");
        if (key == null) return null;
        key = key.strip();
        if (key.isEmpty() || key.length() > 255) {
            throw HttpProblem.badRequest("Idempotency-Key must be 1 to 255 characters");
        }
        return new IdempotencyKey(req.caller().subject(), key, CanonicalJson.fingerprint(req.body()));
    }

    /** 200 with the whole ticket and its version as ETag. */
    static ApiResponse withETag(TicketThread t) {
        return ApiResponse.json(200, TicketRepresentation.full(t)).header("ETag", ETags.of(t.ticket().version()));
    }

    /** 201 with the new (or changed) ticket, where it is, and its version as ETag. */
    static ApiResponse created(TicketThread t) {
        return ApiResponse.json(201, TicketRepresentation.full(t))
                .header("Location", "/tickets/" + t.ticket().id())
                .header("ETag", ETags.of(t.ticket().version()));
    }
}
