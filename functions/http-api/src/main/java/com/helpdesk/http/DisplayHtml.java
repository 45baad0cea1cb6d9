package com.helpdesk.http;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.safety.Cleaner;
import org.jsoup.safety.Safelist;

import java.util.Locale;

/**
 * Customer HTML made safe to display. The raw HTML stays stored as it came (it is evidence); what the
 * API returns for display keeps the structure and formatting of the message and loses everything that
 * runs, submits or calls home: scripts, styles, frames, objects, forms, event handlers, javascript:,
 * vbscript: and data: URLs (inline data:image/* pictures excepted). Links open in a new context without
 * a referrer. Remote images are blocked (their URL kept in data-blocked-src, no src), so opening a
 * ticket never tells the sender it was read; cid: images (the message's own parts) stay.
 */
public final class DisplayHtml {
    public static final String BLOCKED_SRC = "data-blocked-src";
    private static final Safelist SAFE = Safelist.relaxed()
            .removeProtocols("a", "href", "ftp")
            .addProtocols("img", "src", "cid", "data")
            .addAttributes("a", "title")
            .addAttributes("img", "title")
            .addAttributes(":all", "dir", "lang");

    private DisplayHtml() {}

    public static String sanitize(String html) {
        if (html == null) return null;
        Document clean = new Cleaner(SAFE).clean(Jsoup.parseBodyFragment(html));
        for (Element a : clean.select("a")) {
            a.attr("rel", "noopener noreferrer nofollow");
            a.attr("target", "_blank");
        }
        for (Element img : clean.select("img")) blockRemote(img);
        clean.outputSettings().prettyPrint(false);
        return clean.body().html();
    }

    private static void blockRemote(Element img) {
        String src = img.attr("src").strip();
        String lower = src.toLowerCase(Locale.ROOT);
        if (lower.startsWith("cid:")) return;
        if (lower.startsWith("data:image/") && !lower.startsWith("data:image/svg")) return;
        img.removeAttr("src");
        if (lower.startsWith("http://") || lower.startsWith("https://")) img.attr(BLOCKED_SRC, src);
    }
}
