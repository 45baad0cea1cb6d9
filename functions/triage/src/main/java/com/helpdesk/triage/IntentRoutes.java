package com.helpdesk.triage;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.IntentPrediction;
import com.helpdesk.core.triage.IntentTriage;
import com.helpdesk.core.triage.IntentWire;
import com.helpdesk.http.ApiRequest;
import com.helpdesk.http.ApiResponse;
import com.helpdesk.http.Caller;
import com.helpdesk.http.JsonBody;
import com.helpdesk.http.Router;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * {@code POST /intents/classify}: what the classifier says about a subject and text, nothing stored. For agents
 * and admins trying messages, and for integrations classifying before they post. {@code intent} is null under
 * the tagging threshold, as on a ticket; {@code suggestions} always holds the three best, so an admin sees how
 * close the runner-up was.
 */
final class IntentRoutes {
    static final int MAX_TEXT = 100_000;
    private static final Set<String> CALLERS = Set.of(Caller.AGENT, Caller.ADMIN, Caller.INTEGRATION);

    private IntentRoutes() {}

    static Router router(IntentTriage triage) {
        return new Router().route("POST /intents/classify", CALLERS, req -> classify(triage, req));
    }

    private static ApiResponse classify(IntentTriage triage, ApiRequest req) {
        JsonBody body = JsonBody.parse(req).allowOnly(Set.of("subject", "text"), Set.of());
        String subject = body.string("subject");
        String text = body.requiredText("text");
        body.done();
        if (text.isBlank()) throw new ValidationException("text", "must not be empty");
        if (text.length() > MAX_TEXT) throw new ValidationException("text", "is longer than " + MAX_TEXT + " characters");
        IntentPrediction prediction = triage.predict(subject, text, null);
        Intent intent = triage.policy().decide(prediction, null);
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("intent", intent.name() == null ? null : intent.name().wire());
        out.put("confidence", IntentWire.scores(prediction.top(1)).get(0).get("confidence"));
        out.put("language", prediction.language());
        out.put("model", prediction.model());
        out.put("threshold", triage.policy().threshold());
        out.put("suggestions", IntentWire.scores(prediction.top(3)));
        return ApiResponse.json(200, out);
    }
}
