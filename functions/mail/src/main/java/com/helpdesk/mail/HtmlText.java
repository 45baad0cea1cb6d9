package com.helpdesk.mail;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

import java.util.Set;

/**
 * HTML mail as readable text: block elements become lines, list items get dashes, links keep their
 * target, and what no reader sees (style, script, head, comments) is left out. {@link #visible} also
 * drops the quoted history mail clients mark up (Gmail, Outlook, Apple Mail, Thunderbird, Yahoo).
 */
final class HtmlText {
    private HtmlText() {}

    private static final Set<String> BLOCKS = Set.of("p", "div", "br", "tr", "li", "ul", "ol", "table", "h1", "h2", "h3", "h4", "h5",
            "h6", "blockquote", "pre", "hr", "section", "article", "header", "footer", "dl", "dt", "dd", "address", "center");

    /** Quotes embedded in the reply itself (Apple Mail and Thunderbird cite with blockquote type=cite). */
    private static final String QUOTES = "blockquote[type=cite], blockquote.gmail_quote, div.gmail_extra";

    static String text(String html) {
        return render(Jsoup.parse(html));
    }

    /**
     * Where the quoted mail begins in the markup of the big clients (GMX and web.de: div name=quote; Zoho): it and
     * everything after it go.
     */
    private static final String QUOTE_STARTS = "div#divRplyFwdMsg, div#x_divRplyFwdMsg, div#appendonsend, div.moz-cite-prefix,"
            + " div.gmail_quote, .gmail_quote_container, div.yahoo_quoted, div#mail-editor-reference-message-container,"
            + " div.ms-outlook-mobile-reference-message, hr#stopSpelling, div[name=quote], div.zmail_extra";

    /**
     * Quotes that are one element, the attribution inside or right before it: a reply written below them
     * (bottom-posting) is the text around them. Outlook's markers are not among them: the quoted mail
     * follows its header block unmarked.
     */
    private static final String WRAPPED_QUOTES = "div.moz-cite-prefix, blockquote[type=cite], div.gmail_quote, .gmail_quote_container,"
            + " blockquote.gmail_quote, div.gmail_extra, div.yahoo_quoted, div[name=quote], div.zmail_extra";

    static String visible(String html) {
        Document doc = Jsoup.parse(html);
        Element start = doc.selectFirst(QUOTE_STARTS);
        if (start == null) start = outlookHeaderBlock(doc);
        if (start != null) cutFrom(start);
        doc.select(QUOTES).remove(); // quotes embedded above the cut (Apple Mail, Thunderbird)
        String above = render(doc);
        if (!above.isBlank() || start == null || !start.is(WRAPPED_QUOTES)) return above;
        Document again = Jsoup.parse(html); // nothing above the quote: the reply is below it
        again.select(WRAPPED_QUOTES).remove();
        return render(again);
    }

    /**
     * Outlook desktop marks the quoted mail with a top border on the div holding its From/Sent block
     * (#E1E1E1 now, #B5C4DF before 2013), not with an id.
     */
    private static Element outlookHeaderBlock(Document doc) {
        for (Element div : doc.select("div[style*=border-top]")) {
            String style = div.attr("style").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
            if ((style.contains("#e1e1e1") || style.contains("#b5c4df")) && div.text().matches("(?s)^\\s*\\S{2,12}\\s*[:：].*")) return div;
        }
        return null;
    }

    /** Removes the element and everything after it in document order (its following siblings, and its ancestors'). */
    private static void cutFrom(Element start) {
        Element e = start;
        while (e != null && !e.normalName().equals("body")) {
            Node next = e.nextSibling();
            while (next != null) {
                Node after = next.nextSibling();
                next.remove();
                next = after;
            }
            e = e.parent();
        }
        start.remove();
    }

    private static String render(Document doc) {
        doc.select("style, script, head, title, noscript, template, xml").remove();
        StringBuilder out = new StringBuilder();
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {
                if (node instanceof TextNode t) {
                    String text = t.getWholeText();
                    boolean pre = t.parent() instanceof Element e && e.normalName().equals("pre");
                    appendText(out, pre ? text : text.replaceAll("[\\s\\u00a0]+", " ").replace('\u00a0', ' '));
                } else if (node instanceof Element e) {
                    String n = e.normalName();
                    if (n.equals("br")) out.append('\n');
                    else if (BLOCKS.contains(n)) newLine(out);
                    if (isSpacer(e)) out.append('\n'); // GMX, web.de: an empty line is <div>&nbsp;</div>
                    if (n.equals("li")) out.append("- ");
                    if ((n.equals("td") || n.equals("th")) && e.elementSiblingIndex() > 0) out.append('\t');
                    if (n.equals("img") && !e.attr("alt").isBlank()) appendText(out, "[" + e.attr("alt") + "]");
                }
            }

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof Element e) {
                    String n = e.normalName();
                    if (n.equals("a")) {
                        String href = e.attr("href");
                        String text = e.text().strip();
                        if ((href.startsWith("http://") || href.startsWith("https://")) && !text.isEmpty() && !text.equals(href)
                                && !text.equals(href.replaceFirst("^https?://", ""))) {
                            out.append(" <").append(href).append('>');
                        }
                    } else if (BLOCKS.contains(n) && !n.equals("br")) {
                        newLine(out);
                        if (n.equals("p") || n.startsWith("h") && n.length() == 2) out.append('\n');
                    }
                }
            }
        }, doc.body() == null ? doc : doc.body());
        return tidy(out.toString());
    }

    /** A div or p holding nothing but a no-break space: how some webmailers write an empty line between paragraphs. */
    private static boolean isSpacer(Element e) {
        return (e.normalName().equals("div") || e.normalName().equals("p")) && e.childrenSize() == 0 && e.wholeText().indexOf('\u00a0') >= 0
                && e.wholeText().replace('\u00a0', ' ').isBlank();
    }

    private static void appendText(StringBuilder out, String text) {
        if (text.isEmpty()) return;
        boolean atLineStart = out.length() == 0 || out.charAt(out.length() - 1) == '\n';
        if (atLineStart) text = text.stripLeading();
        else if (out.charAt(out.length() - 1) == ' ' && text.startsWith(" ")) text = text.substring(1);
        out.append(text);
    }

    private static void newLine(StringBuilder out) {
        int len = out.length();
        while (len > 0 && out.charAt(len - 1) == ' ') len--;
        out.setLength(len);
        if (len > 0 && out.charAt(len - 1) != '\n') out.append('\n');
    }

    /** At most one blank line in a row, no trailing spaces. */
    static String tidy(String s) {
        String t = s.replaceAll("[ \\t]+\\n", "\n").replaceAll("\\n{3,}", "\n\n");
        return t.strip();
    }
}
