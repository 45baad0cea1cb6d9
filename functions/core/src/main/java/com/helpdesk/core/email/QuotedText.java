package com.helpdesk.core.email;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Finds the part of a reply its sender wrote this time: everything from the first quote header (Gmail's
 * "On ... wrote:", Apple Mail's, Outlook's "From:/Sent:" block or "Original Message" separator, in the
 * languages the big clients write them), "&gt;" quoted lines, the "-- " signature and "Sent from my ..."
 * lines are cut. When nothing would be left, the whole text is the visible text.
 */
public final class QuotedText {
    private QuotedText() {}

    private static final String WROTE = "(wrote|writes|schrieb|a écrit|a ecrit|escribió|escribio|ha scritto|escreveu|schreef|skrev|kirjoitti"
            + "|napisał|napisal|написал\\(а\\)|написал|написала|napsal|yazdı|έγραψε|のメッセージ|写道|寫道|작성)";
    /**
     * "On &lt;date&gt;, &lt;someone&gt; wrote:" and its translations (German Gmail puts the name after the verb:
     * "Am ... schrieb Name &lt;address&gt;:"); the header may be wrapped onto a second line.
     */
    private static final Pattern ATTRIBUTION = Pattern.compile(
            "^\\s*(On|Am|Le|El|Il|Em|Op|På|Den|W dniu|Dne|В|Στις|Op \\S+|Le \\S+|\\d{4}[-/.年]).{0,300}" + WROTE
                    + "(\\s*[:：]?\\s*|\\s.{1,250}[:：]\\s*)$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern ATTRIBUTION_LOOSE = Pattern.compile("^.{0,300}\\S.{0,20}" + WROTE + "\\s*[:：]\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SEPARATOR = Pattern.compile(
            "^\\s*-{2,}\\s*(Original Message|Ursprüngliche Nachricht|Message d'origine|Mensaje original|Messaggio originale"
                    + "|Oorspronkelijk bericht|Originalmeddelande|Alkuperäinen viesti|Wiadomość oryginalna|Исходное сообщение"
                    + "|Původní zpráva|Mensagem original|Oprindelig meddelelse|Opprinnelig melding)\\s*-{2,}\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern UNDERSCORES = Pattern.compile("^\\s*_{10,}\\s*$");
    private static final Pattern HEADER_FROM = Pattern.compile("^\\s*\\*?(From|Von|De|Van|Da|Från|Fra|Od|От|Lähettäjä|Feladó|Kimden|差出人|发件人|寄件者)\\s*\\*?\\s*[:：]",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern HEADER_NEXT = Pattern.compile(
            "^\\s*\\*?(Sent|Date|To|Subject|Cc|Gesendet|Datum|An|Betreff|Envoyé|Date|À|Objet|Enviado|Fecha|Para|Asunto|Verzonden|Aan|Onderwerp"
                    + "|Inviato|Data|A|Oggetto|Skickat|Till|Ämne|Sendt|Til|Emne|Wysłano|Do|Temat|Отправлено|Дата|Кому|Тема|送信日時|宛先|件名"
                    + "|发送时间|收件人|主题|日期)\\s*\\*?\\s*[:：]", Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
    private static final Pattern SENT_FROM = Pattern.compile(
            "^\\s*(Sent from (my )?\\S.{0,40}|Sent with .{1,40}|Get Outlook for .{1,30}|Sent via .{1,40}"
                    + "|Von meinem .{1,40} gesendet|Gesendet von .{1,40}|Envoyé de mon .{1,40}|Envoyé depuis .{1,40}"
                    + "|Enviado desde mi .{1,40}|Enviado do meu .{1,40}|Inviato da .{1,40}|Verzonden (vanaf|met) .{1,40}"
                    + "|Skickat från .{1,40}|Sendt fra .{1,40}|Wysłane z .{1,40}|Отправлено с .{1,40}|iPhoneから送信|从我的.{1,20}发送)\\s*$",
            Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);

    /** The text the sender wrote this time. */
    public static String visible(String text) {
        if (text == null) return null;
        String[] lines = text.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        int cut = lines.length;
        for (int i = 0; i < lines.length && cut == lines.length; i++) {
            String line = lines[i];
            String joined = i + 1 < lines.length ? line.stripTrailing() + " " + lines[i + 1].strip() : line;
            if (line.equals("-- ") || line.equals("--")) cut = i;
            else if (SEPARATOR.matcher(line).matches()) cut = i;
            else if (ATTRIBUTION.matcher(line).matches() || isQuoteAhead(lines, i + 1) && ATTRIBUTION_LOOSE.matcher(line).matches()) cut = i;
            else if (!line.isBlank() && ATTRIBUTION.matcher(joined).matches() && isQuoteAhead(lines, i + 2)) cut = i;
            else if (UNDERSCORES.matcher(line).matches() && i + 1 < lines.length && HEADER_FROM.matcher(nextNonBlank(lines, i + 1)).find()) cut = i;
            else if (HEADER_FROM.matcher(line).find() && headerBlockFollows(lines, i + 1)) cut = i;
            else if (SENT_FROM.matcher(line).matches() && restIsQuoteOrBlank(lines, i + 1)) cut = i;
        }
        List<String> kept = new ArrayList<>();
        for (int i = 0; i < cut; i++) {
            if (lines[i].startsWith(">")) continue; // interleaved quoting: keep the answers, drop the quotes
            kept.add(lines[i]);
        }
        String result = trimBlankLines(kept);
        return result.isBlank() ? text.strip() : result;
    }

    private static String nextNonBlank(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) if (!lines[i].isBlank()) return lines[i];
        return "";
    }

    /** Two or more of Sent/To/Subject/Date within the next lines: an Outlook-style header block of the quoted mail. */
    private static boolean headerBlockFollows(String[] lines, int from) {
        int found = 0;
        for (int i = from; i < Math.min(lines.length, from + 6); i++) {
            if (HEADER_NEXT.matcher(lines[i]).find()) found++;
        }
        return found >= 2;
    }

    private static boolean isQuoteAhead(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            if (lines[i].isBlank()) continue;
            return lines[i].startsWith(">");
        }
        return true;
    }

    private static boolean restIsQuoteOrBlank(String[] lines, int from) {
        for (int i = from; i < lines.length; i++) {
            String l = lines[i];
            if (l.isBlank() || l.startsWith(">")) continue;
            return ATTRIBUTION.matcher(l).matches() || ATTRIBUTION_LOOSE.matcher(l).matches() || SEPARATOR.matcher(l).matches()
                    || UNDERSCORES.matcher(l).matches() || HEADER_FROM.matcher(l).find() && headerBlockFollows(lines, i + 1)
                    || l.equals("-- ");
        }
        return true;
    }

    private static String trimBlankLines(List<String> lines) {
        int start = 0;
        int end = lines.size();
        while (start < end && lines.get(start).isBlank()) start++;
        while (end > start && lines.get(end - 1).isBlank()) end--;
        StringBuilder sb = new StringBuilder();
        for (int i = start; i < end; i++) {
            if (i > start) sb.append('\n');
            sb.append(lines.get(i).stripTrailing());
        }
        return sb.toString();
    }
}
