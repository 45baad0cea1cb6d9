package com.helpdesk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.local.api.HttpApiGateway;
import com.helpdesk.local.api.LocalJwt;
import com.helpdesk.local.api.Route;
import com.helpdesk.local.bus.BusRule;
import com.helpdesk.local.bus.EventBusEmulator;
import com.helpdesk.local.lambda.LocalFunctions;
import com.helpdesk.local.schedule.LocalClock;
import com.helpdesk.local.schedule.ScheduleExpression;
import com.helpdesk.local.schedule.Scheduler;
import com.helpdesk.local.sqs.LocalQueues;
import com.helpdesk.local.template.Intrinsics;
import com.helpdesk.local.template.Resource;
import com.helpdesk.local.template.Template;
import com.helpdesk.local.template.TemplateRules;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.localaws.ElasticMq;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static com.helpdesk.local.TemplateValues.list;
import static com.helpdesk.local.TemplateValues.str;

/**
 * The local stack: reads template.yaml and brings it up in this JVM: DynamoDB Local, ElasticMQ, the
 * event bus, the functions, their event sources and schedules, and the HTTP API with its authorizer.
 * Nothing here knows the project's functions: everything comes from the template.
 */
public final class LocalStack implements AutoCloseable {
    /** The local stack's own diagnostics (JDK platform logging: no logging framework of its own). */
    private static final System.Logger LOG = System.getLogger(LocalStack.class.getName());
    static final String ACCOUNT = Intrinsics.ACCOUNT;
    static final String REGION = Intrinsics.REGION;
    /** The Stage parameter's value here unless --parameter Stage=... says otherwise. */
    public static final String LOCAL_STAGE = "local";
    /** Pollers per SQS mapping when nothing in the template bounds it: Lambda scales further, one machine does not. */
    static final int LOCAL_SQS_CONCURRENCY = 8;

    private final List<AutoCloseable> closeables = new ArrayList<>();
    private final ObjectMapper json = new ObjectMapper();
    private Template template;
    private LocalNames names;
    private Intrinsics intrinsics;
    private final LocalClock clock = new LocalClock();
    private DynamoDbLocal dynamo;
    private ElasticMq elasticMq;
    private SqsClient sqs;
    private LocalFunctions functions;
    private EventBusEmulator bus;
    private com.helpdesk.local.s3.LocalS3 s3;
    private com.helpdesk.local.ses.LocalSes ses;
    private final com.helpdesk.local.shopify.LocalShopify shopify = new com.helpdesk.local.shopify.LocalShopify();
    private final com.helpdesk.local.lambda.SdkFaults sdkFaults = new com.helpdesk.local.lambda.SdkFaults();
    private com.helpdesk.local.ssm.LocalParameterStore parameters;
    private com.helpdesk.local.secrets.LocalSecretsManager secrets;
    private ReceiptRule receiptRule;
    private Scheduler scheduler;
    private HttpApiGateway gateway;
    private LocalJwt jwt;
    private LocalHttpFront http;
    private String defaultAudience = "helpdesk-local";
    private final Map<String, LocalQueues.Queue> queuesByArn = new LinkedHashMap<>();
    private final Map<String, String> functionIdsByArn = new LinkedHashMap<>();
    private int port;
    private String host;
    private Instant startedAt;
    private long startupMillis;

    private LocalStack() {}

    public static LocalStack start(LocalStackOptions options) {
        LocalStack stack = new LocalStack();
        try {
            stack.boot(options);
            return stack;
        } catch (RuntimeException e) {
            stack.close();
            throw e;
        }
    }

