package com.helpdesk.core.orders;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class OrderNumbersTest {
    private static final Store PLAIN = new Store("main", "Main", "demo.myshopify.com", List.of(), List.of(), "#", "", true);
    private static final Store EU = new Store("eu", "EU", "demo-eu.myshopify.com", List.of(), List.of(), "EU-", "", false);
    private static final Store SUFFIXED = new Store("de", "DE", "demo-de.myshopify.com", List.of(), List.of(), "", "-DE", false);

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Where is my order #1001?                               | #1001
            where is #1001                                         | #1001
            Order 1001 has not arrived                             | #1001
            order no. 1001                                         | #1001
            Order No 1001                                          | #1001
            order nr. 1001                                         | #1001
            Order number: 1001                                     | #1001
            order number 1001                                      | #1001
            ORDER #1001 missing                                    | #1001
            order# 1001                                            | #1001
            Order ID 1001                                          | #1001
            (order 1001)                                           | #1001
            order: 1001.                                           | #1001
            Meine Bestellung 1001 ist nicht angekommen             | #1001
            Bestellnummer 1001                                     | #1001
            Bestellnummer: 1001                                    | #1001
            Bestell-Nr. 1001                                       | #1001
            Auftragsnummer 1001                                    | #1001
            Bestellung Nr. 1001                                    | #1001
            Ma commande n° 1001 n'est pas arrivée                  | #1001
            commande n°1001                                        | #1001
            commande no 1001                                       | #1001
            numéro de commande 1001                                | #1001
            numéro de commande : 1001                              | #1001
            Mi pedido 1001 no ha llegado                           | #1001
            número de pedido 1001                                  | #1001
            pedido nº 1001                                         | #1001
            Il mio ordine 1001 è in ritardo                        | #1001
            numero d'ordine 1001                                   | #1001
            mijn bestelling 1001                                   | #1001
            bestelnummer 1001                                      | #1001
            a minha encomenda 1001                                 | #1001
            zamówienie 1001                                        | #1001
            orders 1001 and #1002                                  | #1001 #1002
            #1001, #1002 and order 1003                            | #1001 #1002 #1003
            """)
    void findsOrderNumbers(String text, String expected) {
        assertThat(OrderNumbers.find(PLAIN, null, text)).containsExactly(expected.split(" "));
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Call me on +49 30 12345678
            my phone is 555-1001
            tel. #5551001
            I paid $1001 for it
            it cost 1001 EUR
            it cost 1001€
            total 1,001.00
            ordered on 2026-10-01
            delivered 01.10.2026
            10115 Berlin
            75001 Paris
            tracking number 1Z999AA10123456784
            tracking 9400111899223817394512
            I ordered 1001 items
            order of 1001 units
            order 1001 kg of sand
            order 12
            #12 of my list
            Apt #1001, 5th Avenue
            Suite #1001
            ticket #1001
            invoice #1001
            rechnung #1001
            my order is late
            color #ff0000
            order 10011001100110011
            issue#1001
            """)
    void ignoresNumbersThatAreNotOrders(String text) {
        assertThat(OrderNumbers.find(PLAIN, null, text)).isEmpty();
    }

    @Test
    void subjectAndBodyBothCountAndQuotedHistoryDoesNot() {
        String body = """
                Still nothing, see also order 1002.

                On Mon, 30 Nov 2026 at 10:00, Demo Shop <shop@example.com> wrote:
                > Thank you for your order #1099!
                """;
        assertThat(OrderNumbers.find(PLAIN, "Re: order #1001", body)).containsExactly("#1001", "#1002");
    }

    @Test
    void lineQuotesAreSkipped() {
        assertThat(OrderNumbers.find(PLAIN, null, "Any news?\n\n> Your order #1099 has shipped\n")).isEmpty();
    }

    @ParameterizedTest(name = "[{index}] {0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            Where is EU-1001?                                      | EU-1001
            eu-1001 please                                         | EU-1001
            my order 1001                                          | EU-1001
            #1001                                                  | EU-1001
            """)
    void usesTheStoresOwnPrefix(String text, String expected) {
        assertThat(OrderNumbers.find(EU, null, text)).containsExactly(expected);
    }

    @Test
    void usesTheStoresOwnSuffixAndNotAPrefixItDoesNotHave() {
        assertThat(OrderNumbers.find(SUFFIXED, null, "Wo ist 1001-DE?")).containsExactly("1001-DE");
        assertThat(OrderNumbers.find(SUFFIXED, null, "Wo ist 1001-DEX?")).isEmpty();
        assertThat(OrderNumbers.find(EU, null, "NEU-1001")).isEmpty();
    }

    @Test
    void takesAtMostFiveNumbers() {
        Set<String> found = OrderNumbers.find(PLAIN, null, "#1001 #1002 #1003 #1004 #1005 #1006 #1007");
        assertThat(found).containsExactly("#1001", "#1002", "#1003", "#1004", "#1005");
    }
}
