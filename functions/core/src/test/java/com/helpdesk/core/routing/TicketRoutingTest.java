package com.helpdesk.core.routing;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.agents.AgentProfile;
import com.helpdesk.core.agents.Assignment;
import com.helpdesk.core.agents.InMemoryAgentDirectory;
import com.helpdesk.core.event.DomainEvent;
import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.orders.OrderContexts;
import com.helpdesk.core.port.UlidGenerator;
import com.helpdesk.core.service.InMemoryTicketRepository;
import com.helpdesk.core.service.NewTicket;
import com.helpdesk.core.service.TicketDesk;
import com.helpdesk.core.ticket.Actor;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import com.helpdesk.core.ticket.Requester;
import com.helpdesk.core.ticket.Status;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.IntentName;
import com.helpdesk.core.triage.IntentSource;
import com.helpdesk.core.triage.TicketIntents;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TicketRoutingTest {
    private final Clock clock = Clock.fixed(Instant.parse("2026-12-01T10:00:00Z"), ZoneOffset.UTC);
    private final InMemoryTicketRepository repo = new InMemoryTicketRepository();
    private final TicketDesk desk = TicketDesk.wire(repo, new UlidGenerator(clock), clock);
    private final InMemoryAgentDirectory agents = new InMemoryAgentDirectory();
    private final Map<String, RoutingRule> rules = new TreeMap<>();
    private final Map<String, Intent> intents = new HashMap<>();
    private final Map<String, OrderContext> contexts = new HashMap<>();
    private final TicketRouting routing = new TicketRouting(new MemoryRules(), new Assignment(agents), desk.queries(), desk.commands(),
            new TicketIntents() {
                public Optional<Stored> find(String id) { return Optional.ofNullable(intents.get(id)).map(i -> new Stored(i, 1)); }
                public void save(Intent i, long v, com.helpdesk.core.port.TicketWrite w) { throw new UnsupportedOperationException(); }
            },
            new OrderContexts() {
                public Optional<Stored> find(String id) { return Optional.ofNullable(contexts.get(id)).map(c -> new Stored(c, 1)); }
                public void save(String id, OrderContext c, long v, DomainEvent e) { throw new UnsupportedOperationException(); }
            });

    private void rule(String id, Map<String, Object> body) {
        rules.put(id, RoutingRuleWire.parse(id, body));
    }

    private Ticket ticket(String subject, String body, Channel channel) {
        Requester jane = Requester.of("requester", "jane@example.com", null, "Jane", null);
        return desk.commands().create(new NewTicket(subject, jane, channel, null, List.of(), null, null, null, body, null, null, null),
                Actor.customer(jane), null).thread().ticket();
    }

    private Ticket reread(Ticket t) {
        return desk.queries().get(t.id()).ticket();
    }

    @Test
    void aDamageClaimGoesToItsGroupLeastLoadedOnceClassifiedWithEveryChangeNamingTheRule() {
        agents.save(AgentProfile.of("ana", "Ana", List.of("claims"), true, 5));
        agents.save(AgentProfile.of("bo", "Bo", List.of("claims"), true, 5));
        agents.claim("ana", "older", false);
        rule("damage", Map.of("order", 10, "when", Map.of("intent", "damage_claim"),
                "then", Map.of("assignGroup", "claims", "assign", "least-loaded", "priority", "high", "addTags", List.of("damage"))));
        rule("everything", Map.of("order", 20, "when", Map.of(), "then", Map.of("addTags", List.of("seen"))));
        Ticket t = ticket("Broken vase", "It arrived shattered", Channel.EMAIL);

        assertThat(routing.route(t.id())).as("not classified yet").containsExactly("everything");
        intents.put(t.id(), new Intent(IntentName.DAMAGE_CLAIM, 0.9, IntentSource.AUTO, "en", "m", List.of(), null, clock.instant()));
        assertThat(routing.route(t.id())).containsExactly("damage");

        Ticket routed = reread(t);
        assertThat(routed.group()).isEqualTo("claims");
        assertThat(routed.assignee()).isEqualTo("bo");
        assertThat(routed.priority()).isEqualTo(Priority.HIGH);
        assertThat(routed.tags()).contains("damage", "seen");
        List<DomainEvent> history = repo.history(t.id(), 100, null).entries();
        assertThat(history).filteredOn(e -> "routing rule damage".equals(e.detail().get("reason")))
                .extracting(e -> e.detail().get("field")).contains("priority", "group");
        assertThat(history).filteredOn(e -> "assignee".equals(e.detail().get("field")))
                .extracting(e -> e.detail().get("reason")).containsExactly("routing rule damage (least-loaded in claims)");
        assertThat(routing.route(t.id())).as("assigned: no more routing").isEmpty();
        assertThat(agents.find("bo").orElseThrow().load()).isEqualTo(1);
    }

    @Test
    void conditionsAllHoldEscalationHappensOnceAndANamedAgentIsAssigned() {
        rule("vip", Map.of("order", 1, "when", Map.of("channel", "chat", "customerTag", "VIP", "orderTotalOver", 200,
                "textMatches", "refund|money back"), "then", Map.of("assignGroup", "vip", "escalate", true, "assign", "carla")));
        Ticket chat = ticket("Hello", "I want my MONEY back", Channel.CHAT);
        Ticket mail = ticket("Hello", "I want my money back", Channel.EMAIL);
        OrderContext.ShopCustomer vip = new OrderContext.ShopCustomer("c1", "Jane", "jane@example.com", null, 3, "500.00", "EUR", List.of("vip"));
        OrderContext.ShopOrder big = new OrderContext.ShopOrder("o1", "#1001", clock.instant(), "paid", null, null, "250.00", "EUR",
                List.of(), null, List.of(), List.of(), List.of());
        OrderContext context = new OrderContext("main", OrderContext.Status.OK, null, clock.instant(), vip, List.of(big));
        contexts.put(chat.id(), context);
        contexts.put(mail.id(), context);

        assertThat(routing.route(mail.id())).as("wrong channel").isEmpty();
        assertThat(routing.route(chat.id())).containsExactly("vip");
        Ticket routed = reread(chat);
        assertThat(routed.escalationLevel()).isEqualTo(1);
        assertThat(routed.group()).isEqualTo("vip");
        assertThat(routed.assignee()).isEqualTo("carla");
        assertThat(routed.status()).isEqualTo(Status.OPEN);
    }

    @Test
    void aResolvedTicketGivesItsAgentsSlotBack() {
        agents.save(AgentProfile.of("ana", "Ana", List.of("claims"), true, 1));
        rule("all", Map.of("order", 1, "when", Map.of(), "then", Map.of("assignGroup", "claims", "assign", "round-robin")));
        Ticket first = ticket("One", "one", Channel.EMAIL);
        Ticket second = ticket("Two", "two", Channel.EMAIL);
        routing.route(first.id());
        routing.route(second.id());
        assertThat(reread(first).assignee()).isEqualTo("ana");
        assertThat(reread(second).assignee()).as("ana is at capacity").isNull();
        assertThat(reread(second).group()).isEqualTo("claims");
        desk.commands().update(first.id(), new com.helpdesk.core.ticket.TicketChange(Status.RESOLVED, null, null, null, null, null, null),
                OptionalLong.empty(), Actor.agent("ana"));
        routing.reconcile(first.id());
        assertThat(agents.find("ana").orElseThrow().load()).isZero();
        routing.route(second.id());
        assertThat(reread(second).assignee()).isEqualTo("ana");
    }

    @Test
    void aCatastrophicPatternIsNoMatchNotAStall() {
        TextPattern evil = TextPattern.compile("when.textMatches", "^(a+)+$");
        assertThat(evil.foundIn("a".repeat(40) + "!")).isFalse();
        assertThat(evil.foundIn("aaaa")).isTrue();
        assertThat(TextPattern.compile("f", "broken").foundIn("x".repeat(TextPattern.MAX_TEXT) + "broken")).as("past the cut").isFalse();
    }

    @Test
    void everyBadFieldOfARuleIsNamed() {
        Map<String, Object> body = new HashMap<>();
        body.put("order", -1);
        body.put("when", Map.of("channel", "fax", "intent", "wish", "textMatches", "(unclosed", "orderTotalOver", "lots", "colour", "red"));
        body.put("then", Map.of("assign", "round-robin", "priority", "asap", "addTags", List.of("ok", "bad tag!"), "escalate", "yes"));
        assertThatThrownBy(() -> RoutingRuleWire.parse("Bad Id", body)).isInstanceOfSatisfying(ValidationException.class, e ->
                assertThat(e.errors()).extracting(ValidationException.FieldError::field).contains("id", "order", "when.channel",
                        "when.intent", "when.textMatches", "when.orderTotalOver", "when.colour", "then.assign", "then.priority",
                        "then.addTags[1]", "then.escalate"));
        assertThatThrownBy(() -> RoutingRuleWire.parse("x", Map.of("order", 1, "when", Map.of(), "then", Map.of())))
                .hasMessageContaining("then: does nothing");
        assertThatThrownBy(() -> RoutingRuleWire.parse("x", Map.of("order", 1, "when", Map.of("textMatches", "a".repeat(201)),
                "then", Map.of("addTags", List.of("t"))))).hasMessageContaining("when.textMatches: is longer than 200");
        Map<String, Object> good = Map.of("order", 5, "when", Map.of("intent", "damage_claim", "tagsAny", List.of("Fragile Goods")),
                "then", Map.of("assignGroup", "claims", "assign", "least-loaded"));
        RoutingRule parsed = RoutingRuleWire.parse("damage", good);
        assertThat(parsed.when().tagsAny()).containsExactly("fragile-goods");
        assertThat(RoutingRuleWire.parse("damage", RoutingRuleWire.toWire(parsed))).isEqualTo(parsed);
    }

    private final class MemoryRules implements RoutingRules {
        public Optional<RoutingRule> find(String id) { return Optional.ofNullable(rules.get(id)); }
        public List<RoutingRule> list() { return List.copyOf(rules.values()); }
        public void save(RoutingRule rule) { rules.put(rule.id(), rule); }
        public boolean delete(String id) { return rules.remove(id) != null; }
    }
}
