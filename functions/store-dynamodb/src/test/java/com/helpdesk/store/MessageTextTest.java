package com.helpdesk.store;

import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class MessageTextTest {
    private static final String LINKS = "https://api.example.com/csat?t=eyJ0aWNrZXQiOiJ0a3RfMDFKWDdaIiwiciI6NX0.Zm9vYmFyYmF6cXV4";
    private static final String TEXT = "Your request #1042 was resolved. How did we do? " + (LINKS + "&r=5 ").repeat(5) + "Grüße, das Team – ✓";
    private static final String HTML = "<p>Your request #1042 was resolved. How did we do?</p>"
            + ("<a href=\"" + LINKS + "&amp;r=5\">5</a>").repeat(5) + "<p>Grüße, das Team – ✓</p>";

    @Test
    void aLongTextAndHtmlAreStoredTogetherCompressedAndReadBackAsTheyWere() {
        Map<String, AttributeValue> item = new HashMap<>();
        MessageText.put(item, TEXT, HTML);
        assertThat(item).containsOnlyKeys(MessageText.CONTENT);
        assertThat(item.get(MessageText.CONTENT).b().asByteArray().length).as("the links are stored about once")
                .isLessThan((TEXT.length() + HTML.length()) / 3);
        assertThat(MessageText.get(item)).isEqualTo(new MessageText.Text(TEXT, HTML));
    }

    @Test
    void aLongTextWithoutHtmlReadsBackWithoutHtml() {
        Map<String, AttributeValue> item = new HashMap<>();
        MessageText.put(item, TEXT, null);
        assertThat(MessageText.get(item)).isEqualTo(new MessageText.Text(TEXT, null));
    }

    @Test
    void aShortMessageStaysTwoStrings() {
        Map<String, AttributeValue> item = new HashMap<>();
        MessageText.put(item, "Where is my order #1001?", "<p>Where is my order #1001?</p>");
        assertThat(item).containsEntry("body", AttributeValue.fromS("Where is my order #1001?"))
                .containsEntry("html", AttributeValue.fromS("<p>Where is my order #1001?</p>")).doesNotContainKey(MessageText.CONTENT);
        MessageText.put(item = new HashMap<>(), "x".repeat(MessageText.THRESHOLD - 1), null);
        assertThat(item.get("body").s()).as("below the threshold, however repetitive").hasSize(MessageText.THRESHOLD - 1);
    }

    @Test
    void theSameTextAlwaysCompressesToTheSameBytes() {
        // conditional message updates compare a stored attribute with the one rebuilt from what they read
        Map<String, AttributeValue> a = new HashMap<>();
        Map<String, AttributeValue> b = new HashMap<>();
        MessageText.put(a, TEXT, HTML);
        MessageText.put(b, new String(TEXT.toCharArray()), new String(HTML.toCharArray()));
        assertThat(a).isEqualTo(b);
    }

    @Test
    void aMessageStoredBeforeCompressionAndAnErasedOneRead() {
        assertThat(MessageText.get(Map.of("body", AttributeValue.fromS(TEXT), "html", AttributeValue.fromS(HTML))))
                .isEqualTo(new MessageText.Text(TEXT, HTML));
        assertThat(MessageText.get(Map.of(MessageText.CONTENT, AttributeValue.fromS("[redacted]"))))
                .isEqualTo(new MessageText.Text("[redacted]", null));
    }

    @Test
    void aContentThatIsNotCompressedTextIsRefusedNamingTheAttribute() {
        Map<String, AttributeValue> item = Map.of(MessageText.CONTENT, AttributeValue.fromB(SdkBytes.fromUtf8String("plain")));
        assertThatThrownBy(() -> MessageText.get(item)).hasMessageContaining(MessageText.CONTENT);
    }
}