    private void boot(LocalStackOptions options) {
        long t0 = System.nanoTime();
        template = Template.read(options.template());
        names = new LocalNames(template);
        Map<String, String> parameterValues = new LinkedHashMap<>(options.parameters());
        // the local stack is the stage "local": the template's Rules let that stage keep its placeholder defaults
        if (template.parameters().containsKey("Stage")) parameterValues.putIfAbsent("Stage", LOCAL_STAGE);
        intrinsics = new Intrinsics(template, names, parameterValues);
        List<TemplateRules.Violation> refused = new TemplateRules(template, intrinsics).violations();
        if (!refused.isEmpty()) throw new IllegalArgumentException("the template's Rules refuse these parameters: " + refused);
        host = options.host();
        port = com.helpdesk.localaws.FreePort.resolve(options.port());
        // tokens live in real time, as API Gateway checks them: the local clock is the helpdesk's business time (SLAs, the
        // demo's day), and moving it on must not sign anyone out, the console or a walkthrough started while the demo plays
        jwt = new LocalJwt("http://localhost:" + port + "/_local", Instant::now);

        dynamo = DynamoDbLocal.start(0);
        closeables.add(dynamo);
        elasticMq = ElasticMq.start(0);
        closeables.add(elasticMq);
        var credentials = StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"));
        DynamoDbClient ddb = DynamoDbClient.builder().endpointOverride(dynamo.endpoint()).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        DynamoDbStreamsClient streams = DynamoDbStreamsClient.builder().endpointOverride(dynamo.endpoint())
                .region(Region.of(REGION)).credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        sqs = SqsClient.builder().endpointOverride(elasticMq.endpoint()).region(Region.of(REGION))
                .credentialsProvider(credentials).httpClient(UrlConnectionHttpClient.create()).build();
        closeables.add(ddb);
        closeables.add(streams);
        closeables.add(sqs);

        TemplateResources resources = new TemplateResources(template, intrinsics, names, queuesByArn, functionIdsByArn);
        resources.createTables(ddb);
        resources.createQueues(sqs);
        s3 = new com.helpdesk.local.s3.LocalS3(clock::get);
        ses = new com.helpdesk.local.ses.LocalSes(clock::get);
        parameters = new com.helpdesk.local.ssm.LocalParameterStore(clock::get, REGION, ACCOUNT);
        secrets = new com.helpdesk.local.secrets.LocalSecretsManager(clock::get, REGION, ACCOUNT);
        resources.registerOthers(s3, secrets);
        receiptRule = resources.readReceiptRule();
        functions = new LocalFunctions(resources.functionSpecs(dynamo.endpoint(), elasticMq.endpoint(), port), clock, sdkFaults);
        closeables.add(functions);
        bus = new EventBusEmulator(clock, functions, sqs, ACCOUNT, REGION);
        closeables.add(bus);
        scheduler = new Scheduler(clock, functions, ACCOUNT, REGION);
        closeables.add(scheduler);
        wireRulesAndSchedules();
        TemplateApi api = TemplateApi.read(template, intrinsics);
        if (api.audience() != null) defaultAudience = api.audience();
        gateway = new HttpApiGateway(api.routes(), functions, jwt, clock, api.cors());
        http = LocalHttpFront.start(this, host, port, gateway);
        functions.warm();
        new EventSourceMappings(template, intrinsics, queuesByArn).start(sqs, streams, functions, closeables);
        scheduler.start();
        startedAt = Instant.now();
        startupMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }

    // ------------------------------------------------------------------ bus rules and schedules

    @SuppressWarnings("unchecked")
    private void wireRulesAndSchedules() {
        for (Resource r : template.ofType("AWS::Events::EventBus")) bus.addBus(names.ref(r.logicalId()));
        for (Resource r : template.ofType("AWS::Events::Rule")) {
            Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(r.properties());
            if ("DISABLED".equals(p.get("State"))) continue;
            String name = p.containsKey("Name") ? String.valueOf(p.get("Name")) : r.logicalId();
            List<BusRule.Target> targets = new ArrayList<>();
            for (Map<String, Object> t : list(p.get("Targets"))) {
                String arn = String.valueOf(t.get("Arn"));
                String input = t.get("Input") == null ? null : String.valueOf(t.get("Input"));
                if (functionIdsByArn.containsKey(arn)) {
                    targets.add(new BusRule.Target(str(t, "Id"), BusRule.Kind.LAMBDA, functionIdsByArn.get(arn), input));
                } else if (queuesByArn.containsKey(arn)) {
                    targets.add(new BusRule.Target(str(t, "Id"), BusRule.Kind.SQS, queuesByArn.get(arn).url(), input));
                } else if (arn.startsWith("arn:aws:logs:")) {
                    targets.add(new BusRule.Target(str(t, "Id"), BusRule.Kind.LOGS, arn, input));
                } else {
                    targets.add(new BusRule.Target(str(t, "Id"), BusRule.Kind.OTHER, arn, input));
                }
            }
            if (p.get("ScheduleExpression") != null) {
                for (BusRule.Target t : targets) {
                    if (t.kind() == BusRule.Kind.LAMBDA) {
                        scheduler.add(new Scheduler.Schedule(name, t.ref(), ScheduleExpression.parse(String.valueOf(p.get("ScheduleExpression")), null), t.inputJson(), false));
                    }
                }
            }
            if (p.get("EventPattern") != null) {
                bus.addRule(new BusRule(name, busOf(p.get("EventBusName")), patternJson(p.get("EventPattern")), targets));
            }
        }
        for (Resource fn : template.ofType("AWS::Serverless::Function")) {
            Map<String, Object> events = fn.map("Events");
            events.forEach((eventName, raw) -> {
                Map<String, Object> e = (Map<String, Object>) raw;
                String type = String.valueOf(e.get("Type"));
                Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(e.getOrDefault("Properties", Map.of()));
                String input = p.get("Input") == null ? null : String.valueOf(p.get("Input"));
                String ruleName = p.containsKey("Name") ? String.valueOf(p.get("Name")) : fn.logicalId() + eventName;
                switch (type) {
                    case "EventBridgeRule", "CloudWatchEvent" -> bus.addRule(new BusRule(ruleName, busOf(p.get("EventBusName")),
                            patternJson(p.get("Pattern")), List.of(new BusRule.Target(eventName, BusRule.Kind.LAMBDA, fn.logicalId(), input))));
                    case "Schedule" -> {
                        if (!Boolean.FALSE.equals(p.get("Enabled")) && !"DISABLED".equals(p.get("State"))) {
                            scheduler.add(new Scheduler.Schedule(ruleName, fn.logicalId(),
                                    ScheduleExpression.parse(String.valueOf(p.get("Schedule")), null), input, false));
                        }
                    }
                    case "ScheduleV2" -> {
                        if (!"DISABLED".equals(p.get("State"))) {
                            scheduler.add(new Scheduler.Schedule(ruleName, fn.logicalId(), ScheduleExpression.parse(
                                    String.valueOf(p.get("ScheduleExpression")), (String) p.get("ScheduleExpressionTimezone")), input, true));
                        }
                    }
                    default -> { /* HttpApi, SQS and DynamoDB events are wired elsewhere */ }
                }
            });
        }
    }

