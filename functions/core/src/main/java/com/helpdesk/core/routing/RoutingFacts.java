package com.helpdesk.core.routing;

import com.helpdesk.core.orders.OrderContext;
import com.helpdesk.core.ticket.Ticket;
import com.helpdesk.core.triage.IntentName;

import java.math.BigDecimal;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What rules look at: the ticket, its intent (none until triage has classified it, or under the threshold), its
 * customer's Shopify tags and largest order total (none until the order lookup has run), and the customer's text.
 */
public record RoutingFacts(Ticket ticket, IntentName intent, Set<String> customerTags, BigDecimal largestOrderTotal, String text) {
    public static RoutingFacts of(Ticket ticket, IntentName intent, OrderContext context, String customerText) {
        Set<String> customerTags = context == null || context.customer() == null ? Set.of()
                : context.customer().tags().stream().map(t -> t.strip().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        BigDecimal largest = context == null ? null : context.orders().stream().map(o -> amount(o.total()))
                .filter(Objects::nonNull).max(BigDecimal::compareTo).orElse(null);
        String text = ticket.subject() + "\n" + (customerText == null ? "" : customerText);
        return new RoutingFacts(ticket, intent, customerTags, largest, text);
    }

    private static BigDecimal amount(String total) {
        try {
            return total == null ? null : new BigDecimal(total.strip());
        } catch (NumberFormatException e) {
            return null; // a total Shopify wrote in a form we do not read matches no threshold
        }
    }

    /** Whether every condition the rule gives holds. */
    public boolean match(RoutingRule.When w) {
        List<String> tags = ticket.tags();
        return (w.channel() == null || w.channel() == ticket.channel())
                && (w.intent() == null || w.intent() == intent)
                && (w.tagsAny().isEmpty() || w.tagsAny().stream().anyMatch(tags::contains))
                && (w.priority() == null || w.priority() == ticket.priority())
                && (w.customerTag() == null || customerTags.contains(w.customerTag().toLowerCase(Locale.ROOT)))
                && (w.orderTotalOver() == null || (largestOrderTotal != null && largestOrderTotal.compareTo(w.orderTotalOver()) > 0))
                && (w.textMatches() == null || w.textMatches().foundIn(text));
    }

    public Optional<IntentName> intentName() {
        return Optional.ofNullable(intent);
    }
}
