package com.helpdesk.intentmodel;

import com.helpdesk.core.triage.IntentName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CorpusTest {
    @Test
    void everyIntentHasAtLeastSixtyExamplesInEachOfTheFourLanguages() {
        Corpus corpus = Corpus.read(HeldOutEvaluationTest.CORPUS);
        Map<IntentName, Long> perIntent = corpus.examples().stream().collect(Collectors.groupingBy(LabelledText::intent, Collectors.counting()));

        assertThat(perIntent.keySet()).containsExactlyInAnyOrder(IntentName.values());
        perIntent.forEach((intent, n) -> assertThat(n).as(intent.wire()).isGreaterThanOrEqualTo(60));
        for (IntentName intent : IntentName.values()) {
            assertThat(corpus.examples().stream().filter(e -> e.intent() == intent).map(LabelledText::language).distinct())
                    .as(intent.wire()).containsExactlyInAnyOrderElementsOf(Corpus.LANGUAGES);
        }
    }

    @Test
    void theSplitHoldsOutAFifthOfEachIntentAndLanguage() {
        HeldOutSplit split = HeldOutSplit.of(Corpus.read(HeldOutEvaluationTest.CORPUS).examples());

        for (IntentName intent : IntentName.values()) {
            for (String language : Corpus.LANGUAGES) {
                long held = split.heldOut().stream().filter(e -> e.intent() == intent && e.language().equals(language)).count();
                long trained = split.training().stream().filter(e -> e.intent() == intent && e.language().equals(language)).count();
                assertThat((double) held / (held + trained)).as(intent + "/" + language).isBetween(0.15, 0.25);
            }
        }
    }

    @Test
    void aBadLineNamesItsFileAndLine(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("wismo.jsonl"), "{\"intent\":\"wismo\",\"language\":\"en\",\"text\":\"where\"}\n"
                + "{\"intent\":\"wismo\",\"language\":\"it\",\"text\":\"dov'è\"}\n");

        assertThatThrownBy(() -> Corpus.read(dir)).hasMessageContaining("wismo.jsonl:2").hasMessageContaining("language");
    }
}
