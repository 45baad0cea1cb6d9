package com.helpdesk.relay;

import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.helpdesk.bus.OutboxEntry;
import com.helpdesk.runtime.SnapStartPriming;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * SnapStart priming of the relay, decoders only: an outbox item's stream insert read and decoded as a batch is, and
 * the batch answer written. Nothing reaches the bus: publishing is the relay's one useful step and it always sends.
 */
final class RelayPriming {
    private static final String EVENT = "evt_00000000000000000000000000";
    private static final String TICKET = SnapStartPriming.NEVER_ISSUED_TICKET;
    private static final String KEYS = "\"PK\":{\"S\":\"TICKET#" + TICKET + "\"},\"SK\":{\"S\":\"EVENT#2026-01-01T00:00:00Z#" + EVENT + "\"}";
    /** A stream record of an outbox item, as DynamoDB Streams hands it to the relay. */
    static final String OUTBOX_INSERT = "{\"Records\":[{\"eventID\":\"snapstart-priming\",\"eventName\":\"INSERT\",\"eventVersion\":\"1.1\","
            + "\"eventSource\":\"aws:dynamodb\",\"awsRegion\":\"us-east-1\",\"dynamodb\":{\"ApproximateCreationDateTime\":1767225600,"
            + "\"Keys\":{" + KEYS + "},\"NewImage\":{" + KEYS + ",\"type\":{\"S\":\"OutboxEvent\"},\"eventId\":{\"S\":\"" + EVENT + "\"},"
            + "\"detailType\":{\"S\":\"TicketCreated\"},\"source\":{\"S\":\"helpdesk.tickets\"},\"ticketId\":{\"S\":\"" + TICKET + "\"},"
            + "\"occurredAt\":{\"S\":\"2026-01-01T00:00:00Z\"},\"expiresAt\":{\"N\":\"1767830400\"},"
            + "\"detail\":{\"S\":\"{\\\"eventId\\\":\\\"" + EVENT + "\\\",\\\"ticketId\\\":\\\"" + TICKET + "\\\",\\\"data\\\":{}}\"}},"
            + "\"SequenceNumber\":\"1\",\"SizeBytes\":1,\"StreamViewType\":\"NEW_AND_OLD_IMAGES\"},"
            + "\"eventSourceARN\":\"arn:aws:dynamodb:us-east-1:000000000000:table/priming/stream/2026-01-01T00:00:00.000\"}]}";

    private RelayPriming() {
    }

    /** @return what the sample decodes to (what the relay would publish) */
    static List<OutboxEntry> prime() {
        try {
            List<OutboxEntry> entries = OutboxRecords.decode(StreamEvents.read(new ByteArrayInputStream(OUTBOX_INSERT.getBytes(StandardCharsets.UTF_8))));
            StreamEvents.write(new StreamsEventResponse(List.of()), OutputStream.nullOutputStream());
            return entries;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
