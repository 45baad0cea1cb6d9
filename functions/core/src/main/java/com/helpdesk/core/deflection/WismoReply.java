package com.helpdesk.core.deflection;

import com.helpdesk.core.orders.OrderContext.Fulfillment;
import com.helpdesk.core.orders.OrderContext.ShopOrder;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;

/**
 * The AI's answer to "where is my order", in the customer's language (English, German, French, Spanish; English for
 * any other): the order, what the carrier says about it, the carrier, tracking number and link, and the expected or
 * actual delivery date, written in the team's time zone. It tells the customer that a reply reaches a human.
 */
public final class WismoReply {
    /** The words of one language; {@code %s} in {@code greeting} is the customer's first name. */
    private record Words(Locale locale, String greeting, String anonymousGreeting, String thanks, Map<Stage, String> stage,
                         String carrier, String trackingNumber, String trackingLink, String expected, String delivered,
                         String replyForHuman, String signature) {}

    /** Where the parcel is, in the few steps a customer cares about (Shopify's display statuses folded into them). */
    enum Stage { PREPARING, ON_ITS_WAY, OUT_FOR_DELIVERY, READY_FOR_PICKUP, DELIVERED }

    private static final Map<String, Words> WORDS = Map.of(
            "en", new Words(Locale.ENGLISH, "Hello %s,", "Hello,", "Thank you for your message.", Map.of(
                    Stage.PREPARING, "Your order %s has been handed to the carrier and will be on its way shortly.",
                    Stage.ON_ITS_WAY, "Your order %s is on its way.",
                    Stage.OUT_FOR_DELIVERY, "Your order %s is out for delivery today.",
                    Stage.READY_FOR_PICKUP, "Your order %s is ready for pickup.",
                    Stage.DELIVERED, "According to the carrier, your order %s has been delivered."),
                    "Carrier", "Tracking number", "Track your parcel", "Expected delivery", "Delivered on",
                    "If anything is unclear, just reply to this message and someone from our team will take over.",
                    "This answer was written automatically by our assistant."),
            "de", new Words(Locale.GERMAN, "Hallo %s,", "Hallo,", "vielen Dank für Ihre Nachricht.", Map.of(
                    Stage.PREPARING, "Ihre Bestellung %s wurde an den Versanddienstleister übergeben und ist bald unterwegs.",
                    Stage.ON_ITS_WAY, "Ihre Bestellung %s ist unterwegs.",
                    Stage.OUT_FOR_DELIVERY, "Ihre Bestellung %s wird heute zugestellt.",
                    Stage.READY_FOR_PICKUP, "Ihre Bestellung %s liegt zur Abholung bereit.",
                    Stage.DELIVERED, "Laut Versanddienstleister wurde Ihre Bestellung %s zugestellt."),
                    "Versanddienstleister", "Sendungsnummer", "Sendungsverfolgung", "Voraussichtliche Zustellung", "Zugestellt am",
                    "Wenn etwas unklar ist, antworten Sie einfach auf diese Nachricht; dann übernimmt jemand aus unserem Team.",
                    "Diese Antwort wurde automatisch von unserem Assistenten verfasst."),
            "fr", new Words(Locale.FRENCH, "Bonjour %s,", "Bonjour,", "Merci pour votre message.", Map.of(
                    Stage.PREPARING, "Votre commande %s a été remise au transporteur et sera bientôt en route.",
                    Stage.ON_ITS_WAY, "Votre commande %s est en cours d'acheminement.",
                    Stage.OUT_FOR_DELIVERY, "Votre commande %s est en cours de livraison aujourd'hui.",
                    Stage.READY_FOR_PICKUP, "Votre commande %s est disponible au point de retrait.",
                    Stage.DELIVERED, "Selon le transporteur, votre commande %s a été livrée."),
                    "Transporteur", "Numéro de suivi", "Suivre le colis", "Livraison prévue", "Livrée le",
                    "Si quelque chose n'est pas clair, répondez simplement à ce message : un membre de notre équipe prendra le relais.",
                    "Cette réponse a été rédigée automatiquement par notre assistant."),
            "es", new Words(Locale.forLanguageTag("es"), "Hola, %s:", "Hola:", "Gracias por tu mensaje.", Map.of(
                    Stage.PREPARING, "Tu pedido %s se ha entregado al transportista y saldrá en breve.",
                    Stage.ON_ITS_WAY, "Tu pedido %s está en camino.",
                    Stage.OUT_FOR_DELIVERY, "Tu pedido %s está en reparto hoy.",
                    Stage.READY_FOR_PICKUP, "Tu pedido %s está listo para recoger.",
                    Stage.DELIVERED, "Según el transportista, tu pedido %s ha sido entregado."),
                    "Transportista", "Número de seguimiento", "Seguimiento del envío", "Entrega prevista", "Entregado el",
                    "Si algo no queda claro, responde a este mensaje y una persona de nuestro equipo se encargará.",
                    "Esta respuesta la ha redactado automáticamente nuestro asistente."));

