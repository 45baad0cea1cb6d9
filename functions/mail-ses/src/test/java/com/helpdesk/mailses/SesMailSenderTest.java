package com.helpdesk.mailses;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.core.email.Mailbox;
import com.helpdesk.core.email.OutgoingMail;
import com.helpdesk.core.port.MailSender;
import com.helpdesk.localaws.StubAwsEndpoint;
import com.helpdesk.localaws.StubAwsEndpoint.Answer;
import com.helpdesk.mail.MimeParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sesv2.SesV2Client;

import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The SES v2 sender against an endpoint that answers as SES's SendEmail does (REST-JSON): the raw
 * message it sends, the Message-ID SES really gives it, and which refusals are permanent.
 */
class SesMailSenderTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-22T08:00:00Z"), ZoneOffset.UTC);
    private static StubAwsEndpoint aws;

    @BeforeAll
    static void start() {
        aws = StubAwsEndpoint.start();
    }

    @AfterAll
    static void stop() {
        aws.close();
    }

    private static SesV2Client client(URI endpoint, Region region) {
        // no SDK retries here: the test is about how the sender classifies what the SDK finally throws
        return SesV2Client.builder().endpointOverride(endpoint).region(region)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDEXAMPLE", "secret")))
                .httpClient(UrlConnectionHttpClient.create())
                .overrideConfiguration(o -> o.retryStrategy(AwsRetryStrategy.doNotRetry())).build();
    }

    private static SesMailSender sender(String region, String configurationSet) {
        return new SesMailSender(client(aws.endpoint(), Region.of(region)), region, configurationSet, CLOCK);
    }

    private static OutgoingMail reply() {
        return new OutgoingMail(new Mailbox("Alice at Shop", "support@shop.example"), List.of(new Mailbox("Jane", "jane@example.com")),
                List.of(), new Mailbox(null, "reply+1042.abc@shop.example"), "Re: Where is my order? [#1042]", "<msg_1@shop.example>",
                "<CAF=abc@mail.gmail.com>", List.of("<CAF=abc@mail.gmail.com>"), "It ships today.", null, false);
    }

    @Test
    void aReplyGoesOutAsItsRawMessageAndComesBackWithTheMessageIdSesUsed() throws Exception {
        aws.answer(Answer.of(200, "application/json", "{\"MessageId\":\"0100019abc-5d1e-4c2f-9e6a-000000\"}"));
        MailSender.Sent sent = sender("us-east-1", "helpdesk-outbound").send(reply());
        assertThat(sent.providerId()).isEqualTo("0100019abc-5d1e-4c2f-9e6a-000000");
        assertThat(sent.messageId()).isEqualTo("<0100019abc-5d1e-4c2f-9e6a-000000@email.amazonses.com>");

        StubAwsEndpoint.Request call = aws.requests().get(0);
        assertThat(call.method()).isEqualTo("POST");
        assertThat(call.path()).isEqualTo("/v2/email/outbound-emails");
        assertThat(call.header("Authorization")).contains("/us-east-1/ses/aws4_request");
        JsonNode body = JSON.readTree(call.body());
        assertThat(body.path("ConfigurationSetName").asText()).isEqualTo("helpdesk-outbound");
        byte[] raw = Base64.getDecoder().decode(body.path("Content").path("Raw").path("Data").asText());
        Map<String, String> headers = MimeParser.rawHeaders(raw).stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        assertThat(headers).containsEntry("In-Reply-To", "<CAF=abc@mail.gmail.com>").containsEntry("Message-ID", "<msg_1@shop.example>");
        assertThat(headers.get("Reply-To")).contains("reply+1042.abc@shop.example");
        assertThat(headers.get("Subject")).isEqualTo("Re: Where is my order? [#1042]");
    }

    @Test
    void outsideUsEast1TheMessageIdNamesTheRegionAndNoConfigurationSetIsSentWhenNoneIsSet() throws Exception {
        aws.answer(Answer.of(200, "application/json", "{\"MessageId\":\"0102019abc-eu\"}"));
        assertThat(sender("eu-west-1", null).send(reply()).messageId()).isEqualTo("<0102019abc-eu@eu-west-1.amazonses.com>");
        assertThat(JSON.readTree(aws.requests().get(0).body()).has("ConfigurationSetName")).isFalse();
    }

    @Test
    void refusalsArePermanentWithSesReason() {
        aws.answer(Answer.restJsonError(400, "MessageRejected", "Email address is not verified. The following identities failed the check"
                + " in region US-EAST-1: support@shop.example"));
        assertThatThrownBy(() -> sender("us-east-1", null).send(reply())).isInstanceOf(MailSender.DeliveryFailure.class)
                .hasMessage("SES refused: Email address is not verified. The following identities failed the check in region US-EAST-1:"
                        + " support@shop.example")
                .satisfies(e -> assertThat(((MailSender.DeliveryFailure) e).permanent()).isTrue());
        aws.answer(Answer.restJsonError(400, "BadRequestException", "Missing final '@domain'"));
        assertThatThrownBy(() -> sender("us-east-1", null).send(reply()))
                .satisfies(e -> assertThat(((MailSender.DeliveryFailure) e).permanent()).isTrue());
    }

    @Test
    void throttlingAndOtherServiceErrorsAreTransient() {
        aws.answer(Answer.restJsonError(429, "TooManyRequestsException", "Maximum sending rate exceeded."));
        assertThatThrownBy(() -> sender("us-east-1", null).send(reply())).isInstanceOf(MailSender.DeliveryFailure.class)
                .hasMessage("SES 429: Maximum sending rate exceeded.")
                .satisfies(e -> assertThat(((MailSender.DeliveryFailure) e).permanent()).isFalse());
        // a missing IAM permission is fixed by the operator; until then the reply is retried, then failed with this reason
        aws.answer(Answer.restJsonError(403, "AccessDeniedException",
                "User: arn:aws:sts::123456789012:assumed-role/mailer/fn is not authorized to perform: ses:SendRawEmail"));
        assertThatThrownBy(() -> sender("us-east-1", null).send(reply())).hasMessageStartingWith("SES 403: User: ")
                .satisfies(e -> assertThat(((MailSender.DeliveryFailure) e).permanent()).isFalse());
    }

    @Test
    void anUnreachableEndpointIsTransient() {
        StubAwsEndpoint gone = StubAwsEndpoint.start();
        URI endpoint = gone.endpoint();
        gone.close();
        SesMailSender sender = new SesMailSender(client(endpoint, Region.US_EAST_1), "us-east-1", null, CLOCK);
        assertThatThrownBy(() -> sender.send(reply())).isInstanceOf(MailSender.DeliveryFailure.class)
                .hasMessageStartingWith("SES unreachable: ")
                .satisfies(e -> assertThat(((MailSender.DeliveryFailure) e).permanent()).isFalse());
    }
}
