package com.helpdesk.store;

import com.helpdesk.core.triage.Intent;
import com.helpdesk.core.triage.IntentName;
import com.helpdesk.core.triage.IntentScore;
import com.helpdesk.core.triage.IntentSource;
import com.helpdesk.runtime.Json;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The stored intent: the document Jackson's record binding wrote, read back the same, whichever wrote it. */
class IntentJsonTest {
    private static final List<IntentScore> THREE = List.of(new IntentScore(IntentName.EXCHANGE, 0.45),
            new IntentScore(IntentName.RETURN_REQUEST, 0.35), new IntentScore(IntentName.REFUND_STATUS, 0.1));

    private static List<Intent> intents() {
        return List.of(
                new Intent(IntentName.WISMO, 0.9999999491276994, IntentSource.AUTO, "de", "maxent-2026-12-02", List.of(), null,
                        Instant.parse("2026-12-02T10:15:30.123456Z")),
                new Intent(null, 0.45, IntentSource.AUTO, "en", "maxent-2026-12-02", THREE, null, Instant.parse("2026-12-02T10:15:30Z")),
                new Intent(IntentName.MISSING_ITEM, 1, IntentSource.AGENT, null, null, List.of(),
                        new Intent.Correction(null, 0.45, THREE, "alice"), Instant.parse("2026-12-02T11:00:00Z")),
                new Intent(IntentName.DAMAGE_CLAIM, 1, IntentSource.AGENT, "fr", "m", List.of(),
                        new Intent.Correction(IntentName.WISMO, 0.8, List.of(), "bo"), null));
    }

    @Test
    void theDocumentIsTheOneJacksonsRecordBindingWrote() throws Exception {
        for (Intent i : intents()) {
            assertThat(Json.mapper().readTree(IntentJson.write(i))).isEqualTo(Json.mapper().readTree(Json.mapper().writeValueAsString(i)));
        }
    }

    @Test
    void anIntentStoredByEitherReadsTheSame() throws Exception {
        for (Intent i : intents()) {
            assertThat(IntentJson.read(Json.mapper().writeValueAsString(i))).isEqualTo(i);
            assertThat(IntentJson.read(IntentJson.write(i))).isEqualTo(i);
        }
    }

    @Test
    void aDamagedStoredIntentIsRefusedNamingTheField() {
        assertThatThrownBy(() -> IntentJson.read("{\"name\":\"WISMO\",\"confidence\":\"high\",\"source\":\"AUTO\"}"))
                .isInstanceOf(IllegalStateException.class).hasMessage("a stored intent cannot be read: confidence is not a number");
        assertThatThrownBy(() -> IntentJson.read("{\"source\":\"AUTO\",\"suggestions\":[{\"name\":\"NOPE\",\"confidence\":0.1}]}"))
                .isInstanceOf(IllegalStateException.class).hasMessageStartingWith("a stored intent cannot be read: suggestions[0].name is not one of");
        assertThatThrownBy(() -> IntentJson.read("[]"))
                .isInstanceOf(IllegalStateException.class).hasMessage("a stored intent cannot be read: the stored intent is not a JSON object");
    }
}
