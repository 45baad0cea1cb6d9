package com.helpdesk.mail;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.charset.Charset;

import static org.assertj.core.api.Assertions.assertThat;

/** Charset labels Java does not know by the name mail software writes: the text is decoded with the charset they mean. */
class CharsetsTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource({
            "iso-8859-8-i, ISO-8859-8, שלום, the packet has not arrived (Hebrew from Thunderbird and Israeli webmail)",
            "ISO-8859-8-E, ISO-8859-8, תודה רבה, ",
            "iso-8859-6-i, ISO-8859-6, شكرا, ",
            "x-mac-roman, x-MacRoman, Grüße aus Köln, Apple Mail before Unicode",
            "macintosh, x-MacRoman, Crème brûlée, ",
            "x-mac-cyrillic, x-MacCyrillic, Привет, ",
            "x-mac-ce, x-MacCentralEurope, Zażółć, "})
    void aLabelJavaDoesNotKnowDecodesWithTheCharsetItMeans(String label, String javaName, String text, String why) {
        byte[] bytes = text.getBytes(Charset.forName(javaName));
        assertThat(Charsets.decode(bytes, label)).as(label).isEqualTo(text);
    }
}
