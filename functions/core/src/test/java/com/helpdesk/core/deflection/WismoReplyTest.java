package com.helpdesk.core.deflection;

import com.helpdesk.core.orders.OrderContext.MatchedBy;
import com.helpdesk.core.orders.OrderContext.ShopOrder;
import org.junit.jupiter.api.Test;

import java.time.ZoneId;
import java.util.List;

import static com.helpdesk.core.deflection.WismoCases.DELIVERED;
import static com.helpdesk.core.deflection.WismoCases.IN_TRANSIT;
import static com.helpdesk.core.deflection.WismoCases.order;
import static org.assertj.core.api.Assertions.assertThat;

class WismoReplyTest {
    private final WismoReply replies = new WismoReply(ZoneId.of("Europe/Berlin"));
    private final ShopOrder inTransit = order("#1001", "2026-11-20T09:12:44Z", List.of(IN_TRANSIT), MatchedBy.EMAIL);

    @Test
    void englishNamesTheCarrierTrackingLinkStatusAndExpectedDelivery() {
        String text = replies.render("en", "Ana Demo", inTransit, IN_TRANSIT);
        assertThat(text).startsWith("Hello Ana,\n\nThank you for your message. Your order #1001 is on its way.\n\n")
                .contains("Carrier: DHL Express\n", "Tracking number: JD014600006281234567\n",
                        "Track your parcel: https://www.dhl.com/de-en/home/tracking.html?tracking-id=JD014600006281234567\n",
                        "Expected delivery: December 3, 2026\n", "reply to this message and someone from our team will take over")
                .endsWith("This answer was written automatically by our assistant.");
    }

    @Test
    void germanFrenchAndSpanishSayItInTheirWordsAndDates() {
        assertThat(replies.render("de", "Ana Demo", inTransit, IN_TRANSIT)).startsWith("Hallo Ana,")
                .contains("Ihre Bestellung #1001 ist unterwegs.", "Sendungsnummer: JD014600006281234567", "Voraussichtliche Zustellung: 3. Dezember 2026");
        assertThat(replies.render("fr", "Ana Demo", inTransit, IN_TRANSIT)).startsWith("Bonjour Ana,")
                .contains("Votre commande #1001 est en cours d'acheminement.", "Transporteur : DHL Express", "Livraison prévue : 3 décembre 2026");
        assertThat(replies.render("es", "Ana Demo", inTransit, IN_TRANSIT)).startsWith("Hola, Ana:")
                .contains("Tu pedido #1001 está en camino.", "Número de seguimiento: JD014600006281234567", "Entrega prevista: 3 de diciembre de 2026");
    }

    @Test
    void aDeliveredOrderGetsItsDeliveryDayInTheTeamsTimeZone() {
        ShopOrder delivered = order("#1002", "2026-11-21T10:00:00Z", List.of(DELIVERED), MatchedBy.EMAIL);
        String text = replies.render("en", null, delivered, DELIVERED);
        assertThat(text).startsWith("Hello,\n").contains("According to the carrier, your order #1002 has been delivered.",
                "Carrier: UPS", "Delivered on: November 25, 2026").doesNotContain("Track your parcel", "Expected delivery");
        String lateEvening = new WismoReply(ZoneId.of("Asia/Tokyo")).render("en", null, delivered, DELIVERED);
        assertThat(lateEvening).as("17:45 UTC is the next day in Tokyo").contains("Delivered on: November 26, 2026");
    }

    @Test
    void anotherLanguageIsAnsweredInEnglishAndAnAddressIsNoName() {
        assertThat(WismoReply.language("it")).isEqualTo("en");
        assertThat(WismoReply.language(null)).isEqualTo("en");
        assertThat(replies.render("it", "ana@example.com", inTransit, IN_TRANSIT)).startsWith("Hello,\n");
        assertThat(WismoReply.firstName("  Chloé   Martin ")).isEqualTo("Chloé");
        assertThat(WismoReply.firstName("+4915112345678")).isNull();
    }
}