    private final ZoneId zone;

    /** @param zone the team's time zone: the dates are the team's days, as the carrier's times are instants */
    public WismoReply(ZoneId zone) {
        this.zone = zone;
    }

    /** The languages with a template of their own; any other language is answered in English. */
    public static String language(String detected) {
        return detected != null && WORDS.containsKey(detected) ? detected : "en";
    }

    public String render(String language, String customerName, ShopOrder order, Fulfillment shipment) {
        Words w = WORDS.get(language(language));
        String first = firstName(customerName);
        StringBuilder text = new StringBuilder(first == null ? w.anonymousGreeting() : String.format(w.greeting(), first)).append("\n\n");
        text.append(w.thanks()).append(' ').append(String.format(w.stage().get(stage(shipment)), order.name())).append("\n\n");
        // French sets a space before the colon
        String colon = w.locale() == Locale.FRENCH ? " : " : ": ";
        if (present(shipment.carrier())) text.append(w.carrier()).append(colon).append(shipment.carrier()).append('\n');
        text.append(w.trackingNumber()).append(colon).append(shipment.trackingNumber()).append('\n');
        if (present(shipment.trackingUrl())) text.append(w.trackingLink()).append(colon).append(shipment.trackingUrl()).append('\n');
        if (shipment.deliveredAt() != null) {
            text.append(w.delivered()).append(colon).append(date(shipment.deliveredAt(), w.locale())).append('\n');
        } else if (shipment.estimatedDeliveryAt() != null) {
            text.append(w.expected()).append(colon).append(date(shipment.estimatedDeliveryAt(), w.locale())).append('\n');
        }
        text.append('\n').append(w.replyForHuman()).append("\n\n").append(w.signature());
        return text.toString();
    }

    static Stage stage(Fulfillment f) {
        String s = f.shipmentStatus() == null ? "" : f.shipmentStatus().toUpperCase(Locale.ROOT);
        if (f.deliveredAt() != null || s.equals("DELIVERED") || s.equals("PICKED_UP")) return Stage.DELIVERED;
        return switch (s) {
            case "IN_TRANSIT", "CARRIER_PICKED_UP" -> Stage.ON_ITS_WAY;
            case "OUT_FOR_DELIVERY" -> Stage.OUT_FOR_DELIVERY;
            case "READY_FOR_PICKUP" -> Stage.READY_FOR_PICKUP;
            // LABEL_PRINTED, LABEL_PURCHASED, CONFIRMED, SUBMITTED, FULFILLED, MARKED_AS_FULFILLED, none yet
            default -> Stage.PREPARING;
        };
    }

    private String date(Instant at, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at.atZone(zone));
    }

    /** The first word of the name, when it looks like a name (not an email address or a phone number). */
    static String firstName(String name) {
        if (name == null || name.isBlank() || name.contains("@")) return null;
        String first = name.strip().split("\\s+")[0];
        return first.chars().anyMatch(Character::isLetter) ? first : null;
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
