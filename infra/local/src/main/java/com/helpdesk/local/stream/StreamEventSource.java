package com.helpdesk.local.stream;

import com.helpdesk.local.Pause;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.helpdesk.local.lambda.FunctionError;
import com.helpdesk.local.lambda.FunctionInvoker;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetRecordsResponse;
import software.amazon.awssdk.services.dynamodb.model.Record;
import software.amazon.awssdk.services.dynamodb.model.Shard;
import software.amazon.awssdk.services.dynamodb.model.ShardIteratorType;
import software.amazon.awssdk.services.dynamodb.model.StreamRecord;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.event.ruler.Machine;

import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Lambda's DynamoDB Streams event source mapping: reads the table's stream from DynamoDB Local, applies
 * the mapping's FilterCriteria (matched with Event Ruler, as Lambda does), invokes the function with the
 * DynamodbEvent JSON in batches, retries failed batches (from the first reported failure with
 * ReportBatchItemFailures) and, once retries are spent, sends the batch's description to the
 * on-failure destination and moves on, as Lambda does.
 */
public final class StreamEventSource implements AutoCloseable {
    /** The local stack's own diagnostics (JDK platform logging: no logging framework of its own). */
    private static final System.Logger LOG = System.getLogger(StreamEventSource.class.getName());
    public record Settings(String functionId, int batchSize, String startingPosition, List<String> filterPatterns,
                           boolean reportBatchItemFailures, int maximumRetryAttempts, String onFailureQueueUrl) {}

    private final ObjectMapper json = new ObjectMapper();
    private final DynamoDbStreamsClient streams;
    private final String streamArn;
    private final Settings settings;
    private final FunctionInvoker functions;
    private final SqsClient sqs;
    private final String region;
    private final Machine filter;
    private final Map<String, String> iterators = new HashMap<>();
    private volatile boolean running = true;
    private final Thread thread;

    public StreamEventSource(DynamoDbStreamsClient streams, String streamArn, Settings settings, FunctionInvoker functions,
                             SqsClient sqs, String region) {
        this.streams = streams;
        this.streamArn = streamArn;
        this.settings = settings;
        this.functions = functions;
        this.sqs = sqs;
        this.region = region;
        this.filter = new Machine();
        int i = 0;
        for (String pattern : settings.filterPatterns()) {
            try {
                filter.addRule("filter-" + i++, pattern);
            } catch (Exception e) {
                throw new IllegalArgumentException("invalid FilterCriteria pattern " + pattern + ": " + e.getMessage(), e);
            }
        }
        this.thread = new Thread(this::run, "stream->" + settings.functionId());
        this.thread.setDaemon(true);
    }

    public void start() {
        thread.start();
    }

    private void run() {
        while (running) {
            boolean any = false;
            try {
                for (Shard shard : streams.describeStream(b -> b.streamArn(streamArn)).streamDescription().shards()) {
                    any |= poll(shard);
                }
            } catch (RuntimeException e) {
                if (running) LOG.log(System.Logger.Level.WARNING, "reading stream for " + settings.functionId() + " failed", e);
            }
            if (!any) Pause.millis(200);
        }
    }

    private boolean poll(Shard shard) {
        String iterator = iterators.get(shard.shardId());
        if (iterator == null) {
            if (iterators.containsKey(shard.shardId())) return false; // closed shard, fully read
            ShardIteratorType type = "LATEST".equalsIgnoreCase(settings.startingPosition())
                    ? ShardIteratorType.LATEST : ShardIteratorType.TRIM_HORIZON;
            iterator = streams.getShardIterator(b -> b.streamArn(streamArn).shardId(shard.shardId()).shardIteratorType(type))
                    .shardIterator();
        }
        String it = iterator;
        GetRecordsResponse r = streams.getRecords(b -> b.shardIterator(it).limit(100));
        iterators.put(shard.shardId(), r.nextShardIterator());
        List<ObjectNode> matching = new ArrayList<>();
        for (Record record : r.records()) {
            ObjectNode lambdaRecord = lambdaRecord(record);
            if (matches(lambdaRecord)) matching.add(lambdaRecord);
        }
        for (int from = 0; from < matching.size(); from += settings.batchSize()) {
            deliver(matching.subList(from, Math.min(matching.size(), from + settings.batchSize())), shard.shardId());
        }
        return !r.records().isEmpty();
    }

    private boolean matches(ObjectNode record) {
        if (settings.filterPatterns().isEmpty()) return true;
        try {
            return !filter.rulesForJSONEvent(record.toString()).isEmpty();
        } catch (Exception e) {
            return false;
        }
    }

    private void deliver(List<ObjectNode> batch, String shardId) {
        List<ObjectNode> pending = new ArrayList<>(batch);
        for (int attempt = 0; running && !pending.isEmpty(); attempt++) {
            String failedFrom = null;
            try {
                String result = functions.invoke(settings.functionId(), event(pending));
                if (!settings.reportBatchItemFailures()) return;
                failedFrom = firstReportedFailure(result, pending);
                if (failedFrom == null) return;
            } catch (FunctionError e) {
                failedFrom = pending.get(0).path("dynamodb").path("SequenceNumber").asText();
            }
            if (attempt >= settings.maximumRetryAttempts()) {
                sendToOnFailure(pending, shardId, attempt + 1);
                return;
            }
            LOG.log(System.Logger.Level.WARNING, settings.functionId() + " failed stream records from " + failedFrom
                    + " (attempt " + (attempt + 1) + " of " + (settings.maximumRetryAttempts() + 1) + "); retrying");
            // Lambda retries from the first failed record onwards
            int index = 0;
            for (int i = 0; i < pending.size(); i++) {
                if (pending.get(i).path("dynamodb").path("SequenceNumber").asText().equals(failedFrom)) index = i;
            }
            pending = new ArrayList<>(pending.subList(index, pending.size()));
            Pause.millis(Math.min(5000, 100L << Math.min(attempt, 6)));
        }
    }

