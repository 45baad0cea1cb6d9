package com.helpdesk.core.orders;

import com.helpdesk.core.email.QuotedText;

import java.util.LinkedHashSet;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the order numbers a customer mentions in a subject or body, as the store names them ("#1001",
 * "EU-1001"). A number counts only when it is written as an order reference: after '#', after the word
 * for order in a common language ("order no. 1001", "Bestellnummer 1001", "commande n° 1001", "pedido
 * 1001", "ordine 1001", ...) or in the store's own name format. Bare numbers never count, so phone
 * numbers, prices, dates, postcodes and tracking numbers are left alone; quoted history is skipped, since
 * it repeats old mail (and the shop's own confirmations) rather than what the customer asks about now.
 */
public final class OrderNumbers {
    /** At most this many numbers per message: more is a list or a paste, not a question about orders. */
    public static final int MAX = 5;

    /** 3 to 10 digits: Shopify numbers orders from 1001 up; shorter is a quantity, longer a phone or tracking number. */
    private static final String NUMBER = "(\\d{3,10})";
    /** The number must end there: not a price (1001.50, 1,001), a date (1001-10), a unit or a longer code. */
    private static final String END = "(?![\\d.,/:-]?\\d)(?![\\p{L}\\d])(?!\\s?(?i:€|\\$|£|eur|usd|gbp|chf|kg|g|km|m|cm|mm|ml|l|st|stk|pcs|x)\\b)";
    private static final String ORDER_WORD = "(?:order|orders|bestellung|bestellnummer|bestellnr|bestell-nr|auftrag|auftragsnummer"
            + "|commande|pedido|pedidos|ordine|ordre|bestelling|bestelnummer|encomenda|zamówienie|zamowienie|objednávka)(?![\\p{L}])";
    /** What may stand between the word for order and its number: "no.", "nr.", "number:", "n°", "#", "id", "de". */
    private static final String NUMBER_WORD = "(?:\\s*(?:no|nr|num|number|nummer|numéro|numero|número|n|nº|n°|no°|id|ref|#)\\.?)?"
            + "\\s*[:#°º.-]?\\s*#?\\s*";
    private static final Pattern HASH = Pattern.compile("(?<![\\p{L}\\d&/])#\\s?" + NUMBER + END);
    private static final Pattern WORD_FIRST = Pattern.compile("(?iu)(?<![\\p{L}])" + ORDER_WORD + NUMBER_WORD + NUMBER + END);
    /** "numéro de commande 1001", "número de pedido 1001", "numero d'ordine 1001", "order number of 1001" is not. */
    private static final Pattern NUMBER_OF_ORDER = Pattern.compile(
            "(?iu)(?<![\\p{L}])(?:numéro|numero|número|n°|nº)\\s+(?:de\\s+|d'|del\\s+)(?:la\\s+)?(?:commande|pedido|ordine|encomenda)\\s*[:#]?\\s*" + NUMBER + END);
    /** Words that make a following '#' number an address or a line, not an order. */
    private static final Pattern NOT_AN_ORDER_BEFORE = Pattern.compile(
            "(?iu)(?:apt|apartment|suite|ste|unit|room|flat|floor|building|house|tel|phone|fax|ticket|case|invoice|rechnung|facture|factura|po box)\\.?\\s*$");

    private OrderNumbers() {}

    /** The store's order names mentioned in the texts, in the order first written, at most {@link #MAX}. */
    public static Set<String> find(Store store, String subject, String body) {
        Set<String> found = new LinkedHashSet<>();
        for (String text : new String[] {subject, body == null ? null : QuotedText.visible(body)}) {
            if (text == null || text.isBlank()) continue;
            collect(store, text, found);
        }
        return limited(found);
    }

    private static Set<String> limited(Set<String> found) {
        Set<String> out = new LinkedHashSet<>();
        for (String f : found) {
            if (out.size() == MAX) break;
            out.add(f);
        }
        return out;
    }

    private static void collect(Store store, String text, Set<String> found) {
        // By position in the text, so names come out in the order the customer wrote them.
        TreeMap<Integer, String> at = new TreeMap<>();
        for (Pattern p : new Pattern[] {storeFormat(store), NUMBER_OF_ORDER, WORD_FIRST}) {
            if (p == null) continue;
            Matcher m = p.matcher(text);
            while (m.find()) at.putIfAbsent(m.start(1), store.orderName(m.group(1)));
        }
        Matcher hash = HASH.matcher(text);
        while (hash.find()) {
            if (NOT_AN_ORDER_BEFORE.matcher(text.substring(Math.max(0, hash.start() - 20), hash.start())).find()) continue;
            at.putIfAbsent(hash.start(1), store.orderName(hash.group(1)));
        }
        found.addAll(at.values());
    }

    /** The store's own format, e.g. "EU-1001" or "1001-DE"; none when the store uses Shopify's plain "#". */
    private static Pattern storeFormat(Store store) {
        String prefix = store.orderNamePrefix().equals("#") ? "" : store.orderNamePrefix();
        String suffix = store.orderNameSuffix();
        if (prefix.isEmpty() && suffix.isEmpty()) return null;
        return Pattern.compile("(?i)(?<![\\p{L}\\d])" + Pattern.quote(prefix) + "\\s?" + NUMBER
                + (suffix.isEmpty() ? END : Pattern.quote(suffix) + "(?![\\p{L}\\d])"));
    }
}
