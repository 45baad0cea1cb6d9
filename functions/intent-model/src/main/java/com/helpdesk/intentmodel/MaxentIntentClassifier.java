package com.helpdesk.intentmodel;

import com.helpdesk.core.triage.IntentClassifier;
import com.helpdesk.core.triage.IntentName;
import com.helpdesk.core.triage.IntentPrediction;
import com.helpdesk.core.triage.IntentScore;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.langdetect.Language;
import opennlp.tools.langdetect.LanguageDetectorME;
import opennlp.tools.langdetect.LanguageDetectorModel;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The on-device classifier: OpenNLP's language detector (character n-grams, trained on the corpus, restricted to
 * its languages) picks the Lucene analyzer, then the maxent model OpenNLP's document categoriser trained (multinomial
 * logistic regression) scores the 14 intents on {@link TextFeatures}, as OpenNLP's bag-of-words features. The intent
 * model ships as {@link MaxentWeights} (primitive arrays: OpenNLP's own form cost a third of the function's cold-start
 * memory), with the same probabilities. Both models are read once, from the jar, by {@link #load()}.
 * OpenNLP's language detector keeps per-call state, so each thread gets its own (cheap: they share the model).
 */
public final class MaxentIntentClassifier implements IntentClassifier {
    public static final String RESOURCE_DIR = "/intent-model/";
    static final String INTENTS = "intents.weights";
    static final String LANGUAGES = "languages.bin";
    static final String PROPERTIES = "model.properties";

    private final TextFeatures features = new TextFeatures();
    private final BagOfWordsFeatureGenerator bagOfWords = new BagOfWordsFeatureGenerator();
    private final MaxentWeights intents;
    private final ThreadLocal<LanguageDetectorME> detector;
    private final String version;

    public MaxentIntentClassifier(MaxentWeights intents, LanguageDetectorModel languages, String version) {
        this.intents = intents;
        this.detector = ThreadLocal.withInitial(() -> new LanguageDetectorME(languages));
        this.version = version;
    }

    /** The model the build trained and packed into the jar. */
    public static MaxentIntentClassifier load() {
        try (InputStream i = resource(INTENTS); InputStream l = resource(LANGUAGES); InputStream p = resource(PROPERTIES)) {
            Properties props = new Properties();
            props.load(p);
            MaxentWeights weights = MaxentWeights.read(new DataInputStream(new BufferedInputStream(i, 1 << 16)));
            return new MaxentIntentClassifier(weights, new LanguageDetectorModel(l), props.getProperty("version"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the intent model from the jar", e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = MaxentIntentClassifier.class.getResourceAsStream(RESOURCE_DIR + name);
        if (in == null) throw new IllegalStateException("the jar has no " + RESOURCE_DIR + name + " (the build trains it in process-classes)");
        return in;
    }

    @Override
    public IntentPrediction classify(String subject, String text) {
        String readable = TextFeatures.readable(subject, text);
        String language = language(readable);
        return new IntentPrediction(scores(features.of(readable, language)), language, version);
    }

    /** The most likely of the corpus's languages; English when the text has no letters to go by. */
    public String language(String readable) {
        if (readable.codePoints().noneMatch(Character::isLetter)) return "en";
        Language best = detector.get().predictLanguage(readable);
        return Corpus.LANGUAGES.contains(best.getLang()) ? best.getLang() : "en";
    }

    public String version() {
        return version;
    }

    private List<IntentScore> scores(String[] tokens) {
        double[] p = probabilities(tokens);
        List<IntentScore> out = new ArrayList<>(p.length);
        for (int i = 0; i < p.length; i++) {
            out.add(new IntentScore(IntentName.parse("intent", intents.outcome(i)), Math.min(1, Math.max(0, p[i]))));
        }
        return out;
    }

    /** The intent model's probabilities (in {@link MaxentWeights#outcome} order) for {@link TextFeatures}' tokens. */
    double[] probabilities(String[] tokens) {
        return intents.eval(bagOfWords.extractFeatures(tokens, Map.of()));
    }

    MaxentWeights intents() {
        return intents;
    }
}
