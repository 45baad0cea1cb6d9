package com.helpdesk.intentmodel;

import opennlp.tools.doccat.DoccatModel;
import opennlp.tools.doccat.DocumentCategorizerME;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;
import opennlp.tools.ml.model.AbstractModel;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The intent and language models the jar ships ({@link MaxentWeights}) against OpenNLP's models they were converted
 * from (which the function ran before, kept by the build in target/intent-model-opennlp): the same intents in the same
 * order and, for every text of the corpus, the same probabilities, bit for bit, and the same language.
 */
class MaxentWeightsTest {
    static final Path OPENNLP_MODELS = Path.of("target/intent-model-opennlp");

    static DoccatModel openNlp;
    static LanguageDetectorModel openNlpLanguages;
    static MaxentIntentClassifier shipped;

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = Files.newInputStream(OPENNLP_MODELS.resolve(IntentModelTrainer.OPENNLP_INTENTS))) {
            openNlp = new DoccatModel(in);
        }
        try (InputStream in = Files.newInputStream(OPENNLP_MODELS.resolve(IntentModelTrainer.OPENNLP_LANGUAGES))) {
            openNlpLanguages = new LanguageDetectorModel(in);
        }
        shipped = MaxentIntentClassifier.load();
    }

    @Test
    void theShippedModelHasOpenNlpsIntentsInTheSameOrder() {
        DocumentCategorizerME categorizer = new DocumentCategorizerME(openNlp);
        MaxentWeights weights = shipped.intents();

        assertThat(weights.outcomeCount()).isEqualTo(categorizer.getNumberOfCategories());
        for (int i = 0; i < weights.outcomeCount(); i++) assertThat(weights.outcome(i)).isEqualTo(categorizer.getCategory(i));
        Map<?, ?> openNlpFeatures = (Map<?, ?>) ((AbstractModel) openNlp.getMaxentModel()).getDataStructures()[1];
        assertThat(weights.featureCount()).isEqualTo(openNlpFeatures.size());
        assertThat(weights.distinctRows()).as("features with the same weights share a row").isLessThan(weights.featureCount());
    }

    @Test
    void everyTextOfTheCorpusGetsOpenNlpsProbabilitiesExactly() {
        DocumentCategorizerME categorizer = new DocumentCategorizerME(openNlp);
        TextFeatures features = new TextFeatures();
        List<LabelledText> examples = Corpus.read(HeldOutEvaluationTest.CORPUS).examples();
        for (LabelledText e : examples) {
            String readable = TextFeatures.readable(null, e.text());
            String[] tokens = features.of(readable, shipped.language(readable));

            assertThat(shipped.probabilities(tokens)).as(e.text()).containsExactly(categorizer.categorize(tokens));
        }
        assertThat(examples).hasSizeGreaterThan(1000);
    }

    @Test
    void everyTextOfTheCorpusGetsOpenNlpsLanguageProbabilitiesExactly() {
        LanguageDetectorME detector = new LanguageDetectorME(openNlpLanguages);
        MaxentWeights languages = shipped.languages();
        for (String text : List.of("", "1001", "Wo ist mein Paket?", "ou est mon colis", "¿dónde está mi pedido? 😡 https://x.example")) {
            assertSameLanguageScores(detector, languages, text);
        }
        for (LabelledText e : Corpus.read(HeldOutEvaluationTest.CORPUS).examples()) {
            assertSameLanguageScores(detector, languages, TextFeatures.readable(null, e.text()));
        }
    }

    private static void assertSameLanguageScores(LanguageDetectorME detector, MaxentWeights languages, String readable) {
        double[] shippedScores = shipped.languageProbabilities(readable);
        Language[] openNlpScores = detector.predictLanguages(readable);
        assertThat(shippedScores).hasSize(openNlpScores.length);
        for (Language l : openNlpScores) {
            int i = openNlpLanguages.getMaxentModel().getIndex(l.getLang());
            assertThat(languages.outcome(i)).isEqualTo(l.getLang());
            assertThat(shippedScores[i]).as("%s in %s", l.getLang(), readable).isEqualTo(l.getConfidence());
        }
        if (!readable.isEmpty() && readable.codePoints().anyMatch(Character::isLetter)) {
            assertThat(shipped.language(readable)).as(readable).isEqualTo(detector.predictLanguage(readable).getLang());
        }
    }

    @Test
    void unseenWordsAndNoWordsScoreAsInOpenNlp() {
        DocumentCategorizerME categorizer = new DocumentCategorizerME(openNlp);
        for (String[] tokens : List.of(new String[0], new String[] {"w=zzqx", "c=_zzq"}, new String[] {"w=order", "w=order", "w=zzqx"})) {
            assertThat(shipped.probabilities(tokens)).containsExactly(categorizer.categorize(tokens));
        }
    }

    @Test
    void writtenAndReadBackItIsTheSameModel() throws IOException {
        MaxentWeights converted = MaxentWeights.of((AbstractModel) openNlp.getMaxentModel());
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        converted.write(new DataOutputStream(bytes));

        MaxentWeights read = MaxentWeights.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())));

        assertThat(read).isEqualTo(converted).isEqualTo(shipped.intents());
    }

    @Test
    void aFileOfAnotherFormatIsRefusedByName() {
        byte[] notWeights = "PK\u0003\u0004 a zip, as OpenNLP writes".getBytes(StandardCharsets.UTF_8);

        assertThatThrownBy(() -> MaxentWeights.read(new DataInputStream(new ByteArrayInputStream(notWeights))))
                .isInstanceOf(IOException.class).hasMessageContaining("not a maxent weights file");
    }

    @Test
    void aFileWhoseHashesAreOutOfOrderOrWhoseRowsAreMissingIsRefused() {
        assertThatThrownBy(() -> MaxentWeights.read(weightsFile(new long[] {5, 3}, new int[] {0, 0})))
                .isInstanceOf(IOException.class).hasMessageContaining("not in ascending order");
        assertThatThrownBy(() -> MaxentWeights.read(weightsFile(new long[] {3, 5}, new int[] {0, 1})))
                .isInstanceOf(IOException.class).hasMessageContaining("names row 1 of 1");
    }

    /** A file of format 2 with one outcome, one row of weights and the given features. */
    private static DataInputStream weightsFile(long[] hashes, int[] rows) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeInt(MaxentWeights.MAGIC);
        out.writeInt(MaxentWeights.FORMAT);
        out.writeInt(1);
        out.writeUTF("wismo");
        out.writeInt(1);
        out.writeDouble(0.5);
        out.writeInt(hashes.length);
        for (long h : hashes) out.writeLong(h);
        for (int r : rows) out.writeInt(r);
        return new DataInputStream(new ByteArrayInputStream(bytes.toByteArray()));
    }

    @Test
    void distinctFeatureNamesGetDistinctHashes() {
        assertThat(MaxentWeights.hash("c=_ab")).isNotEqualTo(MaxentWeights.hash("c=_ba"));
        assertThat(MaxentWeights.hash("")).isNotEqualTo(MaxentWeights.hash("bow="));
    }
}
