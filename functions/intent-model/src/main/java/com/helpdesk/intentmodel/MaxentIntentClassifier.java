package com.helpdesk.intentmodel;

import com.helpdesk.core.triage.IntentClassifier;
import com.helpdesk.core.triage.IntentName;
import com.helpdesk.core.triage.IntentPrediction;
import com.helpdesk.core.triage.IntentScore;
import opennlp.tools.doccat.BagOfWordsFeatureGenerator;
import opennlp.tools.langdetect.LanguageDetectorContextGenerator;
import opennlp.tools.langdetect.LanguageDetectorFactory;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * The on-device classifier: the language model OpenNLP's language detector trained (character 1-3-grams of the
 * corpus, its languages only) picks the Lucene analyzer, then the maxent model OpenNLP's document categoriser trained
 * (multinomial logistic regression) scores the 14 intents on {@link TextFeatures}, as OpenNLP's bag-of-words features.
 * Both models ship as {@link MaxentWeights} (primitive arrays: OpenNLP's own form and its model reader cost a third of
 * the function's cold-start memory) and give OpenNLP's probabilities; both are read once, from the jar, by
 * {@link #load()}. Stateless: one instance serves every thread.
 */
public final class MaxentIntentClassifier implements IntentClassifier {
    public static final String RESOURCE_DIR = "/intent-model/";
    static final String INTENTS = "intents.weights";
    static final String LANGUAGES = "languages.weights";
    static final String PROPERTIES = "model.properties";

    private final TextFeatures features = new TextFeatures();
    private final BagOfWordsFeatureGenerator bagOfWords = new BagOfWordsFeatureGenerator();
    private final LanguageDetectorContextGenerator characterGrams = new LanguageDetectorFactory().getContextGenerator();
    private final MaxentWeights intents;
    private final MaxentWeights languages;
    private final String version;

    public MaxentIntentClassifier(MaxentWeights intents, MaxentWeights languages, String version) {
        this.intents = intents;
        this.languages = languages;
        this.version = version;
    }

    /** The model the build trained and packed into the jar. */
    public static MaxentIntentClassifier load() {
        try (InputStream i = resource(INTENTS); InputStream l = resource(LANGUAGES); InputStream p = resource(PROPERTIES)) {
            Properties props = new Properties();
            props.load(p);
            return new MaxentIntentClassifier(weights(i), weights(l), props.getProperty("version"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the intent model from the jar", e);
        }
    }

    private static MaxentWeights weights(InputStream in) throws IOException {
        return MaxentWeights.read(new DataInputStream(new BufferedInputStream(in)));
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
        double[] p = languageProbabilities(readable);
        int best = 0;
        for (int i = 1; i < p.length; i++) if (p[i] > p[best]) best = i; // the first of equals, as OpenNLP's stable sort
        String language = languages.outcome(best);
        return Corpus.LANGUAGES.contains(language) ? language : "en";
    }

    /**
     * The language model's probabilities (in {@link MaxentWeights#outcome} order), as OpenNLP's LanguageDetectorME
     * computes them: each distinct n-gram once, summed in the iteration order of a default HashSet of them.
     */
    double[] languageProbabilities(String readable) {
        HashSet<CharSequence> grams = new HashSet<>();
        Collections.addAll(grams, characterGrams.<CharSequence>getContext(readable));
        return languages.eval(grams);
    }

    MaxentWeights languages() {
        return languages;
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
