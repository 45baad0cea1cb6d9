package com.helpdesk.runtime;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * One value as a CloudWatch embedded metric format document (EMF, one JSON line that CloudWatch Logs turns into
 * metrics: https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/CloudWatch_Embedded_Metric_Format_Specification.html),
 * under the dimension set {Stack} and, with a breakdown, {Stack, breakdown} too, with the properties the EMF library
 * adds in Lambda (execution environment, function version, log stream, a sampled trace). It writes what Powertools'
 * metrics wrote before, checked the same way, with the project's Jackson generator: Powertools' first flush loaded
 * its metrics module, the EMF library and their object mapping, some 180 ms of a cold function's first count.
 */
record EmbeddedMetric(String namespace, String stack, String name, double value, Unit unit, String dimension, String dimensionValue) {
    /** The CloudWatch units the project emits. */
    enum Unit {
        COUNT("Count"), SECONDS("Seconds");

        final String wire;

        Unit(String wire) {
            this.wire = wire;
        }
    }

    private static final Pattern NAMESPACE = Pattern.compile("[a-zA-Z0-9._#:/-]{1,255}");
    /** CloudWatch's dimension names and values: printable ASCII, no spaces, 250 and 1,024 characters at most. */
    private static final Pattern DIMENSION_NAME = Pattern.compile("[\\x21-\\x7E&&[^:]][\\x21-\\x7E]{0,249}");
    private static final Pattern DIMENSION_VALUE = Pattern.compile("[\\x21-\\x7E]{1,1024}");
    private static final Pattern METRIC_NAME = Pattern.compile("[\\x21-\\x7E]{1,255}");

    /** @throws IllegalArgumentException naming what CloudWatch would refuse (the value is then not emitted) */
    EmbeddedMetric {
        if (namespace == null || !NAMESPACE.matcher(namespace).matches()) throw new IllegalArgumentException("namespace '" + namespace + "' is not a CloudWatch namespace");
        if (name == null || !METRIC_NAME.matcher(name).matches()) throw new IllegalArgumentException("metric name '" + name + "' is not a CloudWatch metric name");
        if (!Double.isFinite(value)) throw new IllegalArgumentException("metric " + name + " has no finite value");
        dimension("Stack", stack);
        if (dimension != null) dimension(dimension, dimensionValue);
    }

    private static void dimension(String key, String value) {
        if (!DIMENSION_NAME.matcher(key).matches()) throw new IllegalArgumentException("dimension name '" + key + "' is not a CloudWatch dimension name");
        if (value == null || !DIMENSION_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("dimension " + key + " has no value CloudWatch takes (1 to 1024 printable ASCII characters, no spaces)");
        }
    }

    /** The document, one line, at {@code at}, with {@code properties} ({@link #lambdaProperties}) beside the values. */
    String line(Instant at, Map<String, String> properties) {
        return Json.write(g -> {
            g.writeStartObject();
            g.writeObjectFieldStart("_aws");
            g.writeNumberField("Timestamp", at.toEpochMilli());
            g.writeArrayFieldStart("CloudWatchMetrics");
            g.writeStartObject();
            g.writeStringField("Namespace", namespace);
            g.writeArrayFieldStart("Dimensions");
            g.writeStartArray();
            g.writeString("Stack");
            g.writeEndArray();
            if (dimension != null) {
                g.writeStartArray();
                g.writeString("Stack");
                g.writeString(dimension);
                g.writeEndArray();
            }
            g.writeEndArray();
            g.writeArrayFieldStart("Metrics");
            g.writeStartObject();
            g.writeStringField("Name", name);
            g.writeStringField("Unit", unit.wire);
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            g.writeEndArray();
            g.writeEndObject();
            for (Map.Entry<String, String> p : properties.entrySet()) g.writeStringField(p.getKey(), p.getValue());
            g.writeStringField("Stack", stack);
            if (dimension != null) g.writeStringField(dimension, dimensionValue);
            g.writeNumberField(name, value);
            g.writeEndObject();
        });
    }

    /** What the EMF library's Lambda environment adds to each document, from the variables Lambda sets (read once). */
    static Map<String, String> lambdaProperties(Map<String, String> environment) {
        Map<String, String> p = new LinkedHashMap<>();
        putIfSet(p, "executionEnvironment", environment.get("AWS_EXECUTION_ENV"));
        putIfSet(p, "functionVersion", environment.get("AWS_LAMBDA_FUNCTION_VERSION"));
        putIfSet(p, "logStreamId", environment.get("AWS_LAMBDA_LOG_STREAM_NAME"));
        String trace = environment.get("_X_AMZN_TRACE_ID");
        if (trace != null && trace.contains("Sampled=1")) p.put("traceId", trace);
        return java.util.Collections.unmodifiableMap(p);
    }

    private static void putIfSet(Map<String, String> p, String key, String value) {
        if (value != null && !value.isEmpty()) p.put(key, value);
    }
}
