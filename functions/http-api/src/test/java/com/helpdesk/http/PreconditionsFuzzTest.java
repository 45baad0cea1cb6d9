package com.helpdesk.http;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Jazzer fuzz test of the conditional-request headers clients send as they like: {@code If-Match} (the version
 * a change is pinned to, {@link ETags#expectedVersion}) and {@code If-None-Match} ({@link ETags#noneMatchHits}).
 * Regression mode (seeds in src/test/resources/com/helpdesk/http/PreconditionsFuzzTestInputs/&lt;method&gt;) in the
 * normal build; {@code JAZZER_FUZZ=1} fuzzes. The contract: If-Match yields no version (absent, blank, "*"), a
 * version, or -1 (a tag that can never match, so the change is refused 412), or a 400 problem; never another
 * exception (a 500), and only the strong tag of a version ever pins that version.
 */
class PreconditionsFuzzTest {
    @FuzzTest(maxDuration = "60s")
    void ifMatch(FuzzedDataProvider data) {
        long version = data.consumeLong(0, 999_999_999_999L);
        String header = data.consumeRemainingAsString();
        OptionalLong expected;
        try {
            expected = ETags.expectedVersion(header);
        } catch (HttpProblem refused) {
            assertThat(refused.status()).isEqualTo(400);
            assertThat(header).contains(",");
            return;
        }
        if (expected.isEmpty()) {
            assertThat(header == null || header.isBlank() || header.strip().equals("*")).as(header).isTrue();
        } else if (expected.getAsLong() == version) {
            String v = header.strip();
            assertThat(v.equals(ETags.of(version)) || v.equals(Long.toString(version))).as("only this version's tag pins it: %s", header).isTrue();
        }
        assertThat(ETags.expectedVersion(ETags.of(version))).hasValue(version);
    }

    @FuzzTest(maxDuration = "60s")
    void ifNoneMatch(FuzzedDataProvider data) {
        long version = data.consumeLong(0, 999_999_999_999L);
        String header = data.consumeRemainingAsString();
        boolean hits = ETags.noneMatchHits(header, version);
        if (hits) {
            assertThat(header).satisfiesAnyOf(h -> assertThat(h).contains("*"), h -> assertThat(h).contains(ETags.of(version)));
        }
        assertThat(ETags.noneMatchHits(header + ", " + ETags.of(version), version)).isTrue();
    }
}
