package com.helpdesk.local;

import com.helpdesk.local.lambda.FunctionSpec;
import com.helpdesk.local.s3.LocalS3;
import com.helpdesk.local.secrets.LocalSecretsManager;
import com.helpdesk.local.ses.LocalSes;
import com.helpdesk.local.shopify.LocalShopify;
import com.helpdesk.local.sqs.LocalQueues;
import com.helpdesk.local.ssm.LocalParameterStore;
import com.helpdesk.local.template.Intrinsics;
import com.helpdesk.local.template.Resource;
import com.helpdesk.local.template.Template;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.CreateTableRequest;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.LocalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.Projection;
import software.amazon.awssdk.services.dynamodb.model.StreamSpecification;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import static com.helpdesk.local.LocalStack.ACCOUNT;
import static com.helpdesk.local.LocalStack.REGION;
import static com.helpdesk.local.TemplateValues.list;
import static com.helpdesk.local.TemplateValues.str;
import static com.helpdesk.local.TemplateValues.strings;

/**
 * The template's resources made real here: its tables in DynamoDB Local, its queues in ElasticMQ, its buckets,
 * secrets, buses and log groups by name, how each function runs, and what its SES receipt rule does. Each is
 * registered in {@link LocalNames} so Ref and GetAtt resolve to it.
 */
final class TemplateResources {
    private final Template template;
    private final Intrinsics intrinsics;
    private final LocalNames names;
    private final Map<String, LocalQueues.Queue> queuesByArn;
    private final Map<String, String> functionIdsByArn;

    /** Fills {@code queuesByArn} and {@code functionIdsByArn} as it creates the queues and names the functions. */
    TemplateResources(Template template, Intrinsics intrinsics, LocalNames names,
                      Map<String, LocalQueues.Queue> queuesByArn, Map<String, String> functionIdsByArn) {
        this.template = template;
        this.intrinsics = intrinsics;
        this.names = names;
        this.queuesByArn = queuesByArn;
        this.functionIdsByArn = functionIdsByArn;
    }

    @SuppressWarnings("unchecked")
    void createTables(DynamoDbClient ddb) {
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
    void createQueues(SqsClient sqs) {
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

    /** The resources that only need a name (and an ARN) here: buses, functions, buckets, secrets, log groups. */
    void registerOthers(LocalS3 s3, LocalSecretsManager secrets) {
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
                            : LocalNames.defaultName(id).toLowerCase(Locale.ROOT);
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

    /** What the template's SES receipt rule does with received mail, or null when it has none with an S3 and a Lambda action. */
    @SuppressWarnings("unchecked")
    LocalStack.ReceiptRule readReceiptRule() {
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
            if (bucket != null && function != null) return new LocalStack.ReceiptRule(bucket, prefix, function, recipients);
        }
        return null;
    }

    /** How each function runs here: its built jar and handler, and its environment pointed at this stack's services. */
    @SuppressWarnings("unchecked")
    List<FunctionSpec> functionSpecs(URI dynamoEndpoint, URI sqsEndpoint, int port) {
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
            pointAtThisStack(env, dynamoEndpoint, sqsEndpoint, port);
            Path jar = template.folder().resolve(codeUri).normalize();
            specs.add(new FunctionSpec(r.logicalId(), name, jar, intrinsics.resolveString(p.get("Handler")), env,
                    Integer.parseInt(String.valueOf(intrinsics.resolve(p.getOrDefault("Timeout", 3)))),
                    Integer.parseInt(String.valueOf(intrinsics.resolve(p.getOrDefault("MemorySize", 128))))));
        }
        return specs;
    }

    /** A function's SDK clients, links and provider calls reach this stack's services, never AWS's or a provider's. */
    private static void pointAtThisStack(Map<String, String> env, URI dynamoEndpoint, URI sqsEndpoint, int port) {
        String base = "http://127.0.0.1:" + port;
        env.put("AWS_ENDPOINT_URL_DYNAMODB", dynamoEndpoint.toString());
        env.put("AWS_ENDPOINT_URL_DYNAMODB_STREAMS", dynamoEndpoint.toString());
        env.put("AWS_ENDPOINT_URL_SQS", sqsEndpoint.toString());
        env.put("AWS_ENDPOINT_URL_EVENTBRIDGE", base + "/_aws/events");
        env.put("AWS_ENDPOINT_URL_S3", base + LocalS3.PATH);
        env.put("AWS_ENDPOINT_URL_SESV2", base + LocalSes.PATH);
        env.put("AWS_ENDPOINT_URL_SSM", base + LocalParameterStore.PATH);
        env.put("AWS_ENDPOINT_URL_SECRETSMANAGER", base + LocalSecretsManager.PATH);
        env.put("HELPDESK_LOCAL", "true");
        // links the functions hand out (survey links) point at this stack's API, not at execute-api
        if (env.containsKey("PUBLIC_API_URL")) env.put("PUBLIC_API_URL", "http://localhost:" + port);
        // chat replies go to the local capture instead of the providers
        if (env.containsKey("CHAT_API_BASE_URL")) env.put("CHAT_API_BASE_URL", base + LocalSes.CHAT_PATH);
        // Shopify Admin API calls go to the stub shop
        if (env.containsKey("SHOPIFY_ENDPOINT_URL")) env.put("SHOPIFY_ENDPOINT_URL", base + LocalShopify.PATH);
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
