package com.helpdesk.core.email;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * What mail clients write above the mail they quote, per language, as data: the verb of an attribution
 * line ("wrote" in "On ..., Name &lt;a@b&gt; wrote:"; Gmail, Apple Mail, Thunderbird, Yahoo, Outlook web),
 * the words an attribution begins with, the labels of Outlook's From/Sent/To/Subject block, the
 * "Original Message" separators (Outlook desktop, Android and Samsung mail) and the "Sent from my ..."
 * lines of phones. A '*' in a sent-from phrase stands for the device or app name. Verbless attributions
 * (Gmail in Russian and Japanese: "пн, 30 нояб. 2026 г. в 10:00, Имя &lt;a@b.c&gt;:") are recognised by
 * their shape in {@link QuotedText}, not by words.
 */
final class QuotePhrases {
    private QuotePhrases() {}

    /**
     * One language: attribution verbs and opening words, Outlook's "From" labels and its other header
     * labels, separator phrases (without their dashes), sent-from phrases.
     */
    record Language(String code, List<String> wrote, List<String> openers, List<String> fromLabels, List<String> otherLabels,
                    List<String> separators, List<String> sentFrom) {}

    static final List<Language> LANGUAGES = List.of(
            new Language("en", List.of("wrote", "writes", "has written"), List.of("on", "at"),
                    List.of("from"), List.of("sent", "date", "to", "cc", "bcc", "subject", "reply-to"),
                    List.of("original message", "original mail", "reply message", "original"),
                    List.of("sent from my *", "sent from *", "sent with *", "sent via *", "get outlook for *", "sent from outlook for *",
                            "sent from yahoo mail for *", "sent from mail for windows")),
            new Language("es", List.of("escribió", "escribio", "ha escrito"), List.of("el", "en"),
                    List.of("de"), List.of("enviado", "enviado el", "fecha", "para", "cc", "asunto", "responder a"),
                    List.of("mensaje original", "mensaje de origen"),
                    List.of("enviado desde mi *", "enviado desde *", "obtener outlook para *")),
            new Language("fr", List.of("a écrit", "a ecrit", "écrit", "ecrit"), List.of("le"),
                    List.of("de", "expéditeur"), List.of("envoyé", "envoye", "date", "à", "a", "cc", "objet", "répondre à"),
                    List.of("message d'origine", "message d’origine", "message original", "original message"),
                    List.of("envoyé de mon *", "envoyé depuis mon *", "envoyé depuis *", "envoye de mon *", "télécharger outlook pour *")),
            new Language("de", List.of("schrieb", "hat geschrieben", "geschrieben"), List.of("am"),
                    List.of("von"), List.of("gesendet", "datum", "an", "cc", "betreff", "antwort an"),
                    List.of("ursprüngliche nachricht", "ursprungliche nachricht", "originalnachricht", "original-nachricht"),
                    List.of("von meinem * gesendet", "gesendet von meinem *", "gesendet von *", "gesendet mit *", "outlook für * beziehen")),
            new Language("pt", List.of("escreveu"), List.of("em", "no dia"),
                    List.of("de"), List.of("enviado", "enviada", "data", "para", "cc", "assunto"),
                    List.of("mensagem original"),
                    List.of("enviado do meu *", "enviado do *", "enviado de meu *", "obter o outlook para *")),
            new Language("it", List.of("ha scritto", "scritto"), List.of("il", "il giorno"),
                    List.of("da", "mittente"), List.of("inviato", "data", "a", "cc", "oggetto"),
                    List.of("messaggio originale"),
                    List.of("inviato da *", "inviato dal mio *", "scarica outlook per *")),
            new Language("nl", List.of("schreef", "heeft geschreven"), List.of("op"),
                    List.of("van"), List.of("verzonden", "datum", "aan", "cc", "onderwerp"),
                    List.of("oorspronkelijk bericht", "origineel bericht", "oorspronkelijk e-mailbericht"),
                    List.of("verzonden vanaf mijn *", "verzonden vanaf *", "verzonden met *", "verstuurd vanaf mijn *", "outlook voor * downloaden")),
            new Language("ru", List.of("написал(а)", "написал", "написала", "пишет", "писал(а)"), List.of("в", "от"),
                    List.of("от"), List.of("отправлено", "дата", "кому", "копия", "тема"),
                    List.of("исходное сообщение", "оригинальное сообщение"),
                    List.of("отправлено с моего *", "отправлено с *", "отправлено из *")),
            new Language("pl", List.of("napisał(a)", "napisał", "napisała", "napisal", "pisze"), List.of("w dniu", "dnia"),
                    List.of("od"), List.of("wysłano", "wyslano", "data", "do", "dw", "temat"),
                    List.of("wiadomość oryginalna", "oryginalna wiadomość", "wiadomosc oryginalna", "treść oryginalnej wiadomości"),
                    List.of("wysłane z mojego *", "wysłane z *", "wyslane z *")),
            new Language("tr", List.of("yazdı", "şunu yazdı", "yazdi"), List.of(),
                    List.of("kimden", "gönderen"), List.of("gönderildi", "gönderilme tarihi", "tarih", "kime", "alıcı", "bilgi", "konu"),
                    List.of("özgün ileti", "orijinal mesaj", "asıl ileti"),
                    List.of("*'umdan gönderildi", "*'dan gönderildi", "*'den gönderildi", "* cihazımdan gönderildi")),
            new Language("ja", List.of("のメッセージ", "のメール", "さんは書きました", "書きました", "wrote"), List.of(),
                    List.of("差出人", "送信者"), List.of("送信日時", "日付", "宛先", "cc", "件名"),
                    List.of("元のメッセージ"),
                    List.of("*から送信", "* から送信", "*から送信しました")),
            new Language("zh-Hans", List.of("写道"), List.of("在", "于"),
                    List.of("发件人"), List.of("发送时间", "日期", "收件人", "抄送", "主题"),
                    List.of("原始邮件", "原始信件"),
                    List.of("从我的*发送", "发自我的*", "从*发送")),
            new Language("zh-Hant", List.of("寫道"), List.of("在", "於"),
                    List.of("寄件者", "寄件人"), List.of("寄件日期", "傳送時間", "日期", "收件者", "收件人", "副本", "主旨"),
                    List.of("原始郵件", "原始訊息"),
                    List.of("從我的*傳送", "從我的 * 傳送", "從我的*寄出", "發自我的*")),
            new Language("ko", List.of("님이 작성", "작성"), List.of(),
                    List.of("보낸 사람", "보낸사람"), List.of("보낸 날짜", "날짜", "받는 사람", "받는사람", "참조", "제목"),
                    List.of("원본 메시지", "원래 메시지"),
                    List.of("*에서 보냄", "나의 *에서 보냄", "*에서 보낸")),
            new Language("ar", List.of("كتب", "تمت كتابة ما يلي بواسطة", "كتبت"), List.of("في"),
                    List.of("من"), List.of("تم الإرسال", "أرسلت", "التاريخ", "إلى", "نسخة", "الموضوع"),
                    List.of("الرسالة الأصلية"),
                    List.of("أرسلت من *", "مرسل من *", "تم الإرسال من *")),
            new Language("hi", List.of("ने लिखा", "लिखा"), List.of(),
                    List.of("प्रेषक", "से"), List.of("भेजा गया", "दिनांक", "प्रति", "विषय"),
                    List.of("मूल संदेश"),
                    List.of("मेरे * से भेजा गया", "* से भेजा गया")),
            new Language("sv", List.of("skrev"), List.of("den"),
                    List.of("från"), List.of("skickat", "datum", "till", "kopia", "ämne"),
                    List.of("ursprungligt meddelande", "originalmeddelande"),
                    List.of("skickat från min *", "skickat från *")),
            new Language("da-nb", List.of("skrev"), List.of("den"),
                    List.of("fra"), List.of("sendt", "dato", "til", "kopi", "cc", "emne"),
                    List.of("oprindelig meddelelse", "opprinnelig melding", "original meddelelse"),
                    List.of("sendt fra min *", "sendt fra *")),
            new Language("fi", List.of("kirjoitti"), List.of(),
                    List.of("lähettäjä"), List.of("lähetetty", "päivämäärä", "vastaanottaja", "kopio", "aihe"),
                    List.of("alkuperäinen viesti"),
                    List.of("lähetetty *sta", "lähetetty *stä", "lähetetty laitteesta *")),
            new Language("cs", List.of("napsal(a)", "napsal", "napsala"), List.of("dne"),
                    List.of("od"), List.of("odesláno", "datum", "komu", "kopie", "předmět"),
                    List.of("původní zpráva", "původní e-mail"),
                    List.of("odesláno z *", "odesláno ze *")),
            new Language("el", List.of("έγραψε"), List.of("στις"),
                    List.of("από"), List.of("στάλθηκε", "ημερομηνία", "προς", "κοιν", "θέμα"),
                    List.of("αρχικό μήνυμα"),
                    List.of("στάλθηκε από το * μου", "στάλθηκε από *")),
            new Language("hu", List.of("ezt írta", "írta"), List.of(),
                    List.of("feladó"), List.of("elküldve", "dátum", "címzett", "másolat", "tárgy"),
                    List.of("eredeti üzenet"),
                    List.of("*-ról küldve", "*-ről küldve", "*ról küldve")),
            new Language("uk", List.of("пише", "написав", "написала"), List.of("о"),
                    List.of("від"), List.of("надіслано", "дата", "кому", "копія", "тема"),
                    List.of("початкове повідомлення", "вихідне повідомлення"),
                    List.of("надіслано з мого *", "надіслано з *")),
            new Language("vi", List.of("đã viết"), List.of("vào"),
                    List.of("từ"), List.of("đã gửi", "ngày", "đến", "tới", "chủ đề"),
                    List.of("thư gốc", "tin nhắn gốc"),
                    List.of("được gửi từ * của tôi", "gửi từ *")),
            new Language("ro", List.of("a scris"), List.of("în", "pe"),
                    List.of("de la"), List.of("trimis", "data", "către", "catre", "cc", "subiect"),
                    List.of("mesaj original", "mesajul original"),
                    List.of("trimis de pe *", "trimis din *")),
            new Language("id", List.of("menulis"), List.of("pada"),
                    List.of("dari"), List.of("dikirim", "tanggal", "kepada", "cc", "subjek", "perihal"),
                    List.of("pesan asli"),
                    List.of("dikirim dari * saya", "dikirim dari *")));

