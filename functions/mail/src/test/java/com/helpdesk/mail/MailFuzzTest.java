package com.helpdesk.mail;

import com.code_intelligence.jazzer.junit.FuzzTest;
import com.helpdesk.core.email.Email;
import com.helpdesk.core.email.QuotedText;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz tests of what reads hostile mail: the MIME parser, quoted-reply stripping, HTML to text and
 * the SES notification reader. In the normal build they run in regression mode, once per committed
 * seed (src/test/resources/com/helpdesk/mail/MailFuzzTestInputs/&lt;method&gt;); {@code JAZZER_FUZZ=1}
 * fuzzes for {@code maxDuration}. The contract: no exception escapes (the parser's only documented one
 * is the sink's IOException, and the sink here never fails), nothing hangs, the results are usable.
 */
class MailFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void mimeParser(byte[] raw) throws IOException {
        Email mail = new MimeParser().parse(new ByteArrayInputStream(raw), MimeParser.DISCARD);
        assertThat(mail).isNotNull();
        assertThat(mail.text()).isNotNull();
        assertThat(mail.visibleText()).isNotNull();
        if (mail.html() != null) assertThat(mail.html().length()).isLessThanOrEqualTo(MimeParser.MAX_HTML_CHARS);
    }

    @FuzzTest(maxDuration = "60s")
    void quotedText(byte[] data) {
        String text = new String(data, StandardCharsets.UTF_8);
        String visible = QuotedText.visible(text);
        assertThat(visible).isNotNull();
        assertThat(visible.length()).isLessThanOrEqualTo(text.length());
    }

    @FuzzTest(maxDuration = "60s")
    void htmlToText(byte[] data) {
        String html = new String(data, StandardCharsets.UTF_8);
        assertThat(HtmlText.text(html)).isNotNull();
        assertThat(HtmlText.visible(html)).isNotNull();
    }

    @FuzzTest(maxDuration = "60s")
    void sesNotification(byte[] data) {
        SesNotification n = SesNotification.read(new String(data, StandardCharsets.UTF_8));
        if (n != null) assertThat(n.bounce() != null || n.notice() != null).isTrue();
    }
}