    /** The lowest reported sequence number, or null when none failed. An unknown identifier fails the whole batch. */
    private String firstReportedFailure(String result, List<ObjectNode> batch) {
        try {
            JsonNode r = json.readTree(result);
            if (r == null || r.isNull() || !r.has("batchItemFailures") || r.get("batchItemFailures").isEmpty()) return null;
            String first = null;
            int firstIndex = Integer.MAX_VALUE;
            for (JsonNode f : r.get("batchItemFailures")) {
                String id = f.path("itemIdentifier").asText("");
                int index = -1;
                for (int i = 0; i < batch.size(); i++) {
                    if (batch.get(i).path("dynamodb").path("SequenceNumber").asText().equals(id)) index = i;
                }
                if (index < 0) return batch.get(0).path("dynamodb").path("SequenceNumber").asText();
                if (index < firstIndex) {
                    firstIndex = index;
                    first = id;
                }
            }
            return first;
        } catch (Exception e) {
            return batch.get(0).path("dynamodb").path("SequenceNumber").asText();
        }
    }

    private void sendToOnFailure(List<ObjectNode> batch, String shardId, int attempts) {
        String first = batch.get(0).path("dynamodb").path("SequenceNumber").asText();
        String last = batch.get(batch.size() - 1).path("dynamodb").path("SequenceNumber").asText();
        LOG.log(System.Logger.Level.ERROR, settings.functionId() + " gave up on stream records " + first + ".." + last
                + " after " + attempts + " attempts");
        if (settings.onFailureQueueUrl() == null) return;
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("requestContext", Map.of("condition", "RetryAttemptsExhausted", "approximateInvokeCount", attempts));
        info.put("DDBStreamBatchInfo", Map.of("shardId", shardId, "startSequenceNumber", first, "endSequenceNumber", last,
                "batchSize", batch.size(), "streamArn", streamArn));
        try {
            String body = json.writeValueAsString(info);
            sqs.sendMessage(b -> b.queueUrl(settings.onFailureQueueUrl()).messageBody(body));
        } catch (Exception e) {
            LOG.log(System.Logger.Level.ERROR, "could not write to the on-failure destination", e);
        }
    }

    private String event(List<ObjectNode> records) {
        ObjectNode root = json.createObjectNode();
        ArrayNode arr = root.putArray("Records");
        records.forEach(arr::add);
        return root.toString();
    }

    /** A stream record as Lambda delivers it (DynamoDB JSON images, epoch-second creation time). */
    private ObjectNode lambdaRecord(Record record) {
        ObjectNode r = json.createObjectNode();
        r.put("eventID", record.eventID());
        r.put("eventName", record.eventNameAsString());
        r.put("eventVersion", "1.1");
        r.put("eventSource", "aws:dynamodb");
        r.put("awsRegion", region);
        StreamRecord s = record.dynamodb();
        ObjectNode d = r.putObject("dynamodb");
        if (s.approximateCreationDateTime() != null) d.put("ApproximateCreationDateTime", s.approximateCreationDateTime().getEpochSecond());
        if (s.hasKeys()) d.set("Keys", image(s.keys()));
        if (s.hasNewImage()) d.set("NewImage", image(s.newImage()));
        if (s.hasOldImage()) d.set("OldImage", image(s.oldImage()));
        d.put("SequenceNumber", s.sequenceNumber());
        if (s.sizeBytes() != null) d.put("SizeBytes", s.sizeBytes());
        d.put("StreamViewType", s.streamViewTypeAsString());
        r.put("eventSourceARN", streamArn);
        return r;
    }

    private ObjectNode image(Map<String, AttributeValue> item) {
        ObjectNode o = json.createObjectNode();
        item.forEach((k, v) -> o.set(k, value(v)));
        return o;
    }

    private JsonNode value(AttributeValue v) {
        ObjectNode o = json.createObjectNode();
        switch (v.type()) {
            case S -> o.put("S", v.s());
            case N -> o.put("N", v.n());
            case B -> o.put("B", Base64.getEncoder().encodeToString(v.b().asByteArray()));
            case BOOL -> o.put("BOOL", v.bool());
            case NUL -> o.put("NULL", true);
            case SS -> { ArrayNode a = o.putArray("SS"); v.ss().forEach(a::add); }
            case NS -> { ArrayNode a = o.putArray("NS"); v.ns().forEach(a::add); }
            case BS -> { ArrayNode a = o.putArray("BS"); v.bs().forEach(b -> a.add(Base64.getEncoder().encodeToString(b.asByteArray()))); }
            case M -> o.set("M", image(v.m()));
            case L -> { ArrayNode a = o.putArray("L"); v.l().forEach(x -> a.add(value(x))); }
            default -> o.putNull("NULL");
        }
        return o;
    }


    @Override
    public void close() {
        running = false;
        thread.interrupt();
    }
}
