package com.helpdesk.local.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One HTTP API route from the template: "METHOD /path/{param}" bound to a function, with the
 * authorizer it needs (null for none). Matching follows API Gateway: {name} is one path segment,
 * {name+} the rest of the path; the most specific route wins.
 */
public record Route(String method, String path, String functionId, String authorizer, List<String> audiences,
                    Pattern pattern, List<String> params, int specificity) {

    public static Route of(String method, String path, String functionId, String authorizer, List<String> audiences) {
        List<String> params = new ArrayList<>();
        StringBuilder regex = new StringBuilder("^");
        int specificity = 0;
        if (path.equals("$default")) {
            regex.append(".*");
            specificity = -1000;
        } else {
            Matcher m = Pattern.compile("\\{([^}/]+?)(\\+?)}").matcher(path);
            int last = 0;
            while (m.find()) {
                regex.append(Pattern.quote(path.substring(last, m.start())));
                params.add(m.group(1));
                regex.append(m.group(2).isEmpty() ? "([^/]+)" : "(.+)");
                specificity += m.group(2).isEmpty() ? 10 : 1;
                last = m.end();
            }
            String tail = path.substring(last);
            regex.append(Pattern.quote(tail));
            specificity += 100 * (int) path.chars().filter(ch -> ch == '/').count() - (params.size() * 50);
        }
        regex.append("$");
        String upper = method.toUpperCase();
        return new Route(upper.equals("ANY") ? "ANY" : upper, path, functionId, authorizer, audiences,
                Pattern.compile(regex.toString()), params, specificity + (upper.equals("ANY") ? 0 : 1));
    }

    public String routeKey() {
        return path.equals("$default") ? "$default" : method + " " + path;
    }

    /** Path parameters when the path matches, else null. */
    public Map<String, String> match(String requestPath) {
        Matcher m = pattern.matcher(requestPath);
        if (!m.matches()) return null;
        Map<String, String> out = new LinkedHashMap<>();
        for (int i = 0; i < params.size(); i++) out.put(params.get(i), m.group(i + 1));
        return out;
    }

    public boolean allows(String requestMethod) {
        return method.equals("ANY") || method.equals(requestMethod);
    }
}
