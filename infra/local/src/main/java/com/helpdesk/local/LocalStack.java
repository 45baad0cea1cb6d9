package com.helpdesk.local;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.local.api.HttpApiGateway;
import com.helpdesk.local.api.LocalJwt;
import com.helpdesk.local.api.Route;
import com.helpdesk.local.bus.BusRule;
import com.helpdesk.local.bus.EventBusEmulator;
import com.helpdesk.local.lambda.FunctionSpec;
import com.helpdesk.local.lambda.LocalFunctions;
import com.helpdesk.local.schedule.LocalClock;
import com.helpdesk.local.schedule.ScheduleExpression;
import com.helpdesk.local.schedule.Scheduler;
import com.helpdesk.local.sqs.LocalQueues;
import com.helpdesk.local.sqs.SqsEventSource;
import com.helpdesk.local.stream.StreamEventSource;
import com.helpdesk.local.template.Intrinsics;
import com.helpdesk.local.template.Resource;
import com.helpdesk.local.template.Template;
import com.helpdesk.local.template.TemplateRules;
import com.helpdesk.localaws.DynamoDbLocal;
import com.helpdesk.localaws.ElasticMq;
import com.sun.net.httpserver.HttpServer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ExecutorService;

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
    private HttpServer server;
    private com.helpdesk.local.api.RequestLineGuard front;
    private ExecutorService httpThreads;
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
        jwt = new LocalJwt("http://localhost:" + port + "/_local", clock);

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

        createTables(ddb);
        createQueues();
        s3 = new com.helpdesk.local.s3.LocalS3(clock::get);
        ses = new com.helpdesk.local.ses.LocalSes(clock::get);
        parameters = new com.helpdesk.local.ssm.LocalParameterStore(clock::get, REGION, ACCOUNT);
        secrets = new com.helpdesk.local.secrets.LocalSecretsManager(clock::get, REGION, ACCOUNT);
        registerOthers();
        receiptRule = readReceiptRule();
        functions = new LocalFunctions(functionSpecs(), clock, sdkFaults);
        closeables.add(functions);
        bus = new EventBusEmulator(clock, functions, sqs, ACCOUNT, REGION);
        closeables.add(bus);
        scheduler = new Scheduler(clock, functions, ACCOUNT, REGION);
        closeables.add(scheduler);
        wireRulesAndSchedules();
        List<Route> routes = new ArrayList<>();
        HttpApiGateway.Cors cors = wireApi(routes);
        gateway = new HttpApiGateway(routes, functions, jwt, clock, cors);
        startServer();
        functions.warm();
        wireEventSources(streams);
        scheduler.start();
        startedAt = Instant.now();
        startupMillis = Duration.ofNanos(System.nanoTime() - t0).toMillis();
    }

    // ------------------------------------------------------------------ resources

    @SuppressWarnings("unchecked")
    private void createTables(DynamoDbClient ddb) {
        for (Resource r : template.ofType("AWS::DynamoDB::Table")) {
            Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(r.properties());
            String name = p.containsKey("TableName") ? String.valueOf(p.get("TableName")) : LocalNames.defaultName(r.logicalId());
            CreateTableRequest.Builder req = CreateTableRequest.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST);
            req.attributeDefinitions(list(p.get("AttributeDefinitions")).stream().map(a -> AttributeDefinition.builder()
                    .attributeName(str(a, "AttributeName")).attributeType(str(a, "AttributeType")).build()).toList());
            req.keySchema(keys(p.get("KeySchema")));
            List<GlobalSecondaryIndex> gsis = list(p.get("GlobalSecondaryIndexes")).stream().map(g -> GlobalSecondaryIndex.builder()
                    .indexName(str(g, "IndexName")).keySchema(keys(g.get("KeySchema"))).projection(projection(g.get("Projection"))).build()).toList();
            if (!gsis.isEmpty()) req.globalSecondaryIndexes(gsis);
            List<LocalSecondaryIndex> lsis = list(p.get("LocalSecondaryIndexes")).stream().map(g -> LocalSecondaryIndex.builder()
                    .indexName(str(g, "IndexName")).keySchema(keys(g.get("KeySchema"))).projection(projection(g.get("Projection"))).build()).toList();
            if (!lsis.isEmpty()) req.localSecondaryIndexes(lsis);
            Map<String, Object> stream = (Map<String, Object>) p.get("StreamSpecification");
            if (stream != null && stream.get("StreamViewType") != null) {
                req.streamSpecification(StreamSpecification.builder().streamEnabled(true)
                        .streamViewType(String.valueOf(stream.get("StreamViewType"))).build());
            }
            ddb.createTable(req.build());
            Map<String, Object> ttl = (Map<String, Object>) p.get("TimeToLiveSpecification");
            if (ttl != null && Boolean.parseBoolean(String.valueOf(ttl.get("Enabled")))) {
                ddb.updateTimeToLive(b -> b.tableName(name).timeToLiveSpecification(t -> t.enabled(true)
                        .attributeName(String.valueOf(ttl.get("AttributeName")))));
            }
            var described = ddb.describeTable(b -> b.tableName(name)).table();
            Map<String, Object> attrs = new LinkedHashMap<>();
            attrs.put("Arn", described.tableArn());
            if (described.latestStreamArn() != null) attrs.put("StreamArn", described.latestStreamArn());
            names.register(r.logicalId(), name, attrs);
        }
    }

    @SuppressWarnings("unchecked")
    private void createQueues() {
        LocalQueues queues = new LocalQueues(sqs, ACCOUNT, REGION);
        List<Resource> pending = new ArrayList<>(template.ofType("AWS::SQS::Queue"));
        // a queue can only name an existing DLQ: create in dependency order
        for (int round = 0; !pending.isEmpty() && round < 10; round++) {
            for (Resource r : new ArrayList<>(pending)) {
                Map<String, Object> p;
                try {
                    p = (Map<String, Object>) intrinsics.resolve(r.properties());
                } catch (IllegalArgumentException notYet) {
                    continue;
                }
                Object redrive = p.get("RedrivePolicy");
                if (redrive instanceof Map<?, ?> rp && !queuesByArn.containsKey(String.valueOf(rp.get("deadLetterTargetArn")))) continue;
                boolean fifo = Boolean.parseBoolean(String.valueOf(p.getOrDefault("FifoQueue", "false")));
                String name = p.containsKey("QueueName") ? String.valueOf(p.get("QueueName"))
                        : LocalNames.defaultName(r.logicalId()) + (fifo ? ".fifo" : "");
                LocalQueues.Queue q = queues.create(r.logicalId(), name, p);
                queuesByArn.put(q.arn(), q);
                names.register(r.logicalId(), q.url(), Map.of("Arn", q.arn(), "QueueName", q.name(), "QueueUrl", q.url()));
                pending.remove(r);
            }
        }
        if (!pending.isEmpty()) {
            throw new IllegalArgumentException("cannot create queues " + pending.stream().map(Resource::logicalId).toList()
                    + ": their dead-letter queues are missing");
        }
    }

    private void registerOthers() {
        for (Resource r : template.resources()) {
            String id = r.logicalId();
            switch (r.type()) {
                case "AWS::Events::EventBus" -> {
                    String name = r.properties().containsKey("Name") ? intrinsics.resolveString(r.properties().get("Name")) : LocalNames.defaultName(id);
                    names.register(id, name, Map.of("Arn", "arn:aws:events:" + REGION + ":" + ACCOUNT + ":event-bus/" + name, "Name", name));
                }
                case "AWS::Serverless::Function" -> {
                    String name = r.properties().containsKey("FunctionName") ? intrinsics.resolveString(r.properties().get("FunctionName")) : LocalNames.defaultName(id);
                    String arn = "arn:aws:lambda:" + REGION + ":" + ACCOUNT + ":function:" + name;
                    names.register(id, name, Map.of("Arn", arn));
                    functionIdsByArn.put(arn, id);
                    functionIdsByArn.put(arn + ":live", id);
                }
                case "AWS::S3::Bucket" -> {
                    String name = r.properties().containsKey("BucketName") ? intrinsics.resolveString(r.properties().get("BucketName"))
                            : LocalNames.defaultName(id).toLowerCase(java.util.Locale.ROOT);
                    s3.addBucket(name);
                    names.register(id, name, Map.of("Arn", "arn:aws:s3:::" + name, "DomainName", name + ".s3.amazonaws.com"));
                }
                case "AWS::SecretsManager::Secret" -> {
                    @SuppressWarnings("unchecked")
                    Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(r.properties());
                    String name = p.containsKey("Name") ? String.valueOf(p.get("Name")) : LocalNames.defaultName(id);
                    String arn = secrets.create(name, p);
                    names.register(id, arn, Map.of("Id", arn));
                }
                case "AWS::Logs::LogGroup" -> {
                    String name = r.properties().containsKey("LogGroupName") ? intrinsics.resolveString(r.properties().get("LogGroupName")) : LocalNames.defaultName(id);
                    names.register(id, name, Map.of("Arn", "arn:aws:logs:" + REGION + ":" + ACCOUNT + ":log-group:" + name + ":*"));
                }
                default -> { /* defaults from LocalNames */ }
            }
        }
    }

    @SuppressWarnings("unchecked")
    private List<FunctionSpec> functionSpecs() {
        List<FunctionSpec> specs = new ArrayList<>();
        for (Resource r : template.ofType("AWS::Serverless::Function")) {
            Map<String, Object> p = r.properties();
            Object code = intrinsics.resolve(p.get("CodeUri"));
            if (!(code instanceof String codeUri)) {
                throw new IllegalArgumentException(r.logicalId() + ": the local stack runs CodeUri paths to a built jar");
            }
            Map<String, String> env = new LinkedHashMap<>();
            Map<String, Object> vars = (Map<String, Object>) ((Map<String, Object>) p.getOrDefault("Environment", Map.of()))
                    .getOrDefault("Variables", Map.of());
            vars.forEach((k, v) -> {
                String value = intrinsics.resolveString(v);
                if (value != null) env.put(k, value);
            });
            String name = names.ref(r.logicalId());
            env.put("AWS_REGION", REGION);
            env.put("AWS_DEFAULT_REGION", REGION);
            env.put("AWS_ACCESS_KEY_ID", "local");
            env.put("AWS_SECRET_ACCESS_KEY", "local");
            env.put("AWS_LAMBDA_FUNCTION_NAME", name);
            env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(p.getOrDefault("MemorySize", 128)));
            env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamo.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_DYNAMODB_STREAMS", dynamo.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_SQS", elasticMq.endpoint().toString());
            env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", "http://127.0.0.1:" + port + "/_aws/events");
            env.put("AWS_ENDPOINT_URL_S3", "http://127.0.0.1:" + port + com.helpdesk.local.s3.LocalS3.PATH);
            env.put("AWS_ENDPOINT_URL_SESV2", "http://127.0.0.1:" + port + com.helpdesk.local.ses.LocalSes.PATH);
            env.put("AWS_ENDPOINT_URL_SSM", "http://127.0.0.1:" + port + com.helpdesk.local.ssm.LocalParameterStore.PATH);
            env.put("AWS_ENDPOINT_URL_SECRETSMANAGER", "http://127.0.0.1:" + port + com.helpdesk.local.secrets.LocalSecretsManager.PATH);
            env.put("HELPDESK_LOCAL", "true");
            // links the functions hand out (survey links) point at this stack's API, not at execute-api
            if (env.containsKey("PUBLIC_API_URL")) env.put("PUBLIC_API_URL", "http://localhost:" + port);
            // chat replies go to the local capture instead of the providers
            if (env.containsKey("CHAT_API_BASE_URL")) env.put("CHAT_API_BASE_URL", "http://127.0.0.1:" + port + com.helpdesk.local.ses.LocalSes.CHAT_PATH);
            // Shopify Admin API calls go to the stub shop
            if (env.containsKey("SHOPIFY_ENDPOINT_URL")) env.put("SHOPIFY_ENDPOINT_URL", "http://127.0.0.1:" + port + com.helpdesk.local.shopify.LocalShopify.PATH);
            Path jar = template.folder().resolve(codeUri).normalize();
            specs.add(new FunctionSpec(r.logicalId(), name, jar, intrinsics.resolveString(p.get("Handler")), env,
                    Integer.parseInt(String.valueOf(intrinsics.resolve(p.getOrDefault("Timeout", 3)))),
                    Integer.parseInt(String.valueOf(intrinsics.resolve(p.getOrDefault("MemorySize", 128))))));
        }
        return specs;
    }

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

    @SuppressWarnings("unchecked")
    private HttpApiGateway.Cors wireApi(List<Route> routes) {
        HttpApiGateway.Cors cors = null;
        Map<String, Resource> apis = new LinkedHashMap<>();
        for (Resource api : template.ofType("AWS::Serverless::HttpApi")) apis.put(api.logicalId(), api);
        for (Resource fn : template.ofType("AWS::Serverless::Function")) {
            Map<String, Object> events = fn.map("Events");
            for (Object raw : events.values()) {
                Map<String, Object> e = (Map<String, Object>) raw;
                if (!"HttpApi".equals(e.get("Type"))) continue;
                Map<String, Object> p = (Map<String, Object>) e.getOrDefault("Properties", Map.of());
                Object apiRef = p.get("ApiId");
                String apiId = apiRef instanceof Map<?, ?> m && m.containsKey("Ref") ? String.valueOf(m.get("Ref")) : null;
                Resource api = apiId != null ? apis.get(apiId) : apis.values().stream().findFirst().orElse(null);
                Map<String, Object> apiAuth = api == null ? Map.of() : (Map<String, Object>) api.properties().getOrDefault("Auth", Map.of());
                Map<String, Object> routeAuth = (Map<String, Object>) p.getOrDefault("Auth", Map.of());
                String authorizer = routeAuth.containsKey("Authorizer") ? String.valueOf(routeAuth.get("Authorizer"))
                        : (String) apiAuth.get("DefaultAuthorizer");
                if ("NONE".equals(authorizer)) authorizer = null;
                List<String> audiences = new ArrayList<>();
                if (authorizer != null) {
                    Map<String, Object> authorizers = (Map<String, Object>) apiAuth.getOrDefault("Authorizers", Map.of());
                    Map<String, Object> a = (Map<String, Object>) authorizers.get(authorizer);
                    if (a == null) throw new IllegalArgumentException("route uses unknown authorizer " + authorizer);
                    Map<String, Object> jwtConfig = (Map<String, Object>) a.getOrDefault("JwtConfiguration", Map.of());
                    Object aud = intrinsics.resolve(jwtConfig.get("audience"));
                    if (aud instanceof List<?> l) l.forEach(x -> audiences.add(String.valueOf(x)));
                    else if (aud != null) audiences.add(String.valueOf(aud));
                    if (!audiences.isEmpty()) defaultAudience = audiences.get(0);
                }
                String path = intrinsics.resolveString(p.getOrDefault("Path", "$default"));
                String method = intrinsics.resolveString(p.getOrDefault("Method", "ANY"));
                routes.add(Route.of(method, path, fn.logicalId(), authorizer, audiences));
                if (api != null && cors == null && api.properties().get("CorsConfiguration") instanceof Map<?, ?> c) {
                    Map<String, Object> cc = (Map<String, Object>) intrinsics.resolve(c);
                    cors = new HttpApiGateway.Cors(strings(cc.get("AllowOrigins")), strings(cc.get("AllowMethods")),
                            strings(cc.get("AllowHeaders")), strings(cc.get("ExposeHeaders")),
                            cc.get("MaxAge") == null ? null : Integer.valueOf(String.valueOf(cc.get("MaxAge"))));
                }
            }
        }
        return cors;
    }

    @SuppressWarnings("unchecked")
    private void wireEventSources(DynamoDbStreamsClient streams) {
        for (Resource fn : template.ofType("AWS::Serverless::Function")) {
            for (Object raw : fn.map("Events").values()) {
                Map<String, Object> e = (Map<String, Object>) raw;
                String type = String.valueOf(e.get("Type"));
                if (!type.equals("SQS") && !type.equals("DynamoDB")) continue;
                Map<String, Object> p = (Map<String, Object>) intrinsics.resolve(e.getOrDefault("Properties", Map.of()));
                if (Boolean.FALSE.equals(p.get("Enabled"))) continue;
                boolean reportFailures = strings(p.get("FunctionResponseTypes")).contains("ReportBatchItemFailures");
                if (type.equals("SQS")) {
                    LocalQueues.Queue q = queuesByArn.get(String.valueOf(p.get("Queue")));
                    if (q == null) throw new IllegalArgumentException(fn.logicalId() + ": SQS event on an unknown queue " + p.get("Queue"));
                    SqsEventSource source = new SqsEventSource(sqs, q, fn.logicalId(), intOr(p.get("BatchSize"), 10), reportFailures,
                            functions, REGION, sqsConcurrency(fn, p));
                    closeables.add(source);
                    source.start();
                } else {
                    List<String> patterns = new ArrayList<>();
                    Map<String, Object> criteria = (Map<String, Object>) p.getOrDefault("FilterCriteria", Map.of());
                    for (Map<String, Object> f : list(criteria.get("Filters"))) patterns.add(String.valueOf(f.get("Pattern")));
                    String onFailure = null;
                    Map<String, Object> dest = (Map<String, Object>) p.getOrDefault("DestinationConfig", Map.of());
                    if (dest.get("OnFailure") instanceof Map<?, ?> of && queuesByArn.containsKey(String.valueOf(of.get("Destination")))) {
                        onFailure = queuesByArn.get(String.valueOf(of.get("Destination"))).url();
                    }
                    int retries = intOr(p.get("MaximumRetryAttempts"), 10_000);
                    StreamEventSource source = new StreamEventSource(streams, String.valueOf(p.get("Stream")),
                            new StreamEventSource.Settings(fn.logicalId(), intOr(p.get("BatchSize"), 100),
                                    String.valueOf(p.getOrDefault("StartingPosition", "TRIM_HORIZON")), patterns, reportFailures,
                                    retries, onFailure), functions, sqs, REGION);
                    closeables.add(source);
                    source.start();
                }
            }
        }
    }

    // ------------------------------------------------------------------ HTTP

    private void startServer() {
        try {
            // the JDK server listens on loopback behind the request-line guard, which owns the public port
            server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 64);
            front = new com.helpdesk.local.api.RequestLineGuard(host, port, server.getAddress());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot listen on " + host + ":" + port + " (" + e.getMessage() + ")", e);
        }
        httpThreads = Executors.newFixedThreadPool(16, r -> {
            Thread t = new Thread(r, "local-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(httpThreads);
        LocalEndpoints local = new LocalEndpoints(this);
        com.sun.net.httpserver.HttpContext context = server.createContext("/", ex -> {
            try {
                String path = ex.getRequestURI().getPath();
                if (ConsoleSite.serves(path)) ConsoleSite.handle(ex);
                else if (path.startsWith(com.helpdesk.local.shopify.LocalShopify.PATH + "/")) shopify.handle(ex);
                else if (path.startsWith("/_local/") || path.equals("/_local")) local.handle(ex);
                else if (path.equals("/_aws/events") || path.startsWith("/_aws/events/")) bus.handle(ex); // the SDK appends "/"
                else if (path.startsWith(com.helpdesk.local.s3.LocalS3.PATH + "/")) s3.handle(ex);
                else if (path.startsWith(com.helpdesk.local.ses.LocalSes.PATH + "/")) ses.handle(ex);
                else if (path.startsWith(com.helpdesk.local.ses.LocalSes.CHAT_PATH + "/")) ses.handleChat(ex);
                else if (path.equals(com.helpdesk.local.ssm.LocalParameterStore.PATH) || path.startsWith(com.helpdesk.local.ssm.LocalParameterStore.PATH + "/")) parameters.handle(ex);
                else if (path.equals(com.helpdesk.local.secrets.LocalSecretsManager.PATH) || path.startsWith(com.helpdesk.local.secrets.LocalSecretsManager.PATH + "/")) secrets.handle(ex);
                else gateway.handle(ex);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.ERROR, ex.getRequestMethod() + " " + ex.getRequestURI() + " failed", e);
                com.helpdesk.local.api.LocalHttp.problem(ex, 500, "internal-error", "Internal Server Error", "the local stack failed; see its log");
            }
        });
        if (LocalConsole.verbose()) context.getFilters().add(LocalConsole.requestLog());
        server.start();
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

    @SuppressWarnings("unchecked")
    private ReceiptRule readReceiptRule() {
        for (Resource r : template.ofType("AWS::SES::ReceiptRule")) {
            Map<String, Object> rule = (Map<String, Object>) r.properties().get("Rule");
            String bucket = null;
            String prefix = "";
            String function = null;
            for (Map<String, Object> action : list(rule.get("Actions"))) {
                if (action.get("S3Action") instanceof Map<?, ?> s) {
                    bucket = intrinsics.resolveString(s.get("BucketName"));
                    prefix = s.get("ObjectKeyPrefix") == null ? "" : intrinsics.resolveString(s.get("ObjectKeyPrefix"));
                }
                if (action.get("LambdaAction") instanceof Map<?, ?> l && l.get("FunctionArn") instanceof Map<?, ?> arn
                        && arn.get("Fn::GetAtt") instanceof List<?> getAtt) {
                    function = String.valueOf(getAtt.get(0));
                } else if (action.get("LambdaAction") instanceof Map<?, ?> l2) {
                    function = functionIdsByArn.get(intrinsics.resolveString(l2.get("FunctionArn")));
                }
            }
            List<String> recipients = strings(intrinsics.resolve(rule.get("Recipients")));
            if (bucket != null && function != null) return new ReceiptRule(bucket, prefix, function, recipients);
        }
        return null;
    }

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
        if (front != null) front.close();
        if (server != null) server.stop(0);
        if (httpThreads != null) httpThreads.shutdownNow();
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

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> list(Object o) {
        if (!(o instanceof List<?> l)) return List.of();
        List<Map<String, Object>> out = new ArrayList<>();
        for (Object x : l) if (x instanceof Map) out.add((Map<String, Object>) x);
        return out;
    }

    private static List<String> strings(Object o) {
        if (o == null) return new ArrayList<>();
        if (o instanceof List<?> l) return new ArrayList<>(l.stream().map(String::valueOf).toList());
        return new ArrayList<>(List.of(String.valueOf(o)));
    }

    private static String str(Map<String, Object> m, String k) {
        Object v = m.get(k);
        return v == null ? null : String.valueOf(v);
    }

    /**
     * Batches of one SQS mapping in the function at once: the mapping's ScalingConfig.MaximumConcurrency, else
     * the function's ReservedConcurrentExecutions, else Lambda's unbounded scaling capped for one machine;
     * the system property helpdesk.local.sqsConcurrency caps all of them (1 = one batch after another).
     */
    @SuppressWarnings("unchecked")
    private int sqsConcurrency(Resource fn, Map<String, Object> mapping) {
        Object scaling = mapping.get("ScalingConfig") instanceof Map<?, ?> m ? ((Map<String, Object>) m).get("MaximumConcurrency") : null;
        Object reserved = intrinsics.resolve(fn.properties().get("ReservedConcurrentExecutions"));
        int configured = scaling != null ? intOr(scaling, LOCAL_SQS_CONCURRENCY) : intOr(reserved, LOCAL_SQS_CONCURRENCY);
        int cap = Integer.getInteger("helpdesk.local.sqsConcurrency", LOCAL_SQS_CONCURRENCY);
        return Math.max(1, Math.min(configured, cap));
    }

    private static int intOr(Object v, int fallback) {
        return v == null ? fallback : Integer.parseInt(String.valueOf(v));
    }

    private static List<KeySchemaElement> keys(Object o) {
        return list(o).stream().map(k -> KeySchemaElement.builder().attributeName(str(k, "AttributeName"))
                .keyType(str(k, "KeyType")).build()).toList();
    }

    @SuppressWarnings("unchecked")
    private static Projection projection(Object o) {
        Map<String, Object> p = o instanceof Map ? (Map<String, Object>) o : Map.of("ProjectionType", "ALL");
        Projection.Builder b = Projection.builder().projectionType(String.valueOf(p.getOrDefault("ProjectionType", "ALL")));
        if (p.get("NonKeyAttributes") instanceof List<?> l) b.nonKeyAttributes(l.stream().map(String::valueOf).toList());
        return b.build();
    }

}
