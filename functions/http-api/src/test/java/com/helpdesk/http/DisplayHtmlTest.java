package com.helpdesk.http;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Locale;

import static org.assertj.core.api.Assertions.assertThat;

/** Hostile customer HTML in the style of OWASP's XSS filter evasion cheat sheet, as the API returns it for display. */
class DisplayHtmlTest {
    private static final List<String> HOSTILE = List.of(
            "<script>alert(1)</script>hi",
            "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
            "<ScRiPt>alert(1)</sCrIpT>",
            "<IMG SRC=\"javascript:alert('XSS');\">",
            "<IMG SRC=JaVaScRiPt:alert('XSS')>",
            "<IMG SRC=&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;&#97;&#108;&#101;&#114;&#116;&#40;&#39;&#88;&#83;&#83;&#39;&#41;>",
            "<IMG SRC=&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A&#x61&#x6C&#x65&#x72&#x74&#x28&#x27&#x58&#x53&#x53&#x27&#x29>",
            "<IMG SRC=\"jav\tascript:alert('XSS');\">",
            "<IMG SRC=\"jav&#x09;ascript:alert('XSS');\">",
            "<IMG SRC=\" &#14;  javascript:alert('XSS');\">",
            "<a href=\"javascript:alert(1)\">click</a>",
            "<a href=\"JaVaScRiPt:alert(1)\">click</a>",
            "<a href=\"vbscript:msgbox(1)\">click</a>",
            "<a href=\"data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==\">click</a>",
            "<img src=x onerror=alert(1)>",
            "<img src=\"x\" OnErRoR=\"alert(1)\">",
            "<svg onload=alert(1)>",
            "<svg><script>alert(1)</script></svg>",
            "<body onload=alert(1)>",
            "<iframe src=\"https://evil.example\"></iframe>",
            "<object data=\"https://evil.example/x.swf\"></object><embed src=x>",
            "<form action=\"https://evil.example\"><input name=p><button>go</button></form>",
            "<div style=\"width: expression(alert('XSS'));\">x</div>",
            "<div style=\"background:url(https://tracker.example/p.gif)\">x</div>",
            "<style>@import 'https://evil.example/x.css';</style>",
            "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0;url=javascript:alert('XSS');\">",
            "<META HTTP-EQUIV=\"refresh\" CONTENT=\"0; URL=https://evil.example\">",
            "<<SCRIPT>alert(\"XSS\");//\\<</SCRIPT>",
            "<IMG \"\"\"><SCRIPT>alert(\"XSS\")</SCRIPT>\"\\>",
            "<scr<script>ipt>alert(1)</script>",
            "<table background=\"javascript:alert(1)\"><td background=\"https://tracker.example/t.gif\">x</td></table>",
            "<a href=\"https://ok.example\" onclick=\"alert(1)\" onmouseover=alert(1)>ok</a>",
            "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
            "<base href=\"javascript:alert(1)//\"><link rel=stylesheet href=https://evil.example/x.css>",
            "<img src=\"data:text/html;base64,PHNjcmlwdD4=\"><img src=\"data:image/svg+xml;base64,PHN2Zz4=\">",
            "<isindex type=image src=1 onerror=alert(1)>",
            "<video><source onerror=\"alert(1)\"></video><audio src=x onerror=alert(1)>");

    @Test
    void nothingThatRunsSubmitsOrCallsHomeSurvives() {
        for (String hostile : HOSTILE) {
            String out = DisplayHtml.sanitize(hostile).toLowerCase(Locale.ROOT);
            assertThat(out).as(hostile)
                    .doesNotContain("<script", "<style", "<iframe", "<object", "<embed", "<form", "<input", "<button", "<meta",
                            "<svg", "<base", "<link", "<math", "<video", "<audio", "<body")
                    .doesNotContain("javascript:", "vbscript:", "data:text", "data:image/svg", "expression(", "background=", "style=")
                    .doesNotContainPattern("\\son[a-z]+\\s*=")
                    .doesNotContainPattern("\\ssrc=\"https?:");
        }
    }

    @Test
    void formattingStaysLinksOpenSafelyAndRemoteImagesAreBlocked() {
        String out = DisplayHtml.sanitize("<p>Hello <b>Nina</b></p><a href=\"https://shop.example/o/1\">order</a>"
                + "<img src=\"https://tracker.example/open.gif?u=7\" alt=\"logo\">"
                + "<img src=\"cid:part1.abc@mail\" alt=\"photo\"><img src=\"data:image/png;base64,iVBORw0KGgo=\" alt=\"dot\">");
        assertThat(out).contains("<p>Hello <b>Nina</b></p>")
                .contains("href=\"https://shop.example/o/1\"").contains("rel=\"noopener noreferrer nofollow\"").contains("target=\"_blank\"")
                .contains("alt=\"logo\"").contains("data-blocked-src=\"https://tracker.example/open.gif?u=7\"")
                .doesNotContainPattern("\\ssrc=\"https://tracker")
                .contains("src=\"cid:part1.abc@mail\"").contains("src=\"data:image/png;base64,iVBORw0KGgo=\"");
        assertThat(DisplayHtml.sanitize(null)).isNull();
    }

    @Test
    void theRepresentationReturnsTheSanitisedFormAndTheStoreKeepsTheRaw() {
        var msg = new com.helpdesk.core.ticket.Message("msg_1", "tkt_1", com.helpdesk.core.ticket.Actor.system("test"),
                com.helpdesk.core.ticket.Visibility.PUBLIC, "hi", "<p>hi</p><script>alert(1)</script>",
                com.helpdesk.core.ticket.Channel.EMAIL, java.time.Instant.EPOCH, List.of());
        assertThat((String) TicketRepresentation.message(msg).get("html")).isEqualTo("<p>hi</p>");
        assertThat(msg.html()).contains("<script>");
    }
}
