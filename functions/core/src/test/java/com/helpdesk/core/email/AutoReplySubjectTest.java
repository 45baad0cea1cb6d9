package com.helpdesk.core.email;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Out-of-office replies known by their subject alone, as Outlook and webmailers write it in their users' languages. */
class AutoReplySubjectTest {

    @ParameterizedTest
    @ValueSource(strings = {"Resposta automática: Pedido 4711", "Автоматический ответ: Заказ 4711", "Automatiskt svar: Order 4711",
            "Automatyczna odpowiedź: Zamówienie", "Automatická odpověď: Objednávka", "Automaattinen vastaus: Tilaus", "Automatikus válasz: Rendelés",
            "Otomatik yanıt: Sipariş", "Răspuns automat: Comanda", "Αυτόματη απάντηση: Παραγγελία", "Автоматична відповідь: Замовлення",
            "自动答复: 订单", "自動回覆: 訂單", "自動応答: 注文", "자동 회신: 주문", "RÉPONSE AUTOMATIQUE : Commande",
            "Out of Office AutoReply: Order 4711", "Out of office reply: Order 4711"})
    void aLocalisedAutomaticReplySubjectIsAnOutOfOfficeReply(String subject) {
        assertThat(AutoReplies.reason(mail(subject), List.of())).hasValue("out-of-office");
    }

    @ParameterizedTest
    @ValueSource(strings = {"Re: Pedido 4711", "Automatic replies do not help me: order 4711", "Antwort: Bestellung"})
    void aPersonsSubjectIsNoOutOfOfficeReply(String subject) {
        assertThat(AutoReplies.reason(mail(subject), List.of())).isEmpty();
    }

    private static Email mail(String subject) {
        return new Email("<a@b>", "<ours@help.example.com>", List.of(), new Mailbox("Ana", "ana@example.com"), List.of(), List.of(), List.of(),
                subject, "I am away.", "I am away.", null, List.of(), Map.of(), "text/plain", null, List.of(), false);
    }
}
