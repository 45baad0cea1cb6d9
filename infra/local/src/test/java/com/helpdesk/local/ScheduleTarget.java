package com.helpdesk.local;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;

/**
 * ScheduleIT's function: a stream handler of its own (packaged with aws-lambda-java-core alone), which answers a
 * schedule's event and refuses anything that is not a JSON object, so the test sees each firing delivered, whatever
 * the project's functions expect of their own triggers.
 */
public final class ScheduleTarget implements RequestStreamHandler {
    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        String event = new String(input.readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!event.startsWith("{") || !event.endsWith("}")) throw new IllegalArgumentException("not a JSON object: " + event);
        output.write("{\"received\":true}".getBytes(StandardCharsets.UTF_8));
    }
}
