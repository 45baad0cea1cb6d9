package com.helpdesk.relay;

import com.amazonaws.services.lambda.runtime.events.DynamodbEvent;
import com.amazonaws.services.lambda.runtime.events.StreamsEventResponse;
import com.amazonaws.services.lambda.runtime.tests.EventLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The relay's reading of stream events against Lambda's own serializer. */
class StreamEventsTest {
    private static final Path ROOT = Path.of(System.getProperty("helpdesk.root", "../.."));

    @TempDir
    Path tmp;

    @Test
    void readsTheOutboxInsertAsLambdasSerializerDoes() throws IOException {
        assertSameAsLambda(ROOT.resolve("events/stream/outbox-insert.json"));
    }

    @Test
    void readsEveryAttributeTypeAndAModifyWithBothImagesAsLambdasSerializerDoes() throws IOException {
        Path file = Files.writeString(tmp.resolve("all-types.json"), """
                {"Records":[{"eventID":"e1","eventName":"MODIFY","eventVersion":"1.1","eventSource":"aws:dynamodb","awsRegion":"us-east-1",
                  "dynamodb":{"ApproximateCreationDateTime":1795341600,"Keys":{"PK":{"S":"TICKET#t1"},"SK":{"S":"TICKET"}},
                    "NewImage":{"s":{"S":"text"},"n":{"N":"42.5"},"b":{"B":"aGVsbG8="},"bool":{"BOOL":true},"null":{"NULL":true},
                      "ss":{"SS":["a","b"]},"ns":{"NS":["1","2"]},"bs":{"BS":["aGk=","eW8="]},
                      "m":{"M":{"inner":{"S":"x"},"deeper":{"M":{"n":{"N":"1"}}}}},"l":{"L":[{"S":"one"},{"N":"2"},{"L":[{"BOOL":false}]}]}},
                    "OldImage":{"s":{"S":"before"}},
                    "SequenceNumber":"111100000000011111111111","SizeBytes":321,"StreamViewType":"NEW_AND_OLD_IMAGES"},
                  "eventSourceARN":"arn:aws:dynamodb:us-east-1:123456789012:table/helpdesk/stream/2026-11-22T10:00:00.000"}]}""");
        assertSameAsLambda(file);
    }

    @Test
    void inputThatIsNoStreamEventIsRefusedNamingWhy() {
        assertThatThrownBy(() -> read("{")).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("not JSON");
        assertThatThrownBy(() -> read("{\"records\":[]}")).hasMessageContaining("no Records list");
        assertThatThrownBy(() -> read("{\"Records\":[\"x\"]}")).hasMessageContaining("a record is not an object");
        assertThatThrownBy(() -> read("{\"Records\":[{\"dynamodb\":{\"NewImage\":{\"detail\":{\"B\":\"%%\"}}}}]}"))
                .hasMessageContaining("attribute detail").hasMessageContaining("not base64");
    }

    @Test
    void writesTheSequenceNumberToResumeFrom() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StreamEvents.write(new StreamsEventResponse(List.of(new StreamsEventResponse.BatchItemFailure("222"))), out);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"222\"}]}");
    }

    private static void assertSameAsLambda(Path file) throws IOException {
        DynamodbEvent lambdas = EventLoader.loadDynamoDbEvent(file.toString());
        try (InputStream in = Files.newInputStream(file)) {
            assertThat(StreamEvents.read(in)).usingRecursiveComparison().isEqualTo(lambdas);
        }
    }

    private static DynamodbEvent read(String json) throws IOException {
        return StreamEvents.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }
}
