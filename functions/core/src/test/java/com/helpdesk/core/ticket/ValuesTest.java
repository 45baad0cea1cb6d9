package com.helpdesk.core.ticket;

import com.helpdesk.core.ValidationException;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ValuesTest {

    @Test
    void tagsAreNormalisedToOneSpelling() {
        assertThat(Tags.normaliseAll("tags", List.of("Return Request", "return-request", " RETURN-request ", "WISMO")))
                .containsExactly("return-request", "wismo");
        assertThat(Tags.normalise("t", "Ｖｉｐ")).isEqualTo("vip"); // full-width forms fold under NFKC
        assertThat(Tags.normalise("t", "dÉjà-vu")).isEqualTo("déjà-vu");
    }

    @Test
    void badTagsAreRefusedWithTheReason() {
        assertThatThrownBy(() -> Tags.normalise("tags", "  ")).isInstanceOf(ValidationException.class).hasMessageContaining("empty");
        assertThatThrownBy(() -> Tags.normalise("tags", "a".repeat(51))).hasMessageContaining("longer than 50");
        assertThatThrownBy(() -> Tags.normalise("tags", "vip!")).hasMessageContaining("may contain only");
        assertThatThrownBy(() -> Tags.normalise("tags", "-lead")).isInstanceOf(ValidationException.class);
        assertThatThrownBy(() -> Tags.normalise("tags", null)).isInstanceOf(ValidationException.class);
    }

    @Test
    void requesterIsNormalisedAndNeedsAnIdentity() {
        Requester r = Requester.of("requester", " Jane.Doe@Example.COM ", "00 44 (20) 7946-0958", " Jane ", Map.of("shopify", "7001"));
        assertThat(r.email()).isEqualTo("jane.doe@example.com");
        assertThat(r.phone()).isEqualTo("+442079460958");
        assertThat(r.name()).isEqualTo("Jane");
        assertThat(r.identities()).containsExactly("jane.doe@example.com", "+442079460958");
        assertThatThrownBy(() -> Requester.of("requester", null, " ", "Jane", null))
                .isInstanceOf(ValidationException.class).hasMessageContaining("needs an email or a phone number");
        assertThatThrownBy(() -> Requester.of("requester", "not-an-email", null, null, null))
                .hasMessageContaining("requester.email");
        assertThatThrownBy(() -> Requester.of("requester", null, "12ab", null, null))
                .hasMessageContaining("requester.phone");
    }

    @Test
    void requesterSearchTermsNormaliseLikeStoredIdentities() {
        assertThat(Requester.normaliseIdentity("JANE@example.com")).isEqualTo("jane@example.com");
        assertThat(Requester.normaliseIdentity("+1 (555) 123-4567")).isEqualTo("+15551234567");
    }

    @Test
    void enumsParseCaseInsensitivelyAndNameTheAllowedValues() {
        assertThat(Status.parse("status", "Pending")).isEqualTo(Status.PENDING);
        assertThat(Priority.URGENT.wire()).isEqualTo("urgent");
        assertThatThrownBy(() -> Channel.parse("channel", "fax"))
                .isInstanceOf(ValidationException.class)
                .hasMessageContaining("channel: unknown value 'fax'; expected one of email, chat, phone, social, web, api");
    }
}
