package com.helpdesk.inboundemail;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import com.fasterxml.jackson.databind.JsonNode;
import com.helpdesk.core.email.EmailIntake;
import com.helpdesk.core.email.MailReception;
import com.helpdesk.core.email.ReplyAddress;
import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.files.S3FileStore;
import com.helpdesk.mail.MimeParser;
import com.helpdesk.queue.SqsInboundQueue;
import com.helpdesk.runtime.AwsClients;
import com.helpdesk.runtime.Json;
import com.helpdesk.runtime.LambdaEnvironment;
import com.helpdesk.store.DynamoDbSenderRate;
import com.helpdesk.store.DynamoDbTicketRepository;
import com.helpdesk.store.ReplyAddresses;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The SES receipt rule's Lambda action (after its S3 action stored the raw message): one normalised
 * message per received mail goes to the inbound queue. A failure (storage, queue) is thrown, so Lambda's
 * asynchronous retries and then the on-failure destination keep the mail; the raw source stays in S3.
 */
public final class InboundEmailHandler implements RequestStreamHandler {
    private final MailReception reception;
    private final String rawPrefix;

    public InboundEmailHandler() {
        this(wire(), LambdaEnvironment.get("RAW_MAIL_PREFIX").orElse("inbound/"));
    }

    public InboundEmailHandler(MailReception reception, String rawPrefix) {
        this.reception = reception;
        this.rawPrefix = rawPrefix;
    }

    private static MailReception wire() {
        DynamoDbClient dynamo = AwsClients.build(DynamoDbClient.builder(), "DYNAMODB");
        String table = LambdaEnvironment.require("TABLE_NAME");
        String support = LambdaEnvironment.require("SUPPORT_ADDRESS");
        ReplyAddress replies = ReplyAddresses.of(new DynamoDbTicketRepository(dynamo, table), support);
        S3FileStore files = S3FileStore.fromEnvironment();
        int limit = Integer.parseInt(LambdaEnvironment.get("FLOOD_LIMIT_PER_HOUR").orElse(String.valueOf(MailReception.DEFAULT_FLOOD_LIMIT)));
        return new MailReception(files, new MimeParser(), files, SqsInboundQueue.fromEnvironment(), new DynamoDbSenderRate(dynamo, table),
                new EmailIntake(replies, List.of(support)), limit);
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        JsonNode event = Json.mapper().readTree(input);
        List<Map<String, Object>> results = new ArrayList<>();
        for (MailReception.Arrival arrival : SesReceipt.arrivals(event, rawPrefix)) {
            InboundMessage m = reception.receive(arrival);
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("messageId", arrival.providerMessageId());
            r.put("kind", m.kind().name().toLowerCase(java.util.Locale.ROOT));
            r.put("dedupeKey", m.dedupeKey());
            r.put("tags", m.tags());
            results.add(r);
        }
        Json.mapper().writeValue(output, Map.of("disposition", "CONTINUE", "received", results));
    }
}
