package com.helpdesk.store;

import com.helpdesk.core.routing.RoutingRule;
import com.helpdesk.core.routing.RoutingRuleWire;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Routing rules against DynamoDB Local: GetItem for one, one Query for all, never a Scan; read back exactly. */
class RoutingRulesTest {
    @RegisterExtension
    static final LocalDynamo DYNAMO = LocalDynamo.withTables("rules");
    private static DynamoDbClient client;
    private static DynamoDbRoutingRules rules;

    @BeforeAll
    static void start() {
        client = DYNAMO.client();
        rules = new DynamoDbRoutingRules(client, "rules");
    }

    @Test
    void rulesRoundTripAreListedByOneQueryAndDeletedOnce() {
        RoutingRule damage = RoutingRuleWire.parse("damage", Map.of("order", 10,
                "when", Map.of("intent", "damage_claim", "orderTotalOver", 99.5, "textMatches", "broken|shattered", "tagsAny", List.of("fragile")),
                "then", Map.of("assignGroup", "claims", "assign", "least-loaded", "priority", "high", "escalate", true)));
        RoutingRule chat = RoutingRuleWire.parse("chat", Map.of("order", 1, "when", Map.of("channel", "chat"),
                "then", Map.of("addTags", List.of("live"), "assign", "ana")));
        rules.save(damage);
        rules.save(chat);
        NoScanClient.OPERATIONS.clear();
        assertThat(rules.find("damage")).contains(damage);
        assertThat(rules.list()).containsExactlyInAnyOrder(damage, chat);
        assertThat(NoScanClient.OPERATIONS).containsExactly("GetItem", "Query");
        assertThat(rules.delete("chat")).isTrue();
        assertThat(rules.delete("chat")).isFalse();
        assertThat(rules.list()).containsExactly(damage);
    }
}
