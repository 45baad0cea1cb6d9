package com.helpdesk.mail;

/**
 * Plain text sent as format=flowed (RFC 3676; Thunderbird, Apple Mail): a line ending in a space continues on
 * the next line of the same quote depth, so the paragraphs the sender typed are joined back. With delsp=yes
 * (Apple Mail, and any text in a language written without spaces) that space was added for transport and goes.
 * A space-stuffed line loses its stuffing space; the "-- " signature line is never joined.
 */
final class FlowedText {
    private FlowedText() {}

    static String unflow(String text, boolean delSp) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        StringBuilder out = new StringBuilder(text.length());
        int paragraphDepth = -1; // the quote depth of the paragraph being joined, -1 when none is open
        for (String line : lines) {
            int depth = 0;
            while (depth < line.length() && line.charAt(depth) == '>') depth++;
            String content = line.substring(depth);
            if (content.startsWith(" ")) content = content.substring(1); // stuffing, or the space after the quote marks
            boolean signature = content.equals("-- ");
            boolean flowed = !signature && content.endsWith(" ");
            if (paragraphDepth >= 0 && paragraphDepth != depth) out.append('\n'); // a quote depth change ends the paragraph
            if (paragraphDepth != depth) out.append(">".repeat(depth)).append(depth > 0 ? " " : "");
            out.append(flowed && delSp ? content.substring(0, content.length() - 1) : content);
            paragraphDepth = flowed ? depth : -1;
            if (!flowed) out.append('\n');
        }
        if (paragraphDepth >= 0) out.append('\n');
        out.setLength(Math.max(0, out.length() - 1)); // split() gave one line more than the text's line breaks
        return out.toString();
    }
}
