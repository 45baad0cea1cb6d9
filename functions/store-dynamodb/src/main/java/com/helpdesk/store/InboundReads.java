package com.helpdesk.store;

import com.helpdesk.core.inbound.InboundLookup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Threading's first read: the delivery's dedupe record ({@code INBOUND#<key>}) and the item of each thread key
 * ({@code THREADKEY#<key>}) in one consistent BatchGetItem ({@link BatchReads}), where a reply that names its
 * conversation's Message-IDs took a GetItem per key, one after the other. A record without a ticket leads nowhere,
 * as the single lookups read it.
 */
final class InboundReads {
    private InboundReads() {}

    static InboundLookup lookUp(DynamoDbClient dynamo, String table, String dedupeKey, Collection<String> threadKeys) {
        String inboundPk = Keys.inboundPk(dedupeKey);
        Map<String, String> keyOfPk = new HashMap<>();
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(Map.of("PK", ItemMapper.s(inboundPk), "SK", ItemMapper.s(Keys.INBOUND_SK)));
        for (String key : threadKeys) {
            String pk = Keys.threadKeyPk(key);
            if (keyOfPk.putIfAbsent(pk, key) == null) keys.add(Map.of("PK", ItemMapper.s(pk), "SK", ItemMapper.s(Keys.THREADKEY_SK)));
        }
        String deliveredTo = null;
        Map<String, String> tickets = new HashMap<>();
        for (Map<String, AttributeValue> item : BatchReads.get(dynamo, table, keys, true, "inbound lookup keys")) {
            String pk = ItemMapper.str(item, "PK");
            String ticketId = ItemMapper.str(item, "ticketId");
            if (ticketId == null) continue;
            if (pk.equals(inboundPk)) deliveredTo = ticketId;
            else if (keyOfPk.containsKey(pk)) tickets.put(keyOfPk.get(pk), ticketId);
        }
        return new InboundLookup(deliveredTo, tickets);
    }
}
