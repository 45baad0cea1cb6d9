package com.helpdesk.runtime.logging;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.IThrowableProxy;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.encoder.EncoderBase;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import software.amazon.lambda.powertools.logging.argument.StructuredArgument;
import software.amazon.lambda.powertools.logging.internal.JsonSerializer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * One JSON object per log event, with the fields of Powertools' Lambda JSON layout (the ones its log4j template names,
 * in its order): level, message, error {message, name, stack}, the invocation's fields that Powertools puts in the MDC
 * (cold_start and the memory size as JSON boolean and number), timestamp, then every other MDC key and Powertools'
 * structured arguments. Written with Jackson's generator, which escapes whatever a customer wrote.
 *
 * <p>Why not Powertools' own: its logback module (which has this encoder) is not served by this project's registry, and
 * its log4j module costs every cold start ~350 ms and ~1,000 classes for log4j's start (issue 11, README "Benchmarks").
 */
public final class LambdaJsonEncoder extends EncoderBase<ILoggingEvent> {
    /** Powertools' fields in the order of its layout; the MDC keys are {@code PowertoolsLoggedFields}' names. */
    static final List<String> INVOCATION_FIELDS = List.of("cold_start", "function_arn", "function_memory_size",
            "function_name", "function_request_id", "function_version", "sampling_rate", "service");
    private static final List<String> AFTER_TIMESTAMP = List.of("xray_trace_id", "correlation_id");
    private static final Set<String> NUMBERS = Set.of("function_memory_size", "sampling_rate");
    private static final Pattern DECIMAL = Pattern.compile("-?\\d{1,18}(\\.\\d{1,17})?");
    /** Every key Powertools puts in the MDC: written in their places, not again among the other keys. */
    static final Set<String> OWN = powertoolsKeys();
    private static final DateTimeFormatter TIMESTAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);
    private static final byte[] NOTHING = new byte[0];
    private static final JsonFactory JSON = new JsonFactory();
    /** Only for Powertools' structured arguments: built when a line first has one (the functions write none). */
    private static final class Tree {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private static Set<String> powertoolsKeys() {
        Set<String> keys = new HashSet<>(INVOCATION_FIELDS);
        keys.addAll(AFTER_TIMESTAMP);
        return Set.copyOf(keys);
    }

    @Override
    public byte[] headerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] footerBytes() {
        return NOTHING;
    }

    @Override
    public byte[] encode(ILoggingEvent event) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(512);
        Map<String, String> mdc = event.getMDCPropertyMap();
        try (JsonGenerator out = JSON.createGenerator(bytes)) {
            out.writeStartObject();
            out.writeStringField("level", event.getLevel().toString());
            field(out, "message", event.getFormattedMessage());
            error(out, event.getThrowableProxy());
            for (String key : INVOCATION_FIELDS) invocationField(out, key, mdc.get(key));
            field(out, "timestamp", TIMESTAMP.format(event.getInstant()));
            for (String key : AFTER_TIMESTAMP) field(out, key, mdc.get(key));
            for (Map.Entry<String, String> e : mdc.entrySet()) {
                if (!OWN.contains(e.getKey())) field(out, e.getKey(), e.getValue());
            }
            structuredArguments(out, event.getArgumentArray());
            out.writeEndObject();
        } catch (IOException cannot) {
            // the generator writes to memory
            throw new UncheckedIOException(cannot);
        }
        bytes.write('\n');
        return bytes.toByteArray();
    }

    private static void error(JsonGenerator out, IThrowableProxy thrown) throws IOException {
        if (thrown == null) return;
        out.writeObjectFieldStart("error");
        out.writeStringField("message", thrown.getMessage());
        field(out, "name", thrown.getClassName());
        field(out, "stack", ThrowableProxyUtil.asString(thrown));
        out.writeEndObject();
    }

    private static void invocationField(JsonGenerator out, String key, String value) throws IOException {
        if (value == null) return;
        if ("cold_start".equals(key) && ("true".equals(value) || "false".equals(value))) {
            out.writeBooleanField(key, Boolean.parseBoolean(value));
        } else if (NUMBERS.contains(key) && isNumber(value)) {
            out.writeFieldName(key);
            out.writeNumber(value);
        } else {
            field(out, key, value);
        }
    }

    /** A plain decimal number, written as is (the MDC holds Lambda's memory size and the sampling rate as text). */
    static boolean isNumber(String value) {
        return DECIMAL.matcher(value).matches();
    }

    private static void field(JsonGenerator out, String key, String value) throws IOException {
        if (value != null) out.writeStringField(key, value);
    }

    /**
     * Powertools' {@code entry(...)} and {@code entries(...)} arguments, as its layouts write them: with its serializer,
     * which leaves control characters unescaped, so they go through Jackson's tree before they join the line.
     */
    private static void structuredArguments(JsonGenerator out, Object[] arguments) throws IOException {
        if (arguments == null) return;
        for (Object argument : arguments) {
            if (!(argument instanceof StructuredArgument structured)) continue;
            StringBuilder written = new StringBuilder("{");
            try (JsonSerializer serializer = new JsonSerializer(written)) {
                structured.writeTo(serializer);
            }
            JsonNode fields = Tree.MAPPER.readTree(written.append('}').toString());
            for (Map.Entry<String, JsonNode> f : (Iterable<Map.Entry<String, JsonNode>>) fields::fields) {
                out.writeFieldName(f.getKey());
                Tree.MAPPER.writeTree(out, f.getValue());
            }
        }
    }
}