    // ------------------------------------------------------------------ accessors

    public int port() { return port; }
    public String baseUrl() { return "http://localhost:" + port; }
    public LocalClock clock() { return clock; }
    public EventBusEmulator bus() { return bus; }
    public Scheduler scheduler() { return scheduler; }
    public LocalJwt jwt() { return jwt; }
    public com.helpdesk.local.s3.LocalS3 s3() { return s3; }
    public com.helpdesk.local.ses.LocalSes ses() { return ses; }
    public com.helpdesk.local.shopify.LocalShopify shopify() { return shopify; }
    /** DynamoDB faults injected into the functions' SDK clients (throttling, a crash right after a write). */
    public com.helpdesk.local.lambda.SdkFaults sdkFaults() { return sdkFaults; }
    public com.helpdesk.local.ssm.LocalParameterStore parameters() { return parameters; }
    public com.helpdesk.local.secrets.LocalSecretsManager secrets() { return secrets; }
    public ReceiptRule receiptRule() { return receiptRule; }

    /**
     * What the template's SES receipt rule does with received mail: the bucket and key prefix of its S3
     * action, the function of its Lambda action, and the recipients (addresses or domains) it accepts.
     */
    public record ReceiptRule(String bucket, String prefix, String functionId, List<String> recipients) {}

    /** Invokes a function as an asynchronous trigger (SES's Lambda action) would; the result is the function's answer. */
    public String invokeFunction(String logicalId, String eventJson) throws com.helpdesk.local.lambda.FunctionError {
        return functions.invoke(logicalId, eventJson);
    }
    public String defaultAudience() { return defaultAudience; }
    public List<Route> routes() { return gateway.routes(); }
    public List<String> functionIds() { return new ArrayList<>(functions.specs().keySet()); }
    /** How the template runs one function here (its jar, handler, environment, memory): the bench starts it in a JVM of its own. */
    public com.helpdesk.local.lambda.FunctionSpec functionSpec(String logicalId) { return functions.specs().get(logicalId); }
    public Instant startedAt() { return startedAt; }
    public long startupMillis() { return startupMillis; }
    public java.net.URI dynamoDbEndpoint() { return dynamo.endpoint(); }
    public java.net.URI sqsEndpoint() { return elasticMq.endpoint(); }
    public String physicalName(String logicalId) { return names.ref(logicalId); }

    /**
     * Where an SDK client reaches each service of this stack, and the template's resources with their
     * physical ids (a queue's is its URL, as in CloudFormation): what the ops tool reads.
     */
    public Map<String, Object> endpoints() {
        String base = "http://127.0.0.1:" + port;
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("region", REGION);
        out.put("dynamodb", dynamo.endpoint().toString());
        out.put("sqs", elasticMq.endpoint().toString());
        out.put("eventbridge", base + "/_aws/events");
        out.put("s3", base + com.helpdesk.local.s3.LocalS3.PATH);
        out.put("secretsmanager", base + com.helpdesk.local.secrets.LocalSecretsManager.PATH);
        List<Map<String, String>> resources = new ArrayList<>();
        for (Resource r : template.resources()) {
            if (!r.type().startsWith("AWS::")) continue;
            Map<String, String> resource = new LinkedHashMap<>();
            resource.put("logicalId", r.logicalId());
            resource.put("type", r.type());
            resource.put("physicalId", names.ref(r.logicalId()));
            resources.add(resource);
        }
        out.put("resources", resources);
        return out;
    }

    public String token(String subject, String role) {
        return jwt.issue(subject, role, defaultAudience).token();
    }

    @Override
    public void close() {
        if (http != null) http.close();
        for (int i = closeables.size() - 1; i >= 0; i--) {
            try {
                closeables.get(i).close();
            } catch (Exception e) {
                LOG.log(System.Logger.Level.WARNING, "closing " + closeables.get(i).getClass().getSimpleName() + ": " + e.getMessage(), e);
            }
        }
        closeables.clear();
    }

    // ------------------------------------------------------------------ helpers

    private static String busOf(Object name) {
        return EventBusEmulator.busName(name == null ? null : String.valueOf(name));
    }

    private String patternJson(Object pattern) {
        try {
            return pattern instanceof String s ? s : json.writeValueAsString(pattern);
        } catch (Exception e) {
            throw new IllegalArgumentException("unreadable event pattern", e);
        }
    }
}
