package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * What an end-to-end journey needs from a running Helpdesk, whichever it is: the local stack started in
 * this JVM ({@link LocalDriver}, the default) or a deployed stack ({@link AwsDriver}, chosen by the system
 * property {@code helpdesk.stack}, which {@code -Pdeployed -Dstack=NAME} sets). The journeys talk to the
 * API over HTTP either way; only how a caller gets a token, how a mail reaches the intake and how the
 * bus is watched differ. What only the local stack can do (move its clock, show what it sent, inject
 * faults) is a {@link Capability}: a journey that needs one calls {@link #assume} and is skipped elsewhere.
 */
interface HelpdeskDriver extends AutoCloseable {
    /** The system property naming the deployed stack to drive; absent or blank: the local stack. */
    String STACK_PROPERTY = "helpdesk.stack";

    /** What only some targets offer. */
    enum Capability {
        /** {@code /_local/clock}: time can be moved (windows, SLAs, auto-close). */
        CLOCK("the journey moves the clock, which only the local stack can do"),
        /** {@code /_local/outbox}: the mail and chat messages the stack sent can be read back. */
        OUTBOX("the journey reads what was sent (mail, chat replies) from the local outbox; a deployed stack really sends it"),
        /** {@code /_local/faults}: the next calls to a dependency can be made to fail. */
        FAULTS("the journey injects faults into AWS calls, which only the local stack can do"),
        /** The local bus reports which rules each event matched. */
        RULE_MATCHES("the journey checks which bus rules matched an event, which only the local bus reports");

        final String whyOnlyLocal;

        Capability(String whyOnlyLocal) {
            this.whyOnlyLocal = whyOnlyLocal;
        }
    }

    /** One event as the bus carried it: its EventBridge envelope, and the rules it matched where known. */
    record PublishedEvent(JsonNode event, List<String> matchedRules) {
        String detailType() {
            return event.path("detail-type").asText();
        }

        JsonNode detail() {
            return event.path("detail");
        }
    }

    /** The driver the build asked for: {@code -Dhelpdesk.stack=NAME} drives that deployed stack, otherwise a local one starts. */
    static HelpdeskDriver start() {
        String stack = deployedStackName();
        return stack == null ? LocalDriver.start() : AwsDriver.connect(stack);
    }

    /** The deployed stack the build names, or null for the local stack. */
    static String deployedStackName() {
        String stack = System.getProperty(STACK_PROPERTY);
        return stack == null || stack.isBlank() || stack.startsWith("${") ? null : stack.strip();
    }

    /** For a whole class (in @BeforeAll, before anything starts): skips it unless the target has the capability. */
    static void assumeTarget(Capability needed) {
        assumeTrue(deployedStackName() == null, () -> "skipped against the deployed stack " + deployedStackName() + ": " + needed.whyOnlyLocal);
    }

    /** The API's base URL, without a trailing slash. */
    String baseUrl();

    /** A bearer token for a caller of this role (agent, admin, lead, integration); {@code name} names the caller where the target can. */
    String token(String name, String role);

    /** The caller id the API records for {@link #token}'s caller (the name locally, the app client's id on a deployed stack). */
    String subject(String name, String role);

    /**
     * Delivers a raw RFC 5322 message as the SES receipt rule would (stored, then the intake invoked). The
     * headers X-SES-Recipients, X-SES-Source and X-SES-(Spam|Virus|SPF|DKIM|DMARC)-Verdict shape the
     * receipt. Answers {@code {"messageId": the SES message id, ...}}.
     */
    JsonNode deliverEmail(String raw, Map<String, String> sesHeaders);

    /** Posts a provider's webhook to a chat channel, unauthenticated as providers call (the route is the same everywhere). */
    default AgentApiClient.Reply postChatWebhook(String channelId, String body, Map<String, String> headers) {
        return client(null).send("POST", "/webhooks/chat/" + channelId, body, headers);
    }

    /** Moves the stack's clock on (tokens issued before may expire); only where {@link Capability#CLOCK} is supported. */
    default void advanceClock(java.time.Duration by) {
        assume(Capability.CLOCK);
        // a move of days fires every schedule's due occurrences (hundreds of invocations) before it answers
        AgentApiClient.Reply r = client(null).patient(java.time.Duration.ofMinutes(3))
                .send("POST", "/_local/clock", "{\"advance\":\"" + by + "\"}", Map.of());
        org.assertj.core.api.Assertions.assertThat(r.status()).as(r.body()).isEqualTo(200);
    }

    /** Every event published on the stack's bus since the driver started, oldest first. */
    List<PublishedEvent> publishedEvents();

    boolean supports(Capability capability);

    /** Skips the rest of the test (JUnit assumption) unless the target has the capability, saying why. */
    default void assume(Capability capability) {
        assumeTrue(supports(capability), () -> "skipped on " + describe() + ": " + capability.whyOnlyLocal);
    }

    /** Where the journeys run, for messages. */
    String describe();

    /** An HTTP client of the API with this token (null: none, as a customer or a provider calls). */
    default AgentApiClient client(String token) {
        return new AgentApiClient(baseUrl(), token);
    }

    /**
     * A suffix that makes names unique to this run ("-r1a2b3c"): a deployed stack keeps the tickets, channels
     * and requesters of earlier runs, so a journey that looks them up by name must not meet yesterday's.
     */
    static String runSuffix() {
        return RunId.SUFFIX;
    }

    /** Holds the run's suffix (interfaces cannot have private static fields). */
    final class RunId {
        static final String SUFFIX = "-r" + UUID.randomUUID().toString().substring(0, 6);

        private RunId() {}
    }

    @Override
    void close();
}
