package com.helpdesk.store;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Key values of the single table (docs/access-patterns.md). One place builds them all. */
final class Keys {
    /** Hot queue values (a status, a tag, "every ticket") are spread over this many partitions. */
    static final int SHARDS = 4;
    static final String TICKET_SK = "TICKET";
    static final String MESSAGE_SK_PREFIX = "TICKET#MSG#";
    /** Timestamps in keys have exactly three fraction digits so that text order is time order. */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    private Keys() {}

    static String time(Instant i) {
        return i == null ? null : SORTABLE.format(i);
    }

    static String ticketPk(String ticketId) { return "TICKET#" + ticketId; }
    static String messageSk(Instant createdAt, String messageId) { return MESSAGE_SK_PREFIX + time(createdAt) + "#" + messageId; }
    static String eventSk(Instant occurredAt, String eventId) { return "EVENT#" + time(occurredAt) + "#" + eventId; }
    static final String HISTORY_SK_PREFIX = "HISTORY#";
    /** History sorts by the version the change produced, then by the event's place in that change. */
    static String historySk(long version, int position, String eventId) {
        return HISTORY_SK_PREFIX + String.format("%012d#%03d#", version, position) + eventId;
    }
    /**
     * The history of a change about messages alone (a reply's delivery), which leaves the ticket at
     * {@code version}: after that version's own events (a letter sorts after their digits), before the
     * next version's, in time order among themselves.
     */
    static String messageHistorySk(long version, Instant occurredAt, String eventId) {
        return HISTORY_SK_PREFIX + String.format("%012d#M", version) + time(occurredAt) + "#" + eventId;
    }
    static String tagSk(String tag) { return "INDEX#TAG#" + tag; }
    static String requesterSk(String identity) { return "INDEX#REQUESTER#" + identity; }
    static String numberPk(long number) { return "TICKETNUMBER#" + number; }
    static final String NUMBER_SK = "TICKETNUMBER";
    static final String COUNTER_PK = "COUNTER#ticket-number";
    static final String COUNTER_SK = "COUNTER";
    static String idempotencyPk(String scope, String key) { return "IDEMPOTENCY#" + scope + "#" + key; }
    static final String IDEMPOTENCY_SK = "IDEMPOTENCY";
    static String configPk(String secret) { return "CONFIG#" + secret; }
    static String threadKeyPk(String key) { return "THREADKEY#" + key; }
    /** Unthreaded inbound mail, one item collection per UTC day. */
    static String unthreadedPk(java.time.Instant at) { return "UNTHREADED#" + at.toString().substring(0, 10); }
    static final String THREADKEY_SK = "THREADKEY";
    /**
     * The ticket's thread keys and inbound dedupe records (GSI1): they name a ticket and may hold a customer's
     * identifiers (a chat conversation id can be a phone number), so erasure finds them here without a scan.
     */
    static String ticketKeysPartition(String ticketId) { return "TICKETKEYS#" + ticketId; }
    static String inboundPk(String dedupeKey) { return "INBOUND#" + dedupeKey; }
    static final String INBOUND_SK = "INBOUND";
    static final String CONFIG_SK = "CONFIG";

    /** SLA settings (calendars and policies): one small item collection, read whole by policy selection. */
    static final String SLA_SETTINGS_PK = "CONFIG#SLA";
    static String slaCalendarSk(String id) { return "CALENDAR#" + id; }
    static String slaPolicySk(String id) { return "POLICY#" + id; }
    /**
     * A ticket's SLA clocks, in its item collection right after the ticket's messages ("TICKET" <
     * "TICKET#MSG#..." < "TICKET#SLA"), so that the Query of GET /tickets/{id} reads the clocks with the thread.
     */
    static final String SLA_SK = "TICKET#SLA";
    /** Just past every message key ('$' follows '#'): the thread alone is {@code SK BETWEEN "TICKET" AND this}. */
    static final String THREAD_SK_END = "TICKET#MSG$";
    static final String SLA_LEDGER_SK_PREFIX = "SLALEDGER#";
    static String slaLedgerSk(Instant at, long version, int position) {
        return SLA_LEDGER_SK_PREFIX + time(at) + String.format("#%012d#%03d", version, position);
    }
    /** The due-time index (GSI1, sparse): spread over more partitions than the queues, it is written on every SLA change. */
    static final int SLA_DUE_SHARDS = 8;
    static String slaDuePartition(int shard) { return "SLADUE#" + shard; }
    static int slaDueShard(String ticketId) { return Math.floorMod(ticketId.hashCode(), SLA_DUE_SHARDS); }
    /**
     * The "breaching soon" view (GSI2, sparse): the SLA item carries it while a clock runs, keyed by the earliest
     * running due time; same shards as the due-time index, for the same reason.
     */
    static String slaQueuePartition(int shard) { return "SLAQUEUE#" + shard; }

    static int shard(String ticketId) {
        return Math.floorMod(ticketId.hashCode(), SHARDS);
    }

    static String statusPartition(String status, int shard) { return "STATUS#" + status + "#" + shard; }
    static String assigneePartition(String assignee, String status) { return "ASSIGNEE#" + assignee + "#" + status; }
    static String allPartition(int shard) { return "TICKETS#" + shard; }
    static String tagPartition(String tag, int shard) { return "TAG#" + tag + "#" + shard; }
    static String requesterPartition(String identity) { return "REQUESTER#" + identity; }

    /** The outbox by time: one partition per UTC day and shard (of the event id), sorted by time. */
    static String outboxPartition(Instant occurredAt, String eventId) {
        return outboxPartition(occurredAt.toString().substring(0, 10), Math.floorMod(eventId.hashCode(), SHARDS));
    }
    static String outboxPartition(String day, int shard) { return "OUTBOX#" + day + "#" + shard; }
    static String outboxSort(Instant occurredAt, String eventId) { return time(occurredAt) + "#" + eventId; }

    /** Sort key of every queue view: newest-updated first when read backwards. */
    static String queueSort(Instant updatedAt, String ticketId) { return time(updatedAt) + "#" + ticketId; }
}
