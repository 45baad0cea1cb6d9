package com.helpdesk.inboundemail;

import com.helpdesk.runtime.Invocation;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.email.MailReception;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.SnapStartPriming;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SES receipt rule's Lambda action (after its S3 action stored the raw message): one normalised
 * message per received mail goes to the inbound queue. A failure (storage, queue) is thrown, so Lambda's
 * asynchronous retries and then the on-failure destination keep the mail; the raw source stays in S3.
 */
public final class InboundEmailHandler implements RequestStreamHandler {
    private final MailReception reception;
    private final String rawPrefix;

    public InboundEmailHandler() {
        this(InboundEmailWiring.fromEnvironment());
    }

    private InboundEmailHandler(InboundEmailWiring wiring) {
        this(wiring.reception(), wiring.rawMailPrefix());
        SnapStartPriming.register(wiring.primer());
    }

    public InboundEmailHandler(MailReception reception, String rawPrefix) {
        this.reception = reception;
        this.rawPrefix = rawPrefix;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.mapper().readTree(input);
        Map<String, Object> response;
        try {
            response = Invocation.handle(context, () -> receive(event));
        } catch (java.io.UncheckedIOException e) {
            throw e.getCause(); // thrown as it was: Lambda retries, then the on-failure destination keeps the mail
        }
        Json.mapper().writeValue(output, response);
    }

    private Map<String, Object> receive(JsonNode event) {
        List<Map<String, Object>> results = new ArrayList<>();
        for (MailReception.Arrival arrival : SesReceipt.arrivals(event, rawPrefix)) {
            InboundMessage m = Invocation.record(arrival.providerMessageId(), () -> receive(arrival));
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("messageId", arrival.providerMessageId());
            r.put("kind", m.kind().name().toLowerCase(java.util.Locale.ROOT));
            r.put("dedupeKey", m.dedupeKey());
            r.put("tags", m.tags());
            results.add(r);
        }
        return Map.of("disposition", "CONTINUE", "received", results);
    }

    private InboundMessage receive(MailReception.Arrival arrival) {
        try {
            return reception.receive(arrival);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
