package com.helpdesk.core.email;

import com.helpdesk.core.csat.CsatService;

import java.time.Instant;

/**
 * The satisfaction survey's five one-click rating links for a ticket's current resolution (docs/csat.md), as mail
 * text and HTML: in the resolution notice, or in the AI's answer that resolved the ticket (then it is the only mail).
 */
public final class SurveyLinks {
    /** @param text one line per rating; @param html the five links in a row */
    public record Lines(String text, String html, Instant expiresAt) {}

    private final CsatService surveys;
    private final String publicBaseUrl;

    public SurveyLinks(CsatService surveys, String publicBaseUrl) {
        this.surveys = surveys;
        this.publicBaseUrl = publicBaseUrl.replaceAll("/+$", "");
    }

    public Lines of(String ticketId) {
        CsatService.Survey survey = surveys.surveyFor(ticketId);
        String link = publicBaseUrl + "/csat/" + survey.token();
        StringBuilder text = new StringBuilder();
        StringBuilder html = new StringBuilder();
        for (int rating = 1; rating <= 5; rating++) {
            text.append(rating).append(": ").append(link).append("?rating=").append(rating).append('\n');
            html.append("<a href=\"").append(EmailNotices.escape(link)).append("?rating=").append(rating).append("\">").append(rating).append("</a> ");
        }
        return new Lines(text.toString(), html.toString(), survey.expiresAt());
    }
}
