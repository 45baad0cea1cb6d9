package com.helpdesk.csat;

import com.helpdesk.core.ticket.Ticket;

/** The survey's small, self-contained HTML pages (no scripts, no external resources). */
final class SurveyPage {
    private static final String[] LABELS = {"", "Very unhappy", "Unhappy", "Okay", "Happy", "Very happy"};

    private SurveyPage() {}

    static String form(Ticket t) {
        StringBuilder b = new StringBuilder();
        b.append("<h1>How did we do?</h1><p>About your request #").append(t.number()).append(": ")
                .append(escape(t.subject())).append("</p><p class=\"stars\">");
        for (int r = 1; r <= 5; r++) {
            b.append("<a href=\"?rating=").append(r).append("\" title=\"").append(LABELS[r]).append("\">")
                    .append(r).append("</a> ");
        }
        b.append("</p>");
        return layout(b.toString());
    }

    static String thanks(Ticket t) {
        String comment = t.csat().comment() == null ? "" : t.csat().comment();
        return layout("<h1>Thank you!</h1><p>You rated request #" + t.number() + " " + t.csat().rating() + " of 5 ("
                + LABELS[t.csat().rating()] + ").</p>"
                + "<form method=\"post\"><input type=\"hidden\" name=\"rating\" value=\"" + t.csat().rating() + "\">"
                + "<label for=\"comment\">Anything you would like to add?</label><br>"
                + "<textarea id=\"comment\" name=\"comment\" rows=\"5\" maxlength=\"2000\">" + escape(comment) + "</textarea><br>"
                + "<button type=\"submit\">Send</button></form>");
    }

    static String problem(int status, String detail) {
        String title = status == 410 ? "This survey has closed" : status == 401 ? "This link is not valid" : "Something is wrong";
        return layout("<h1>" + title + "</h1><p>" + escape(detail) + "</p>");
    }

    private static String layout(String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>Your feedback</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:36rem;margin:3rem auto;padding:0 1rem}"
                + ".stars a{display:inline-block;font-size:1.5rem;padding:.5rem .9rem;border:1px solid #999;border-radius:.4rem;"
                + "text-decoration:none;margin:.2rem}textarea{width:100%}</style></head><body>" + body + "</body></html>";
    }

    static String escape(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (char c : s.toCharArray()) {
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> b.append(c);
            }
        }
        return b.toString();
    }
}
