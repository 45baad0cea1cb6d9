package com.helpdesk.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The form every path parameter must have (the patterns openapi.yaml publishes). The Router checks each
 * one before any handler runs, so a value no store could hold (a 3,000-character channel id, control
 * characters) is a 400 naming the parameter, never a store error. A route whose parameter has no rule
 * here is refused when the router is built: a new route cannot skip the check.
 */
public final class PathParameters {
    /** A parameter's pattern and how the API describes it to a client. */
    public record Rule(Pattern pattern, String description) {
        public boolean accepts(String value) {
            return value != null && pattern.matcher(value).matches();
        }
    }

    private static final Rule TICKET_REF = rule("^#?(?:[0-9]{1,15}|tkt_[0-9a-z]{26})$",
            "a ticket id (tkt_ followed by 26 lower-case letters or digits) or a ticket number (1 to 15 digits)");
    private static final Map<String, Rule> STANDARD = Map.of(
            "id", TICKET_REF,
            "otherId", TICKET_REF,
            "attachmentId", rule("^[^/\\p{Cntrl}\\u2028\\u2029]{1,200}$",
                    "an attachment id as listed on the ticket's messages (1 to 200 characters, no '/' or control characters)"),
            "channelId", rule("^[a-z0-9][a-z0-9-]{0,62}$",
                    "a channel id (1 to 63 lower-case letters, digits and '-', starting with a letter or digit)"),
            "storeId", rule("^[a-z0-9][a-z0-9-]{0,62}$",
                    "a store id (1 to 63 lower-case letters, digits and '-', starting with a letter or digit)"),
            "customer", rule("^[^/\\x00-\\x1f\\x7f]{1,254}$",
                    "a customer's email address or phone number (E.164, with its '+' as %2B)"),
            "token", rule("^(?=.{3,512}$)(?:[a-z0-9]{1,8}\\.)?[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+$",
                    "a survey token as sent in the survey link (at most 512 characters)"));

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^}/+]+)\\+?}");

    private PathParameters() {}

    public static Rule rule(String regex, String description) {
        return new Rule(Pattern.compile(regex), description);
    }

    /** The API's rule for a parameter name, or null when it has none. */
    public static Rule standard(String name) {
        return STANDARD.get(name);
    }

    /** The parameter names of a route key, in order: "GET /tickets/{id}/links/{otherId}" gives id, otherId. */
    public static List<String> namesIn(String routeKey) {
        Matcher m = PLACEHOLDER.matcher(routeKey);
        List<String> out = new java.util.ArrayList<>();
        while (m.find()) out.add(m.group(1));
        return out;
    }

    /** The rules of a route's parameters; IllegalArgumentException names a parameter that has none. */
    static Map<String, Rule> rulesFor(String routeKey, Map<String, Rule> extra) {
        Map<String, Rule> out = new LinkedHashMap<>();
        for (String name : namesIn(routeKey)) {
            Rule r = extra.containsKey(name) ? extra.get(name) : STANDARD.get(name);
            if (r == null) {
                throw new IllegalArgumentException("route " + routeKey + ": path parameter {" + name
                        + "} has no pattern; add it to PathParameters or declare it with Router.pathParameter");
            }
            out.put(name, r);
        }
        return out;
    }

    /** A 400 naming the parameter and its form; the value itself is not echoed (it may be huge or hostile). */
    static HttpProblem invalid(String name, Rule rule, String value) {
        String reason = value == null || value.isEmpty() ? "is required" : "must be " + rule.description();
        return new HttpProblem(400, "invalid-path-parameter", "Invalid path parameter",
                "path parameter " + name + " " + reason + (value == null ? "" : " (got " + value.length() + " characters)"),
                List.of(Map.of("field", name, "in", "path", "reason", reason)), Map.of());
    }
}
