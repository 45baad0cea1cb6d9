package com.helpdesk.queue;

import com.helpdesk.core.inbound.InboundMessage;
import com.helpdesk.core.port.InboundQueue;
import software.amazon.awssdk.services.sqs.SqsClient;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The inbound FIFO queue: grouped by conversation (one processor at a time per conversation, in order),
 * deduplicated by the message's dedupe key for SQS's five-minute window; the processor's dedupe record
 * covers the rest.
 */
public final class SqsInboundQueue implements InboundQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsInboundQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void enqueue(InboundMessage message, String conversation) {
        String body = InboundMessageCodec.encode(message);
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(body)
                .messageGroupId(sha256(conversation).substring(0, 64))
                .messageDeduplicationId(sha256(message.dedupeKey()).substring(0, 64)));
    }

    /** SQS ids allow 128 characters of a limited alphabet: a hash fits any key. */
    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
