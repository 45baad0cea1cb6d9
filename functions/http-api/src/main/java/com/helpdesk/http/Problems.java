package com.helpdesk.http;

import com.helpdesk.core.ContentionException;
import com.helpdesk.core.NotFoundException;
import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.VersionConflictException;

import java.util.List;
import java.util.Map;

/** Maps the domain's refusals to HTTP problems: one place decides which status each refusal gets. */
public final class Problems {
    private Problems() {}

    public static HttpProblem from(RuntimeException e) {
        if (e instanceof HttpProblem p) return p;
        if (e instanceof ValidationException v) {
            List<Map<String, String>> errors = v.errors().stream()
                    .map(f -> Map.of("field", f.field(), "reason", f.reason())).toList();
            return new HttpProblem(400, "validation-error", "Invalid request", v.getMessage(), errors, Map.of());
        }
        if (e instanceof com.helpdesk.core.csat.CsatToken.Forged) {
            return new HttpProblem(401, "invalid-survey-link", "Unauthorized", e.getMessage());
        }
        if (e instanceof com.helpdesk.core.csat.CsatToken.Expired) {
            return new HttpProblem(410, "survey-closed", "Gone", e.getMessage());
        }
        if (e instanceof NotFoundException) {
            return new HttpProblem(404, "not-found", "Not Found", e.getMessage());
        }
        if (e instanceof VersionConflictException c) {
            return new HttpProblem(412, "stale-version", "Precondition Failed", e.getMessage(), List.of(),
                    Map.of("ETag", ETags.of(c.currentVersion())));
        }
        if (e instanceof ContentionException c) {
            long seconds = Math.max(1, (c.retryAfter().toMillis() + 999) / 1000);
            return new HttpProblem(503, "ticket-busy", "Service Unavailable", e.getMessage(), List.of(),
                    Map.of("Retry-After", Long.toString(seconds)));
        }
        if (e instanceof StateConflictException s) {
            int status = "idempotency-key-reused".equals(s.code()) ? 422 : 409;
            return new HttpProblem(status, s.code(), status == 422 ? "Unprocessable Content" : "Conflict", e.getMessage());
        }
        return null;
    }
}