    /**
     * What begins a forwarded message, without its dashes or colon: Gmail's "---------- Forwarded message ---------",
     * Thunderbird's and Yahoo's "-------- Forwarded Message --------", Apple Mail's "Begin forwarded message:", each as
     * the clients translate it. The mail below it is new to us, not quoted history: it is kept.
     */
    static final Set<String> FORWARDS = Set.of("forwarded message", "begin forwarded message",
            "weitergeleitete nachricht", "anfang der weitergeleiteten nachricht",
            "message transféré", "message transfere", "début du message réexpédié", "début du message transféré",
            "mensaje reenviado", "inicio del mensaje reenviado", "comienzo del mensaje reenviado",
            "mensagem encaminhada", "início da mensagem reencaminhada", "início da mensagem encaminhada",
            "messaggio inoltrato", "inizio messaggio inoltrato", "doorgestuurd bericht", "begin doorgestuurd bericht",
            "przekazana wiadomość", "wiadomość przekazana", "początek przekazywanej wiadomości", "treść przekazanej wiadomości",
            "пересылаемое сообщение", "перенаправленное сообщение", "начало переадресованного сообщения", "переслане повідомлення",
            "iletilen ileti", "vidarebefordrat meddelande", "videresendt meddelelse", "videresendt melding", "välitetty viesti",
            "přeposlaná zpráva", "továbbított üzenet", "προωθημένο μήνυμα", "mesaj redirecționat",
            "転送されたメッセージ", "転送メッセージ", "转发的邮件", "以下为转发的邮件", "轉寄的郵件", "전달된 메시지");

