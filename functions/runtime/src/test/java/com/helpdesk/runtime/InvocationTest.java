package com.helpdesk.runtime;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.OutputStreamAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.runtime.logging.LambdaJsonEncoder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Log lines as the functions write them: logback set up by FunctionLogging, with Powertools' fields. */
class InvocationTest {
    private static final Logger log = LoggerFactory.getLogger(InvocationTest.class);
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private OutputStreamAppender<ILoggingEvent> capture;

    @BeforeEach
    void captureWhatTheFunctionsWrite() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        LambdaJsonEncoder encoder = new LambdaJsonEncoder();
        encoder.setContext(context);
        encoder.start();
        capture = new OutputStreamAppender<>();
        capture.setContext(context);
        capture.setName("capture");
        capture.setEncoder(encoder);
        capture.setOutputStream(out);
        capture.start();
        context.getLogger(Logger.ROOT_LOGGER_NAME).addAppender(capture);
    }

    @AfterEach
    void stopCapturing() {
        LoggerContext context = (LoggerContext) LoggerFactory.getILoggerFactory();
        context.getLogger(Logger.ROOT_LOGGER_NAME).detachAppender(capture);
        capture.stop();
    }

    @Test
    void eachLineIsOneJsonObjectWithTheInvocationAndTheRecordsCorrelationAndTicket() throws Exception {
        Invocation.handle(new FakeContext("helpdesk-InboundProcessor", "req-1"), () -> {
            Invocation.record("sqs-msg-1", () -> {
                log.info("threading");
                Invocation.ticket("01JTICKET");
                log.info("threaded \"quoted\"");
            });
            Invocation.record("sqs-msg-2", () -> log.info("next"));
            log.info("batch done");
            return null;
        });
        List<JsonNode> lines = lines();
        assertThat(lines).hasSize(4);
        JsonNode first = lines.get(0);
        assertThat(first.path("level").asText()).isEqualTo("INFO");
        assertThat(first.path("message").asText()).isEqualTo("threading");
        assertThat(first.path("function_name").asText()).isEqualTo("helpdesk-InboundProcessor");
        assertThat(first.path("function_request_id").asText()).isEqualTo("req-1");
        assertThat(first.path("cold_start").isBoolean()).as("cold_start as JSON true or false").isTrue();
        assertThat(first.path("function_memory_size").isInt()).isTrue();
        assertThat(first.path("function_memory_size").asInt()).isEqualTo(1024);
        assertThat(first.path("function_arn").asText()).endsWith(":function:helpdesk-InboundProcessor");
        assertThat(first.path("service").asText()).isNotBlank();
        assertThat(first.path("correlation_id").asText()).isEqualTo("sqs-msg-1");
        assertThat(first.has("ticket_id")).isFalse();
        assertThat(lines.get(1).path("ticket_id").asText()).isEqualTo("01JTICKET");
        assertThat(lines.get(1).path("message").asText()).isEqualTo("threaded \"quoted\"");
        assertThat(lines.get(2).path("correlation_id").asText()).isEqualTo("sqs-msg-2");
        assertThat(lines.get(2).has("ticket_id")).as("the ticket belongs to the record before").isFalse();
        assertThat(lines.get(3).has("correlation_id")).isFalse();
    }

    @Test
    void aLoggedExceptionCarriesItsClassMessageAndStack() throws Exception {
        log.error("delivery failed", new IllegalStateException("provider said 503"));
        JsonNode line = lines().get(0);
        assertThat(line.path("level").asText()).isEqualTo("ERROR");
        assertThat(line.path("error").path("name").asText()).isEqualTo("java.lang.IllegalStateException");
        assertThat(line.path("error").path("message").asText()).isEqualTo("provider said 503");
        assertThat(line.path("error").path("stack").asText()).contains("InvocationTest");
    }

    @Test
    void theRecordsKeysAreClearedWhenItsWorkFails() {
        assertThatThrownBy(() -> Invocation.record("sqs-msg-3", () -> {
            Invocation.ticket("01JOTHER");
            throw new IllegalStateException("boom");
        })).hasMessage("boom");
        assertThat(org.slf4j.MDC.get(Invocation.CORRELATION_ID)).isNull();
        assertThat(org.slf4j.MDC.get(Invocation.TICKET_ID)).isNull();
    }

    private List<JsonNode> lines() throws Exception {
        List<JsonNode> lines = new ArrayList<>();
        for (String line : out.toString(StandardCharsets.UTF_8).split("\n")) {
            if (!line.isBlank()) lines.add(Json.mapper().readTree(line));
        }
        return lines;
    }
}
