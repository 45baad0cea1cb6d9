package com.helpdesk.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.local.SesReceiptEvent;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.CloudFormationClient;
import software.amazon.awssdk.services.eventbridge.EventBridgeClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvocationType;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A deployed stack, found by its name through CloudFormation: the API at its ApiUrl output, tokens from its
 * Cognito domain (client credentials, {@link CognitoClientCredentials}), mail delivered the way its SES
 * receipt rule delivers it (the raw message stored under inbound/ in its mail bucket, then its intake
 * function invoked with the receipt event) and its bus watched through a {@link BusTap} of this run.
 * AWS credentials and region come from the SDK's default chains (AWS_PROFILE, AWS_REGION, -Daws.region, ...).
 */
final class AwsDriver implements HelpdeskDriver {
    /** The receipt rule's S3 action's prefix and the intake function's logical id in template.yaml. */
    static final String RAW_MAIL_PREFIX = "inbound/";
    static final String INTAKE_FUNCTION = "InboundEmailFunction";

    private final StackOutputs stack;
    private final CognitoClientCredentials tokens;
    private final S3Client s3;
    private final LambdaClient lambda;
    private final BusTap tap;
    private final List<AutoCloseable> clients;
    private final String mailBucket;
    private final String intakeFunction;
    private final String intakeFunctionArn;

    private AwsDriver(StackOutputs stack, CognitoClientCredentials tokens, S3Client s3, LambdaClient lambda, BusTap tap,
                      List<AutoCloseable> clients) {
        this.stack = stack;
        this.tokens = tokens;
        this.s3 = s3;
        this.lambda = lambda;
        this.tap = tap;
        this.clients = clients;
        this.mailBucket = stack.output("MailBucketName");
        this.intakeFunction = stack.physicalId(INTAKE_FUNCTION);
        this.intakeFunctionArn = lambda.getFunctionConfiguration(b -> b.functionName(intakeFunction)).functionArn();
    }

    static AwsDriver connect(String stackName) {
        SdkHttpClient http = UrlConnectionHttpClient.builder().build();
        CloudFormationClient cloudFormation = CloudFormationClient.builder().httpClient(http).build();
        S3Client s3 = S3Client.builder().httpClient(http).build();
        LambdaClient lambda = LambdaClient.builder().httpClient(http).build();
        EventBridgeClient events = EventBridgeClient.builder().httpClient(http).build();
        SqsClient sqs = SqsClient.builder().httpClient(http).build();
        List<AutoCloseable> clients = List.of(cloudFormation, s3, lambda, events, sqs, http);
        BusTap tap = null;
        try {
            StackOutputs stack = StackOutputs.describe(cloudFormation, stackName);
            CognitoClientCredentials tokens = new CognitoClientCredentials(stack.output("AuthDomain"),
                    CognitoClientCredentials::configured, Clock.systemUTC());
            tap = BusTap.open(events, sqs, stack.output("EventBusName"), tapName(stackName));
            return new AwsDriver(stack, tokens, s3, lambda, tap, clients);
        } catch (RuntimeException e) {
            if (tap != null) tap.close();
            closeAll(clients);
            throw e;
        }
    }

    /** The run's rule and queue name: within EventBridge's 64 characters, and SQS's 80. */
    static String tapName(String stackName) {
        String suffix = "-e2e" + HelpdeskDriver.runSuffix();
        String base = stackName.length() > 64 - suffix.length() ? stackName.substring(0, 64 - suffix.length()) : stackName;
        return base + suffix;
    }

    @Override
    public String baseUrl() {
        return stack.apiUrl();
    }

    /** The name is not the caller's on a deployed stack: a role's token is its app client's, whose id is the subject. */
    @Override
    public String token(String name, String role) {
        return tokens.token(role);
    }

    @Override
    public String subject(String name, String role) {
        return tokens.clientId(role);
    }

    @Override
    public JsonNode deliverEmail(String raw, Map<String, String> sesHeaders) {
        Map<String, String> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(sesHeaders);
        byte[] bytes = raw.getBytes(StandardCharsets.UTF_8);
        // the rule's recipients are SES's business here: the envelope comes from the headers or To/Cc
        SesReceiptEvent.Envelope envelope = SesReceiptEvent.envelope(bytes, List.of(), headers.get("X-SES-Recipients"), headers.get("X-SES-Source"));
        String messageId = SesReceiptEvent.newMessageId();
        String key = RAW_MAIL_PREFIX + messageId;
        s3.putObject(b -> b.bucket(mailBucket).key(key).contentType("message/rfc822"), RequestBody.fromBytes(bytes));
        String event = SesReceiptEvent.json(messageId, bytes, envelope, SesReceiptEvent.verdicts(headers::get), Instant.now(), intakeFunctionArn);
        InvokeResponse invoked = lambda.invoke(b -> b.functionName(intakeFunction).invocationType(InvocationType.REQUEST_RESPONSE)
                .payload(SdkBytes.fromUtf8String(event)));
        String result = invoked.payload() == null ? "" : invoked.payload().asUtf8String();
        if (invoked.functionError() != null) {
            throw new AssertionError(intakeFunction + " failed (" + invoked.functionError() + "): " + result
                    + "; the message is kept at s3://" + mailBucket + "/" + key);
        }
        ObjectNode out = AgentApiClient.JSON.createObjectNode().put("messageId", messageId).put("bucket", mailBucket).put("key", key);
        try {
            out.set("result", result.isBlank() ? AgentApiClient.JSON.nullNode() : AgentApiClient.JSON.readTree(result));
        } catch (IOException e) {
            out.put("result", result);
        }
        return out;
    }

    @Override
    public List<PublishedEvent> publishedEvents() {
        return tap.events();
    }

    @Override
    public boolean supports(Capability capability) {
        return false;
    }

    @Override
    public String describe() {
        return "the deployed stack " + stack.stackName();
    }

    @Override
    public void close() {
        try {
            tap.close();
        } finally {
            closeAll(clients);
        }
    }

    private static void closeAll(List<AutoCloseable> clients) {
        for (AutoCloseable c : clients) {
            try {
                c.close();
            } catch (Exception e) {
                // closing an SDK client releases connections; a failure there changes nothing of the stack
            }
        }
    }
}