    /**
     * The subject prefixes of a forward as clients write them ("FW:" Outlook, "Fwd:" Gmail and Apple Mail, "WG:", "TR:",
     * "RV:", "I:", "Doorst:", "ENC:", "VB:", "VL:", "PD:", "TOV:", "İLT:", "ΠΡΘ:", "转发:", "轉寄:", "転送:", "전달:" in
     * Outlook's other languages). Not "VS:": Finnish for a reply, Danish and Norwegian for a forward.
     */
    static final Set<String> FORWARD_PREFIXES = Set.of("fw", "fwd", "wg", "tr", "rv", "i", "doorst", "enc", "vb", "vl", "pd", "tov",
            "ilt", "πρθ", "redir", "пересл", "转发", "轉寄", "転送", "전달");

    /** All attribution verbs, lower case, longest first (so "napisał(a)" is found before "napisał"). */
    static final List<String> WROTE = all(Language::wrote);
    static final List<String> OPENERS = all(Language::openers);
    static final Set<String> FROM_LABELS = Set.copyOf(all(Language::fromLabels));
    static final Set<String> OTHER_LABELS = Set.copyOf(all(Language::otherLabels));
    static final Set<String> SEPARATORS = Set.copyOf(all(Language::separators));
    static final List<String> SENT_FROM = all(Language::sentFrom);

    /**
     * Lower case without locale quirks: Turkish dotted capital I lowers to "i" plus a combining dot, which
     * is dropped so "Özgün İleti" is "özgün ileti".
     */
    static String fold(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.indexOf('\u0307') < 0 ? lower : lower.replace("\u0307", "");
    }

    private static List<String> all(java.util.function.Function<Language, List<String>> part) {
        Set<String> out = new HashSet<>();
        for (Language l : LANGUAGES) for (String p : part.apply(l)) out.add(fold(p));
        return out.stream().sorted((a, b) -> b.length() != a.length() ? b.length() - a.length() : a.compareTo(b)).toList();
    }
}
