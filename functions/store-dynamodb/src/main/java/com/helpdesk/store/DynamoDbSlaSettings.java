package com.helpdesk.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.helpdesk.core.StateConflictException;
import com.helpdesk.core.ValidationException;
import com.helpdesk.core.sla.BusinessCalendar;
import com.helpdesk.core.sla.BusinessCalendarWire;
import com.helpdesk.core.sla.SlaPolicy;
import com.helpdesk.core.sla.SlaPolicyWire;
import com.helpdesk.core.sla.SlaSettingsStore;
import com.helpdesk.runtime.Json;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * SLA calendars and policies in one item collection ({@code CONFIG#SLA}, SK {@code CALENDAR#<id>} /
 * {@code POLICY#<id>}): GetItem for one, one Query for all of a kind. A calendar counts the policies naming
 * it ({@code policyCount}), maintained in the same transaction as each policy write, so "delete a calendar
 * a policy uses" is refused by a condition on the calendar item itself, with no race against a policy write.
 */
public final class DynamoDbSlaSettings implements SlaSettingsStore {
    private static final String CALENDAR = "SlaCalendar";
    private static final String POLICY = "SlaPolicy";
    private static final int ATTEMPTS = 5;

    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbSlaSettings(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    private static Map<String, AttributeValue> key(String sk) {
        return Map.of("PK", ItemMapper.s(Keys.SLA_SETTINGS_PK), "SK", ItemMapper.s(sk));
    }

    @Override
    public Optional<BusinessCalendar> calendar(String id) {
        return get(Keys.slaCalendarSk(id)).map(DynamoDbSlaSettings::calendar);
    }

    @Override
    public List<BusinessCalendar> calendars() {
        return query("CALENDAR#").stream().map(DynamoDbSlaSettings::calendar).toList();
    }

    @Override
    public void saveCalendar(BusinessCalendar c) {
        // an update, not a put: it keeps the calendar's policyCount
        dynamo.updateItem(b -> b.tableName(table).key(key(Keys.slaCalendarSk(c.id())))
                .updateExpression("SET #type = :type, id = :id, body = :body, updatedAt = :now")
                .expressionAttributeNames(Map.of("#type", "type"))
                .expressionAttributeValues(Map.of(":type", ItemMapper.s(CALENDAR), ":id", ItemMapper.s(c.id()),
                        ":body", ItemMapper.s(json(BusinessCalendarWire.toWire(c))), ":now", ItemMapper.s(Keys.time(Instant.now())))));
    }

    @Override
    public boolean saveCalendarIfAbsent(BusinessCalendar c) {
        Map<String, AttributeValue> item = new HashMap<>(key(Keys.slaCalendarSk(c.id())));
        item.put("type", ItemMapper.s(CALENDAR));
        item.put("id", ItemMapper.s(c.id()));
        item.put("body", ItemMapper.s(json(BusinessCalendarWire.toWire(c))));
        try {
            dynamo.putItem(b -> b.tableName(table).item(item).conditionExpression("attribute_not_exists(PK)"));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    @Override
    public boolean deleteCalendar(String id) {
        try {
            var r = dynamo.deleteItem(b -> b.tableName(table).key(key(Keys.slaCalendarSk(id)))
                    .conditionExpression("attribute_not_exists(policyCount) OR policyCount <= :zero")
                    .expressionAttributeValues(Map.of(":zero", ItemMapper.n(0)))
                    .returnValues(ReturnValue.ALL_OLD));
            return r.hasAttributes() && !r.attributes().isEmpty();
        } catch (ConditionalCheckFailedException e) {
            List<String> users = policies().stream().filter(p -> id.equals(p.businessHours())).map(SlaPolicy::id).toList();
            throw new StateConflictException("calendar-in-use", "business-hours calendar '" + id + "' is used by the SLA polic"
                    + (users.size() == 1 ? "y " : "ies ") + String.join(", ", users) + "; change or delete them first");
        }
    }

    @Override
    public Optional<SlaPolicy> policy(String id) {
        return get(Keys.slaPolicySk(id)).map(DynamoDbSlaSettings::policy);
    }

    @Override
    public List<SlaPolicy> policies() {
        return query("POLICY#").stream().map(DynamoDbSlaSettings::policy).toList();
    }

    @Override
    public void savePolicy(SlaPolicy p) {
        for (int attempt = 1; ; attempt++) {
            Optional<Map<String, AttributeValue>> old = get(Keys.slaPolicySk(p.id()));
            String oldCalendar = old.map(i -> ItemMapper.str(i, "calendarRef")).orElse(null);
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().put(b -> {
                Map<String, AttributeValue> item = new HashMap<>(key(Keys.slaPolicySk(p.id())));
                item.put("type", ItemMapper.s(POLICY));
                item.put("id", ItemMapper.s(p.id()));
                item.put("body", ItemMapper.s(json(SlaPolicyWire.toWire(p))));
                if (p.businessHours() != null) item.put("calendarRef", ItemMapper.s(p.businessHours()));
                b.tableName(table).item(item);
                unchangedSince(b::conditionExpression, b::expressionAttributeValues, old.isPresent(), oldCalendar);
            }).build());
            int newCalendarIndex = -1;
            if (p.businessHours() != null) {
                newCalendarIndex = items.size();
                items.add(Objects.equals(oldCalendar, p.businessHours())
                        ? TransactWriteItem.builder().conditionCheck(b -> b.tableName(table).key(key(Keys.slaCalendarSk(p.businessHours())))
                                .conditionExpression("attribute_exists(PK)")).build()
                        : countPolicies(p.businessHours(), 1));
            }
            if (oldCalendar != null && !oldCalendar.equals(p.businessHours())) items.add(countPolicies(oldCalendar, -1));
            try {
                dynamo.transactWriteItems(b -> b.transactItems(items));
                return;
            } catch (TransactionCanceledException e) {
                if (failed(e, newCalendarIndex)) {
                    throw new ValidationException("businessHours", "no business-hours calendar '" + p.businessHours() + "'");
                }
                if (!failed(e, 0) || attempt >= ATTEMPTS) throw e;
            }
        }
    }

    @Override
    public boolean deletePolicy(String id) {
        for (int attempt = 1; ; attempt++) {
            Optional<Map<String, AttributeValue>> old = get(Keys.slaPolicySk(id));
            if (old.isEmpty()) return false;
            String calendar = ItemMapper.str(old.get(), "calendarRef");
            List<TransactWriteItem> items = new ArrayList<>();
            items.add(TransactWriteItem.builder().delete(b -> {
                b.tableName(table).key(key(Keys.slaPolicySk(id)));
                unchangedSince(b::conditionExpression, b::expressionAttributeValues, true, calendar);
            }).build());
            if (calendar != null) items.add(countPolicies(calendar, -1));
            try {
                dynamo.transactWriteItems(b -> b.transactItems(items));
                return true;
            } catch (TransactionCanceledException e) {
                if (!failed(e, 0) || attempt >= ATTEMPTS) throw e;
            }
        }
    }

    /** The condition that a policy item still names the calendar it named when read (or still does not exist). */
    private static void unchangedSince(java.util.function.Consumer<String> condition,
                                       java.util.function.Consumer<Map<String, AttributeValue>> values,
                                       boolean existed, String calendar) {
        if (!existed) {
            condition.accept("attribute_not_exists(PK)");
        } else if (calendar == null) {
            condition.accept("attribute_exists(PK) AND attribute_not_exists(calendarRef)");
        } else {
            condition.accept("calendarRef = :calendar");
            values.accept(Map.of(":calendar", ItemMapper.s(calendar)));
        }
    }

    private TransactWriteItem countPolicies(String calendarId, int delta) {
        return TransactWriteItem.builder().update(b -> b.tableName(table).key(key(Keys.slaCalendarSk(calendarId)))
                .updateExpression("ADD policyCount :delta")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeValues(Map.of(":delta", ItemMapper.n(delta)))).build();
    }

    private static boolean failed(TransactionCanceledException e, int index) {
        return index >= 0 && index < e.cancellationReasons().size()
                && "ConditionalCheckFailed".equals(e.cancellationReasons().get(index).code());
    }

    private Optional<Map<String, AttributeValue>> get(String sk) {
        var r = dynamo.getItem(b -> b.tableName(table).key(key(sk)).consistentRead(true));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item()) : Optional.empty();
    }

    private List<Map<String, AttributeValue>> query(String prefix) {
        return dynamo.queryPaginator(b -> b.tableName(table).consistentRead(true)
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", ItemMapper.s(Keys.SLA_SETTINGS_PK), ":prefix", ItemMapper.s(prefix))))
                .items().stream().toList();
    }

    private static BusinessCalendar calendar(Map<String, AttributeValue> item) {
        return BusinessCalendarWire.fromWire(ItemMapper.str(item, "id"), read(item));
    }

    private static SlaPolicy policy(Map<String, AttributeValue> item) {
        return SlaPolicyWire.parse(ItemMapper.str(item, "id"), read(item));
    }

    private static Map<String, Object> read(Map<String, AttributeValue> item) {
        return readJson(ItemMapper.str(item, "body"), "stored SLA item " + ItemMapper.str(item, "SK"));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> readJson(String json, String what) {
        try {
            return Json.mapper().readValue(json, Map.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new IllegalStateException(what + " is not a JSON object", e);
        }
    }

    static String json(Object value) {
        try {
            return Json.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not serializable", e);
        }
    }
}
