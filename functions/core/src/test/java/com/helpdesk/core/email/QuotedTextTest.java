package com.helpdesk.core.email;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Quote headers as the big clients write them (Gmail, Outlook desktop and web, Apple Mail, Thunderbird,
 * Yahoo, phones) in the most used languages: the reply above them is what the sender wrote.
 */
class QuotedTextTest {
    private static final String NEW = "Danke, das hilft mir sehr.";
    private static final String QUOTED_BODY = "Your parcel left our warehouse today.\nKind regards, Shop";

    static Stream<Arguments> attributions() {
        return Stream.of(
                // Gmail, one per language (plain text part: the attribution then "> " lines)
                Arguments.of("en gmail", "On Mon, Nov 30, 2026 at 10:00 AM Shop Support <support@help.example.com> wrote:"),
                Arguments.of("es gmail", "El lun, 30 nov 2026 a las 10:00, Shop Support (<support@help.example.com>) escribió:"),
                Arguments.of("fr gmail", "Le lun. 30 nov. 2026 à 10:00, Shop Support <support@help.example.com> a écrit :"),
                Arguments.of("de gmail", "Am Mo., 30. Nov. 2026 um 10:00 Uhr schrieb Shop Support <support@help.example.com>:"),
                Arguments.of("pt gmail", "Em seg., 30 de nov. de 2026 às 10:00, Shop Support <support@help.example.com> escreveu:"),
                Arguments.of("it gmail", "Il giorno lun 30 nov 2026 alle ore 10:00 Shop Support <support@help.example.com> ha scritto:"),
                Arguments.of("nl gmail", "Op ma 30 nov 2026 om 10:00 schreef Shop Support <support@help.example.com>:"),
                Arguments.of("ru gmail", "пн, 30 нояб. 2026 г. в 10:00, Shop Support <support@help.example.com>:"),
                Arguments.of("ru old gmail", "30 ноября 2026 г., 10:00 пользователь Shop Support <support@help.example.com> написал:"),
                Arguments.of("ru thunderbird", "30.11.2026 10:00, Shop Support пишет:"),
                Arguments.of("ru yandex", "30.11.2026, 10:00, \"Shop Support\" <support@help.example.com>:"),
                Arguments.of("pl gmail", "pon., 30 lis 2026 o 10:00 Shop Support <support@help.example.com> napisał(a):"),
                Arguments.of("tr gmail", "Shop Support <support@help.example.com>, 30 Kas 2026 Pzt, 10:00 tarihinde şunu yazdı:"),
                Arguments.of("ja gmail", "2026年11月30日(月) 10:00 Shop Support <support@help.example.com>:"),
                Arguments.of("ja apple", "2026/11/30 10:00、Shop Support <support@help.example.com>のメール:"),
                Arguments.of("zh-Hans gmail", "Shop Support <support@help.example.com> 于2026年11月30日周一 10:00写道："),
                Arguments.of("zh-Hans apple", "在 2026年11月30日，10:00，Shop Support <support@help.example.com> 写道："),
                Arguments.of("zh-Hant gmail", "Shop Support <support@help.example.com> 於 2026年11月30日 週一 上午10:00寫道："),
                Arguments.of("ko gmail", "2026년 11월 30일 (월) 오전 10:00, Shop Support <support@help.example.com>님이 작성:"),
                Arguments.of("ko apple", "2026. 11. 30. 오전 10:00, Shop Support <support@help.example.com> 작성:"),
                Arguments.of("ar gmail", "في الاثنين، 30 نوفمبر 2026 في 10:00 ص تمت كتابة ما يلي بواسطة Shop Support <support@help.example.com>:"),
                Arguments.of("ar apple", "في 30 نوفمبر 2026، الساعة 10:00 ص، كتب Shop Support <support@help.example.com>:"),
                Arguments.of("hi gmail", "सोम, 30 नव॰ 2026 को 10:00 am बजे को Shop Support <support@help.example.com> ने लिखा:"),
                Arguments.of("sv gmail", "Den mån 30 nov. 2026 kl 10:00 skrev Shop Support <support@help.example.com>:"),
                Arguments.of("cs gmail", "po 30. 11. 2026 v 10:00 odesílatel Shop Support <support@help.example.com> napsal:"),
                Arguments.of("el gmail", "Στις Δευ 30 Νοε 2026 στις 10:00, ο/η Shop Support <support@help.example.com> έγραψε:"),
                Arguments.of("uk gmail", "пн, 30 лист. 2026 р. о 10:00 Shop Support <support@help.example.com> пише:"),
                Arguments.of("vi gmail", "Vào Th 2, 30 thg 11, 2026 vào lúc 10:00 Shop Support <support@help.example.com> đã viết:"),
                Arguments.of("id gmail", "Pada Sen, 30 Nov 2026 pukul 10.00, Shop Support <support@help.example.com> menulis:"),
                Arguments.of("ro gmail", "În lun., 30 nov. 2026 la 10:00, Shop Support <support@help.example.com> a scris:"),
                // Apple Mail, Thunderbird, Yahoo
                Arguments.of("en apple", "On 30 Nov 2026, at 10:00, Shop Support <support@help.example.com> wrote:"),
                Arguments.of("de apple", "Am 30.11.2026 um 10:00 schrieb Shop Support <support@help.example.com>:"),
                Arguments.of("fr apple", "Le 30 nov. 2026 à 10:00, Shop Support <support@help.example.com> a écrit :"),
                Arguments.of("en thunderbird", "On 30/11/2026 10:00, Shop Support wrote:"),
                Arguments.of("pl thunderbird", "W dniu 30.11.2026 o 10:00, Shop Support pisze:"),
                Arguments.of("en yahoo", "On Monday, November 30, 2026, 10:00:00 AM GMT+1, Shop Support <support@help.example.com> wrote:"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributions")
    void theAttributionAndTheQuoteBelowItAreCut(String client, String attribution) {
        String quoted = "> " + QUOTED_BODY.replace("\n", "\n> ");
        assertThat(QuotedText.visible(NEW + "\n\n" + attribution + "\n" + quoted)).as(client + ", quoted with >").isEqualTo(NEW);
        // HTML turned into text: the quote is no longer marked, only the attribution tells where it begins
        assertThat(QuotedText.visible(NEW + "\n\n" + attribution + "\n\n" + QUOTED_BODY)).as(client + ", unmarked").isEqualTo(NEW);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("attributions")
    void aWrappedAttributionIsCutWhole(String client, String attribution) {
        int space = attribution.indexOf(' ', attribution.length() / 2);
        if (space < 0) return; // unwrappable (no space in its second half)
        String wrapped = attribution.substring(0, space) + "\n" + attribution.substring(space + 1);
        assertThat(QuotedText.visible(NEW + "\n\n" + wrapped + "\n> " + QUOTED_BODY.replace("\n", "\n> "))).as(client).isEqualTo(NEW);
    }

    static Stream<Arguments> headerBlocks() {
        return Stream.of(
                Arguments.of("en outlook", "From: Shop Support <support@help.example.com>\nSent: Monday, November 30, 2026 10:00 AM\nTo: Jane Doe\nSubject: Re: Order"),
                Arguments.of("en outlook bold", "*From:* Shop Support <support@help.example.com>\n*Sent:* Monday, November 30, 2026 10:00 AM\n*To:* Jane\n*Subject:* Re: Order"),
                Arguments.of("es outlook", "De: Shop Support <support@help.example.com>\nEnviado el: lunes, 30 de noviembre de 2026 10:00\nPara: Juan\nAsunto: RE: Pedido"),
                Arguments.of("fr outlook", "De : Shop Support <support@help.example.com>\nEnvoyé : lundi 30 novembre 2026 10:00\nÀ : Jeanne\nObjet : RE: Commande"),
                Arguments.of("fr outlook nbsp", "De\u00a0: Shop Support\nEnvoyé\u00a0: lundi 30 novembre 2026 10:00\nÀ\u00a0: Jeanne\nObjet\u00a0: RE: Commande"),
                Arguments.of("de outlook", "Von: Shop Support <support@help.example.com>\nGesendet: Montag, 30. November 2026 10:00\nAn: Klaus\nBetreff: AW: Bestellung"),
                Arguments.of("pt outlook", "De: Shop Support <support@help.example.com>\nEnviado: segunda-feira, 30 de novembro de 2026 10:00\nPara: Ana\nAssunto: RE: Pedido"),
                Arguments.of("it outlook", "Da: Shop Support <support@help.example.com>\nInviato: lunedì 30 novembre 2026 10:00\nA: Giulia\nOggetto: R: Ordine"),
                Arguments.of("nl outlook", "Van: Shop Support <support@help.example.com>\nVerzonden: maandag 30 november 2026 10:00\nAan: Jan\nOnderwerp: RE: Bestelling"),
                Arguments.of("ru outlook", "От: Shop Support <support@help.example.com>\nОтправлено: 30 ноября 2026 г. 10:00\nКому: Иван\nТема: RE: Заказ"),
                Arguments.of("pl outlook", "Od: Shop Support <support@help.example.com>\nWysłano: poniedziałek, 30 listopada 2026 10:00\nDo: Jan\nTemat: RE: Zamówienie"),
                Arguments.of("tr outlook", "Kimden: Shop Support <support@help.example.com>\nGönderildi: 30 Kasım 2026 Pazartesi 10:00\nKime: Ali\nKonu: YNT: Sipariş"),
                Arguments.of("tr outlook new", "Gönderen: Shop Support <support@help.example.com>\nGönderilme Tarihi: 30 Kasım 2026 Pazartesi 10:00\nAlıcı: Ali\nKonu: YNT: Sipariş"),
                Arguments.of("ja outlook", "差出人: Shop Support <support@help.example.com>\n送信日時: 2026年11月30日 10:00\n宛先: 山田\n件名: RE: 注文"),
                Arguments.of("zh-Hans outlook", "发件人: Shop Support <support@help.example.com>\n发送时间: 2026年11月30日 10:00\n收件人: 王\n主题: 回复: 订单"),
                Arguments.of("zh-Hans foxmail", "发件人：Shop Support <support@help.example.com>\n日期：2026年11月30日 10:00\n收件人：王\n主题：回复：订单"),
                Arguments.of("zh-Hant outlook", "寄件者: Shop Support <support@help.example.com>\n寄件日期: 2026年11月30日 上午 10:00\n收件者: 陳\n主旨: 回覆: 訂單"),
                Arguments.of("ko outlook", "보낸 사람: Shop Support <support@help.example.com>\n보낸 날짜: 2026년 11월 30일 월요일 오전 10:00\n받는 사람: 김\n제목: RE: 주문"),
                Arguments.of("ar outlook", "من: Shop Support <support@help.example.com>\nتم الإرسال: الاثنين، 30 نوفمبر 2026 10:00 ص\nإلى: أحمد\nالموضوع: رد: طلب"),
                Arguments.of("hi outlook", "प्रेषक: Shop Support <support@help.example.com>\nभेजा गया: सोमवार, 30 नवंबर 2026 10:00\nप्रति: राज\nविषय: RE: ऑर्डर"),
                Arguments.of("en outlook separator", "-----Original Message-----\nFrom: Shop\nSent: Monday\nTo: me\nSubject: x"),
                Arguments.of("de outlook separator", "-----Ursprüngliche Nachricht-----\nVon: Shop"),
                Arguments.of("ja outlook separator", "-----元のメッセージ-----\n差出人: Shop"),
                Arguments.of("zh outlook separator", "------------------ 原始邮件 ------------------\n发件人: Shop"),
                Arguments.of("ko outlook separator", "-----원본 메시지-----\n보낸 사람: Shop"),
                Arguments.of("ru separator", "-------- Исходное сообщение --------\nОт: Shop"),
                Arguments.of("tr separator", "-----Özgün İleti-----\nKimden: Shop"),
                Arguments.of("ar separator", "-----الرسالة الأصلية-----\nمن: Shop"),
                Arguments.of("hi separator", "-----मूल संदेश-----\nप्रेषक: Shop"),
                Arguments.of("de gmx, sent above from", "Gesendet: Montag, 30. November 2026 um 10:00 Uhr\nVon: \"Shop\" <support@help.example.com>\nAn: jane@example.com\nBetreff: Re: Order"),
                Arguments.of("en web.de, sent above from", "Sent: Monday, November 30, 2026 at 10:00 AM\nFrom: \"Shop\" <support@help.example.com>\nTo: jane@example.com\nSubject: Re: Order"),
                Arguments.of("zh qq mail nbsp separator", "------------------\u00a0原始邮件\u00a0------------------\n发件人: \"Shop\"<support@help.example.com>;\n发送时间: 2026年11月30日(星期一) 上午10:00\n收件人: \"jane\"<jane@example.com>;\n主题: Re: Order"),
                Arguments.of("en foxmail separator", "------------------ Original ------------------\nFrom:  \"Shop\"<support@help.example.com>;\nDate:  Mon, Nov 30, 2026 10:00 AM\nTo:  \"jane\"<jane@example.com>;\nSubject:  Re: Order"),
                Arguments.of("ro outlook", "De la: Shop Support <support@help.example.com>\nTrimis: luni, 30 noiembrie 2026 10:00\nCătre: Jane\nSubiect: Order"),
                Arguments.of("pl thunderbird separator", "--- Treść oryginalnej wiadomości ---\nTemat: Zamówienie\nData: 30.11.2026 10:00\nOd: Shop"),
                Arguments.of("ro separator", "-----Mesaj original-----\nDe la: Shop"),
                Arguments.of("samsung", "-------- Original message --------\nFrom: Shop Support <support@help.example.com>\nDate: 30/11/2026 10:00 (GMT+01:00)\nTo: Jane\nSubject: Re: Order"),
                Arguments.of("outlook web rule", "________________________________\nFrom: Shop Support <support@help.example.com>\nSent: Monday, November 30, 2026 10:00\nTo: Jane"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("headerBlocks")
    void anOutlookHeaderBlockOrSeparatorStartsTheQuote(String client, String block) {
        assertThat(QuotedText.visible(NEW + "\n\n" + block + "\n\n" + QUOTED_BODY)).as(client).isEqualTo(NEW);
    }

    static Stream<Arguments> sentFrom() {
        return Stream.of("Sent from my iPhone", "Von meinem iPhone gesendet", "Envoyé de mon iPhone", "Enviado desde mi iPhone",
                "Enviado do meu iPhone", "Inviato da iPhone", "Verzonden vanaf mijn iPhone", "Отправлено с iPhone", "Wysłane z mojego iPhone'a",
                "iPhone'umdan gönderildi", "iPhoneから送信", "从我的iPhone发送", "從我的 iPhone 傳送", "iPhone에서 보냄", "أرسلت من iPhone",
                "मेरे iPhone से भेजा गया", "Trimis de pe iPhone", "Get Outlook for Android", "Sent from Yahoo Mail for iPhone").map(Arguments::of);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("sentFrom")
    void aPhonesSentFromLineEndsTheReply(String line) {
        assertThat(QuotedText.visible(NEW + "\n\n" + line)).isEqualTo(NEW);
        assertThat(QuotedText.visible(NEW + "\n\n" + line + "\n\nOn Mon, Nov 30, 2026 at 10:00 Shop <s@x.com> wrote:\n> old")).isEqualTo(NEW);
    }

    @Test
    void zohosAttributionBetweenDashesWithoutAColonStartsTheQuote() {
        String zoho = NEW + "\n\n\n---- On Mon, 30 Nov 2026 10:00:00 +0100 Shop Support <support@help.example.com> wrote ----\n\n" + QUOTED_BODY;
        assertThat(QuotedText.visible(zoho)).isEqualTo(NEW);
        assertThat(QuotedText.visible(NEW + "\n\n---- Am Mo, 30 Nov 2026 10:00:00 +0100 schrieb Shop <support@help.example.com> ---\n\n" + QUOTED_BODY))
                .isEqualTo(NEW);
        String dashes = "Please note:\n---- 2 items were missing ----\nthanks";
        assertThat(QuotedText.visible(dashes)).as("a person's dashed line").isEqualTo(dashes);
    }

    @Test
    void aReplyWrittenBelowTheQuoteKeepsTheNewText() {
        String bottom = "On Mon, Nov 30, 2026 at 10:00 AM Shop Support <support@help.example.com> wrote:\n> Shall we send a replacement?\n>\n"
                + "> Kind regards, Shop\n\nYes please, to my new address:\nHauptstr. 5, Berlin\n\n-- \nJane";
        assertThat(QuotedText.visible(bottom)).isEqualTo("Yes please, to my new address:\nHauptstr. 5, Berlin");
        String russian = "пн, 30 нояб. 2026 г. в 10:00, Shop Support <support@help.example.com>:\n> Вам подходит замена?\n\nДа, подходит.";
        assertThat(QuotedText.visible(russian)).isEqualTo("Да, подходит.");
    }

    @Test
    void anInterleavedReplyKeepsEveryAnswerAndNoQuote() {
        String interleaved = "Jane Doe wrote:\n> Which size do you need?\nM, please.\n\n> And which colour?\nBlue.\n\n> Kind regards, Shop\n\nThanks!";
        assertThat(QuotedText.visible(interleaved)).isEqualTo("M, please.\n\nBlue.\n\nThanks!");
        String topThenInterleaved = "See my answers below.\n\n> Which size?\nM\n> Colour?\nBlue";
        assertThat(QuotedText.visible(topThenInterleaved)).isEqualTo("See my answers below.\n\nM\nBlue");
    }

    static Stream<Arguments> forwardMarkers() {
        return Stream.of(Arguments.of("en gmail", "---------- Forwarded message ---------"),
                Arguments.of("de gmail", "---------- Weitergeleitete Nachricht ---------"),
                Arguments.of("fr gmail", "---------- Message transféré ---------"),
                Arguments.of("es gmail", "---------- Mensaje reenviado ---------"),
                Arguments.of("pt gmail", "---------- Mensagem encaminhada ---------"),
                Arguments.of("it gmail", "---------- Messaggio inoltrato ---------"),
                Arguments.of("thunderbird", "-------- Forwarded Message --------"),
                Arguments.of("pl thunderbird", "--- Treść przekazanej wiadomości ---"),
                Arguments.of("yahoo", "----- Forwarded Message -----"),
                Arguments.of("mail.ru", "-------- Пересылаемое сообщение --------"),
                Arguments.of("en apple", "Begin forwarded message:"),
                Arguments.of("de apple", "Anfang der weitergeleiteten Nachricht:"),
                Arguments.of("fr apple", "Début du message réexpédié :"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forwardMarkers")
    void aForwardedMessageIsKeptBelowTheForwardersNote(String client, String marker) {
        String forwarded = marker + "\n\nFrom: Shop <orders@shop.example.com>\nDate: Mon, Nov 30, 2026 at 10:00 AM\nSubject: Order 4711"
                + "\nTo: <jane@example.com>\n\nYour order 4711 has shipped.";
        assertThat(QuotedText.visible("It never arrived, see below.\n\n" + forwarded)).as(client)
                .isEqualTo("It never arrived, see below.\n\n" + forwarded);
        assertThat(QuotedText.visible(forwarded)).as(client + ", nothing written above").isEqualTo(forwarded);
        assertThat(QuotedText.visible("It never arrived.\n\n-- \nJane Doe\nACME Ltd\n\n" + forwarded)).as(client + ", below a signature")
                .isEqualTo("It never arrived.\n\n" + forwarded);
        assertThat(QuotedText.visible("It never arrived.\n\nSent from my iPhone\n\n" + forwarded)).as(client + ", below a sent-from line")
                .isEqualTo("It never arrived.\n\n" + forwarded);
    }

    @Test
    void aForwardsSubjectIsKnownInOutlooksLanguages() {
        for (String subject : new String[]{"FW: Bestellung 4711", "Fwd: Order", "WG: Bestellung", "TR : Commande", "RV: Pedido", "I: Ordine",
                "Doorst: Bestelling", "ENC: Pedido", "VB: Order", "PD: Zamówienie", "İLT: Sipariş", "转发: 订单", "[EXTERNAL] FW: Order"}) {
            assertThat(QuotedText.isForwardSubject(subject)).as(subject).isTrue();
        }
        for (String subject : new String[]{"Re: FW: Order", "VS: Tilaus", "AW: Bestellung", "Where is my order?", "Info: new address", null}) {
            assertThat(QuotedText.isForwardSubject(subject)).as(subject).isFalse();
        }
    }

    @Test
    void aForwardQuotedInAnEarlierReplyStaysCut() {
        String reply = "Any news?\n\nFrom: Shop <support@help.example.com>\nSent: Monday\nTo: Jane\nSubject: RE: Fwd: Order\n\nWe are checking."
                + "\n\n---------- Forwarded message ---------\nFrom: Shop <orders@shop.example.com>\n\nYour order shipped.";
        assertThat(QuotedText.visible(reply)).isEqualTo("Any news?");
        String signed = "Any news?\n\n-- \nJane\n\nOn Mon, Nov 30, 2026 at 10:00 AM Shop <support@help.example.com> wrote:"
                + "\n> ---------- Forwarded message ---------\n> Your order shipped.";
        assertThat(QuotedText.visible(signed)).isEqualTo("Any news?");
    }

    @Test
    void aPersonsOwnColonLineIsNoQuoteHeader() {
        String text = "Hi,\n\nI ordered these on 30 Nov 2026:\n- shoes\n- socks\n\nFrom 2026 my address is jane@new.example:\nHauptstr. 5\n\n"
                + "Contact me at jane@example.com:\nthanks";
        assertThat(QuotedText.visible(text)).isEqualTo(text);
        assertThat(QuotedText.visible("Thanks a lot,\nOn Mon, Nov 30, 2026 at 10:00 Shop <s@x.com> wrote:\n> old")).isEqualTo("Thanks a lot,");
    }

    @Test
    void pathologicalInputOfAMegabyteIsReadInBoundedWorkPerLine() {
        // each shape makes a naive matcher (nested quantifiers, a scan to the end per line) quadratic or worse
        String[] shapes = {"On " + "a".repeat(300) + " wrote wrote wrote", "Sent from my iPhone", "From: x", ":::::", "> " + "@".repeat(200),
                "-".repeat(1000), "_".repeat(50), "2026 " + "<a@b.c> ".repeat(50), "a".repeat(1_000_000)};
        for (String shape : shapes) {
            StringBuilder b = new StringBuilder("Answer\n");
            while (b.length() < 1_000_000) b.append(shape).append('\n');
            assertThat(QuotedText.visible(b.toString())).as(shape.substring(0, Math.min(20, shape.length()))).isNotNull();
        }
        assertThat(QuotedText.visible("x\n".repeat(500_000))).startsWith("x\nx");
    }
}
