package com.helpdesk.runtime.logging;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.LoggingEvent;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import software.amazon.lambda.powertools.logging.argument.StructuredArguments;
import software.amazon.lambda.powertools.logging.internal.PowertoolsLoggedFields;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class LambdaJsonEncoderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final LoggerContext context = new LoggerContext();
    private final LambdaJsonEncoder encoder = new LambdaJsonEncoder();

    @Test
    void writesPowertoolsFieldsInItsLayoutsOrderWithTheirJsonTypes() throws Exception {
        Map<String, String> mdc = new LinkedHashMap<>();
        mdc.put("ticket_id", "tkt_1");
        mdc.put("service", "helpdesk");
        mdc.put("cold_start", "true");
        mdc.put("function_memory_size", "1024");
        mdc.put("function_name", "helpdesk-TicketApi");
        mdc.put("function_request_id", "req-1");
        mdc.put("correlation_id", "corr-1");
        mdc.put("xray_trace_id", "1-5759e988-bd862e3fe1be46a994272793");
        mdc.put("sampling_rate", "0.1");
        String line = encode(event(Level.INFO, "ticket {} opened", new Object[]{"tkt_1"}, null, mdc, 1_764_694_800_007L));

        assertThat(line).endsWith("}\n").doesNotContain("\n{");
        JsonNode json = JSON.readTree(line);
        assertThat(fieldNames(json)).containsExactly("level", "message", "cold_start", "function_memory_size", "function_name",
                "function_request_id", "sampling_rate", "service", "timestamp", "xray_trace_id", "correlation_id", "ticket_id");
        assertThat(json.path("level").asText()).isEqualTo("INFO");
        assertThat(json.path("message").asText()).isEqualTo("ticket tkt_1 opened");
        assertThat(json.path("cold_start").isBoolean()).isTrue();
        assertThat(json.path("cold_start").asBoolean()).isTrue();
        assertThat(json.path("function_memory_size").isInt()).isTrue();
        assertThat(json.path("function_memory_size").asInt()).isEqualTo(1024);
        assertThat(json.path("sampling_rate").isNumber()).isTrue();
        assertThat(json.path("timestamp").asText()).isEqualTo("2025-12-02T17:00:00.007Z");
    }

    @Test
    void aFailureCarriesItsClassMessageAndStackWithItsCause() throws Exception {
        var failure = new IllegalStateException("provider said 503", new java.io.IOException("reset"));
        JsonNode json = JSON.readTree(encode(event(Level.ERROR, "delivery failed", null, failure, Map.of(), 0)));
        assertThat(json.path("level").asText()).isEqualTo("ERROR");
        assertThat(json.path("error").path("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(json.path("error").path("message").asText()).isEqualTo("provider said 503");
        assertThat(json.path("error").path("stack").asText())
                .contains("java.lang.IllegalStateException: provider said 503")
                .contains("LambdaJsonEncoderTest")
                .contains("Caused by: java.io.IOException: reset");
    }

    @Test
    void whateverACustomerWroteStaysOneValidJsonLine() throws Exception {
        String hostile = "line one\nline two\r\t\"quoted\" \\ back \u0000\u001f é 中文 😀 </script>";
        JsonNode json = JSON.readTree(encode(event(Level.WARN, hostile, null, null, Map.of("subject", hostile), 0)));
        assertThat(json.path("message").asText()).isEqualTo(hostile);
        assertThat(json.path("subject").asText()).isEqualTo(hostile);
        assertThat(encode(event(Level.WARN, hostile, null, null, Map.of(), 0)).strip()).doesNotContain("\n");
    }

    @Test
    void fieldsThatAreNotThereAreLeftOutAndOddValuesStayText() throws Exception {
        JsonNode json = JSON.readTree(encode(event(Level.DEBUG, null, null, null,
                Map.of("cold_start", "maybe", "function_memory_size", "1e400"), 0)));
        assertThat(fieldNames(json)).containsExactly("level", "cold_start", "function_memory_size", "timestamp");
        assertThat(json.path("cold_start").asText()).isEqualTo("maybe");
        assertThat(json.path("function_memory_size").isTextual()).isTrue();
    }

    @Test
    void powertoolsStructuredArgumentsBecomeFields() throws Exception {
        Object[] arguments = {StructuredArguments.entry("order", "#1001"), StructuredArguments.entries(Map.of("items", 3))};
        JsonNode json = JSON.readTree(encode(event(Level.INFO, "looked up {} {}", arguments, null, Map.of(), 0)));
        assertThat(json.path("order").asText()).isEqualTo("#1001");
        assertThat(json.path("items").asInt()).isEqualTo(3);
    }

    @Test
    void knowsEveryFieldPowertoolsPutsInTheMdc() {
        assertThat(LambdaJsonEncoder.OWN).as("a Powertools upgrade that adds a field")
                .containsExactlyInAnyOrderElementsOf(PowertoolsLoggedFields.stringValues());
    }

    @Test
    void onlyPlainDecimalsPassAsNumbers() {
        assertThat(LambdaJsonEncoder.isNumber("1024")).isTrue();
        assertThat(LambdaJsonEncoder.isNumber("0.25")).isTrue();
        assertThat(LambdaJsonEncoder.isNumber("-1")).isTrue();
        assertThat(LambdaJsonEncoder.isNumber("1e3")).isFalse();
        assertThat(LambdaJsonEncoder.isNumber("NaN")).isFalse();
        assertThat(LambdaJsonEncoder.isNumber("12,5")).isFalse();
        assertThat(LambdaJsonEncoder.isNumber("1}")).isFalse();
        assertThat(LambdaJsonEncoder.isNumber("")).isFalse();
    }

    private String encode(LoggingEvent event) {
        encoder.setContext(context);
        encoder.start();
        return new String(encoder.encode(event), StandardCharsets.UTF_8);
    }

    private LoggingEvent event(Level level, String message, Object[] arguments, Throwable thrown, Map<String, String> mdc,
                               long epochMilli) {
        LoggingEvent event = new LoggingEvent(getClass().getName(), context.getLogger("test"), level, message, thrown, arguments);
        event.setMDCPropertyMap(mdc);
        event.setInstant(Instant.ofEpochMilli(epochMilli));
        return event;
    }

    private static List<String> fieldNames(JsonNode json) {
        List<String> names = new ArrayList<>();
        json.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
