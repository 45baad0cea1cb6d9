package com.helpdesk.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** format=flowed (RFC 3676) as Thunderbird and Apple Mail send it: soft line breaks are joined, hard ones kept. */
class FlowedTextTest {

    @Test
    void softBreaksJoinAParagraphAndHardBreaksStay() {
        String sent = "I would like to change the delivery address for \r\norder 4721 to the new one.\r\nThanks,\r\n\r\n-- \r\nFrank\r\n";
        assertThat(FlowedText.unflow(sent, false))
                .isEqualTo("I would like to change the delivery address for order 4721 to the new one.\nThanks,\n\n-- \nFrank\n");
    }

    @Test
    void delSpRemovesTheTransportSpaceSoTextWithoutSpacesIsWhole() {
        assertThat(FlowedText.unflow("日本語のテキストが長い場合は \r\nここで折り返されます。\r\n", true)).isEqualTo("日本語のテキストが長い場合はここで折り返されます。\n");
        assertThat(FlowedText.unflow("This is a long line that  \r\nwraps.", true)).isEqualTo("This is a long line that wraps.");
    }

    @Test
    void quotedParagraphsJoinWithinTheirDepthAndStuffingIsRemoved() {
        String sent = "Yes.\r\n\r\nOn 30.11.26 10:00, Shop wrote:\r\n> Shall we send a \r\n> replacement?\r\n>> older \r\n>> text\r\n  From here\r\n";
        assertThat(FlowedText.unflow(sent, false))
                .isEqualTo("Yes.\n\nOn 30.11.26 10:00, Shop wrote:\n> Shall we send a replacement?\n>> older text\n From here\n");
    }
}
