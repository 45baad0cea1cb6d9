package com.helpdesk.mail;

import com.helpdesk.core.email.Mailbox;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Address lists as clients write them: the display names' encoded words are decoded only after the list is split. */
class HeaderTextTest {

    @Test
    void aCommaInsideAnEncodedDisplayNameSeparatesNoAddresses() {
        // Exchange encodes "Müller, Hans" with =2C; some webmailers leave the comma raw inside the encoded word
        String cc = "=?iso-8859-1?Q?M=FCller=2C_Hans?= <hans@example.de>, =?utf-8?Q?Sch=C3=B6n,_Eva?= <eva@example.de>,"
                + " =?utf-8?B?0JjQstCw0L3QvtCyLCDQmNCy0LDQvQ==?= <ivan@example.ru>";
        assertThat(HeaderText.addresses(cc)).containsExactly(new Mailbox("Müller, Hans", "hans@example.de"),
                new Mailbox("Schön, Eva", "eva@example.de"), new Mailbox("Иванов, Иван", "ivan@example.ru"));
    }
}
