package com.helpdesk.core.sla;

import com.helpdesk.core.ValidationException;
import com.helpdesk.core.ValidationException.FieldError;
import com.helpdesk.core.ticket.Channel;
import com.helpdesk.core.ticket.Priority;
import org.junit.jupiter.api.Test;

import java.math.BigInteger;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class SlaPolicyTest {

    /** The issue's example body, as Jackson would hand it over. */
    static Map<String, Object> issueExample() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "Urgent email");
        body.put("order", 10);
        body.put("match", Map.of("priority", List.of("urgent", "high"), "channel", List.of("email"), "tag", List.of("VIP")));
        body.put("businessHours", "emea");
        body.put("targets", Map.of("firstResponse", "PT1H", "nextResponse", "PT4H", "resolution", "P2D"));
        body.put("warnAt", 0.75);
        body.put("onBreach", Map.of("escalate", true, "group", "tier2", "tag", "sla-breached"));
        return body;
    }

    @Test
    void theIssueExampleParsesIntoItsValues() {
        SlaPolicy p = SlaPolicyWire.parse("urgent-email", issueExample());
        assertThat(p.id()).isEqualTo("urgent-email");
        assertThat(p.name()).isEqualTo("Urgent email");
        assertThat(p.order()).isEqualTo(10);
        assertThat(p.match().priorities()).containsExactlyInAnyOrder(Priority.URGENT, Priority.HIGH);
        assertThat(p.match().channels()).containsExactly(Channel.EMAIL);
        assertThat(p.match().tags()).containsExactly("vip"); // normalised like ticket tags
        assertThat(p.businessHours()).isEqualTo("emea");
        assertThat(p.targets()).containsEntry(SlaTarget.FIRST_RESPONSE, Duration.ofHours(1))
                .containsEntry(SlaTarget.NEXT_RESPONSE, Duration.ofHours(4))
                .containsEntry(SlaTarget.RESOLUTION, Duration.ofHours(48));
        assertThat(p.warnAt()).isEqualTo(0.75);
        assertThat(p.onBreach()).isEqualTo(new SlaPolicy.OnBreach(true, "tier2", "sla-breached"));
    }

    @Test
    void theWireShapeReadsBackToTheSamePolicy() {
        SlaPolicy p = SlaPolicyWire.parse("urgent-email", issueExample());
        Map<String, Object> wire = SlaPolicyWire.toWire(p);
        assertThat(wire).containsEntry("id", "urgent-email").containsEntry("businessHours", "emea").containsEntry("warnAt", 0.75);
        assertThat(wire.get("targets")).isEqualTo(Map.of("firstResponse", "PT1H", "nextResponse", "PT4H", "resolution", "PT48H"));
        assertThat(wire.get("match")).isEqualTo(Map.of("priority", List.of("high", "urgent"), "channel", List.of("email"), "tag", List.of("vip")));
        assertThat(SlaPolicyWire.parse("urgent-email", wire)).isEqualTo(p);
        assertThat(SlaPolicyWire.parse("default", SlaPolicyWire.toWire(SlaPolicy.BUILT_IN_DEFAULT))).isEqualTo(SlaPolicy.BUILT_IN_DEFAULT);
    }

    @Test
    void optionalPartsTakeTheirDefaults() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", "Plain");
        body.put("order", 1);
        body.put("targets", Map.of("resolution", "PT8H"));
        body.put("businessHours", null);
        SlaPolicy p = SlaPolicyWire.parse("plain", body);
        assertThat(p.match()).isEqualTo(SlaMatch.ANY);
        assertThat(p.businessHours()).isNull();
        assertThat(p.warnAt()).isEqualTo(SlaPolicy.DEFAULT_WARN_AT);
        assertThat(p.onBreach()).isEqualTo(SlaPolicy.OnBreach.NOTHING);
        assertThat(p.targets()).containsOnlyKeys(SlaTarget.RESOLUTION);
        assertThat(SlaPolicyWire.parse("big", withField(body, "order", BigInteger.valueOf(-5))).order()).isEqualTo(-5);
    }

    @Test
    void everyBadFieldIsNamedAtOnce() {
        Map<String, Object> body = new HashMap<>();
        body.put("name", " ");
        body.put("order", 1.5);
        body.put("match", Map.of("priority", Arrays.asList("urgent", "asap", 3), "channel", "email", "tag", List.of("no!")));
        body.put("businessHours", "Not An Id");
        body.put("targets", Map.of("firstResponse", "1 hour", "nextResponse", "-PT1H", "resolution", "P400D", "sla", "PT1H"));
        body.put("warnAt", 1);
        body.put("onBreach", Map.of("escalate", "yes", "group", "tier2", "tag", 7));
        body.put("prority", List.of());
        List<String> fields = fields(() -> SlaPolicyWire.parse("BAD ID", body));
        assertThat(fields).containsExactlyInAnyOrder("id", "name", "order", "match.priority[1]", "match.priority[2]", "match.channel",
                "match.tag[0]", "businessHours", "targets.firstResponse", "targets.nextResponse", "targets.resolution", "targets.sla",
                "warnAt", "onBreach.escalate", "onBreach.group", "onBreach.tag", "prority");
    }

    @Test
    void targetsAreRequiredWithAtLeastOneAndNoWeeksOrMonths() {
        Map<String, Object> base = new HashMap<>(Map.of("name", "x", "order", 1));
        assertThat(fields(() -> SlaPolicyWire.parse("x", base))).containsExactly("targets");
        assertThat(fields(() -> SlaPolicyWire.parse("x", withField(base, "targets", Map.of())))).containsExactly("targets");
        Map<String, Object> nulls = new HashMap<>();
        nulls.put("firstResponse", null);
        assertThat(fields(() -> SlaPolicyWire.parse("x", withField(base, "targets", nulls)))).containsExactly("targets");
        ValidationException e = catchThrowableOfType(() -> SlaPolicyWire.parse("x", withField(base, "targets", Map.of("resolution", "P1W"))),
                ValidationException.class);
        assertThat(e.errors()).extracting(FieldError::field).containsExactly("targets.resolution");
        assertThat(e.getMessage()).contains("ISO-8601").doesNotContain("DateTimeParseException");
        assertThat(fields(() -> SlaPolicyWire.parse("x", withField(base, "targets", Map.of("resolution", "PT0S")))))
                .containsExactly("targets.resolution");
    }

    @Test
    void aNameIsOneLine() {
        Map<String, Object> base = new HashMap<>(Map.of("order", 1, "targets", Map.of("resolution", "PT1H")));
        for (String bad : List.of("Gold\r\nBcc: x", "Gold\tplan", "Gold\u2028plan")) {
            assertThat(fields(() -> SlaPolicyWire.parse("x", withField(base, "name", bad)))).as(bad).containsExactly("name");
        }
        assertThat(SlaPolicyWire.parse("x", withField(base, "name", "Gold – Priorität")).name()).isEqualTo("Gold – Priorität");
    }

    @Test
    void warnAtMustLieStrictlyBetweenZeroAndOne() {
        Map<String, Object> base = new HashMap<>(Map.of("name", "x", "order", 1, "targets", Map.of("resolution", "PT1H")));
        for (Object bad : List.of(0, 0.0, 1.0, -0.5, "0.5", Double.NaN)) {
            assertThat(fields(() -> SlaPolicyWire.parse("x", withField(base, "warnAt", bad)))).as("warnAt %s", bad).containsExactly("warnAt");
        }
        assertThat(SlaPolicyWire.parse("x", withField(base, "warnAt", 0.9)).warnAt()).isEqualTo(0.9);
    }

    @Test
    void aBodyThatIsNotAnObjectOrNamesAnotherIdIsRefused() {
        assertThat(fields(() -> SlaPolicyWire.parse("x", List.of()))).containsExactly("body");
        Map<String, Object> body = new HashMap<>(Map.of("id", "other", "name", "x", "order", 1, "targets", Map.of("resolution", "PT1H")));
        assertThat(fields(() -> SlaPolicyWire.parse("x", body))).containsExactly("id");
        assertThat(fields(() -> SlaPolicyWire.parse("x", withField(body, "order", 3_000_000_000L)))).contains("order");
        List<String> manyTags = java.util.stream.IntStream.range(0, 101).mapToObj(i -> "t" + i).toList();
        assertThat(fields(() -> SlaPolicyWire.parse("x", withField(body, "match", Map.of("tag", manyTags))))).contains("match.tag");
    }

    @Test
    void selectTakesTheFirstMatchingPolicyByOrderThenId() {
        SlaPolicy urgent = policy("urgent", 10, new SlaMatch(Set.of(Priority.URGENT), null, null));
        SlaPolicy vipB = policy("vip-b", 20, new SlaMatch(null, null, new java.util.TreeSet<>(Set.of("vip", "gold"))));
        SlaPolicy vipA = policy("vip-a", 20, new SlaMatch(null, null, new java.util.TreeSet<>(Set.of("vip"))));
        SlaPolicy emailHigh = policy("email-high", 5, new SlaMatch(Set.of(Priority.HIGH), Set.of(Channel.EMAIL), null));
        List<SlaPolicy> all = new ArrayList<>(List.of(vipB, urgent, vipA, emailHigh));

        assertThat(SlaPolicies.select(all, new TicketFacts(Priority.URGENT, Channel.CHAT, Set.of("vip")))).isEqualTo(urgent);
        assertThat(SlaPolicies.select(all, new TicketFacts(Priority.NORMAL, Channel.CHAT, Set.of("vip", "x")))).isEqualTo(vipA);
        assertThat(SlaPolicies.select(all, new TicketFacts(Priority.NORMAL, Channel.CHAT, Set.of("gold")))).isEqualTo(vipB);
        assertThat(SlaPolicies.select(all, new TicketFacts(Priority.HIGH, Channel.EMAIL, Set.of()))).isEqualTo(emailHigh);
        // each non-empty criterion must hold: high on chat is not email-high
        assertThat(SlaPolicies.select(all, new TicketFacts(Priority.HIGH, Channel.CHAT, Set.of()))).isEqualTo(SlaPolicy.BUILT_IN_DEFAULT);
        assertThat(SlaPolicies.select(List.of(), new TicketFacts(Priority.LOW, Channel.WEB, Set.of()))).isEqualTo(SlaPolicy.BUILT_IN_DEFAULT);
    }

    @Test
    void theBuiltInDefaultIsAroundTheClockWithEveryTarget() {
        SlaPolicy d = SlaPolicy.BUILT_IN_DEFAULT;
        assertThat(d.businessHours()).isNull();
        assertThat(d.match()).isEqualTo(SlaMatch.ANY);
        assertThat(d.targets()).containsEntry(SlaTarget.FIRST_RESPONSE, Duration.ofHours(8))
                .containsEntry(SlaTarget.NEXT_RESPONSE, Duration.ofHours(24))
                .containsEntry(SlaTarget.RESOLUTION, Duration.ofDays(5));
        assertThatThrownBy(() -> new SlaPolicy("x", "x", 1, SlaMatch.ANY, null, Map.of(), 0.5, SlaPolicy.OnBreach.NOTHING))
                .isInstanceOf(IllegalArgumentException.class);
    }

    static SlaPolicy policy(String id, int order, SlaMatch match) {
        return new SlaPolicy(id, id, order, match, null, Map.of(SlaTarget.RESOLUTION, Duration.ofHours(8)), 0.75, SlaPolicy.OnBreach.NOTHING);
    }

    private static Map<String, Object> withField(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new HashMap<>(body);
        copy.put(field, value);
        return copy;
    }

    private static List<String> fields(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        ValidationException e = catchThrowableOfType(call, ValidationException.class);
        assertThat(e).as("a ValidationException").isNotNull();
        return e.errors().stream().map(FieldError::field).toList();
    }
}
