package com.helpdesk.runtime;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class LambdaEventJsonTest {
    @Test
    void anEventThatIsNotJsonIsRefusedInTheProjectsWordsNotTheParsers() {
        assertThatThrownBy(() -> LambdaEventJson.read(in("{\"Records\":")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the event is not JSON: the document ends before the JSON value is complete")
                .message().doesNotContainIgnoringCase("jackson").doesNotContain("JsonToken");
        assertThatThrownBy(() -> LambdaEventJson.read(in("{\"a\":1,\"a\":2}")))
                .hasMessageContaining("the key \"a\" appears more than once");
    }

    @Test
    void aBatchHasARecordsListOfObjects() throws IOException {
        assertThat(LambdaEventJson.records(in("{\"Records\":[{\"messageId\":\"m1\"}]}"), "an SQS event")).hasSize(1);
        assertThatThrownBy(() -> LambdaEventJson.records(in("null"), "an SQS event"))
                .hasMessage("the event is not an SQS event: it has no Records list");
        assertThatThrownBy(() -> LambdaEventJson.records(in("{\"Records\":[2]}"), "a stream event"))
                .hasMessage("the event is not a stream event: a record is not an object");
    }

    @Test
    void batchItemFailuresAreWrittenAsLambdaReadsThem() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        LambdaEventJson.writeBatchItemFailures(List.of("m2", "m3"), out);
        assertThat(out.toString(StandardCharsets.UTF_8))
                .isEqualTo("{\"batchItemFailures\":[{\"itemIdentifier\":\"m2\"},{\"itemIdentifier\":\"m3\"}]}");
    }

    @Test
    void aBinaryValueIsBase64OrRefusedNamingItsHolder() {
        assertThat(StandardCharsets.UTF_8.decode(LambdaEventJson.base64("aGk=", "x")).toString()).isEqualTo("hi");
        assertThatThrownBy(() -> LambdaEventJson.base64("%%", "the attribute detail"))
                .hasMessage("the attribute detail has a binary value that is not base64");
    }

    private static ByteArrayInputStream in(String json) {
        return new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8));
    }
}
