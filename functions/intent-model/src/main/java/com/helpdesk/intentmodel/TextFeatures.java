package com.helpdesk.intentmodel;

import com.helpdesk.core.email.QuotedText;
import org.apache.lucene.analysis.Analyzer;
import org.apache.lucene.analysis.LowerCaseFilter;
import org.apache.lucene.analysis.TokenStream;
import org.apache.lucene.analysis.Tokenizer;
import org.apache.lucene.analysis.de.GermanAnalyzer;
import org.apache.lucene.analysis.en.EnglishAnalyzer;
import org.apache.lucene.analysis.es.SpanishAnalyzer;
import org.apache.lucene.analysis.fr.FrenchAnalyzer;
import org.apache.lucene.analysis.miscellaneous.ASCIIFoldingFilter;
import org.apache.lucene.analysis.standard.StandardTokenizer;
import org.apache.lucene.analysis.tokenattributes.CharTermAttribute;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Turns a customer's subject and text into the model's features:
 * <ul>
 *   <li>{@code w=}: the words as the language's Lucene analyzer sees them (tokenised, lower-cased, stop words out,
 *   Snowball/light stems: "returned", "returning" and "returns" are one feature);</li>
 *   <li>{@code b=}: pairs of neighbouring stems ("not receiv", "wrong size");</li>
 *   <li>{@code c=}: character 3- to 6-grams of each accent-folded word, stop words kept, so typos ("bestelung"),
 *   missing accents ("ou est") and German compounds ("Sendungsverfolgung") still share most features;</li>
 *   <li>{@code n=}: that the text has a number (order numbers, amounts).</li>
 * </ul>
 * Quoted history and signatures are cut first ({@link QuotedText}): the customer's new words are what they want now.
 * Analyzers are thread-safe (Lucene keeps their token streams per thread). Each language's analyzer is built on its
 * first text in that language: a function that reads English only never loads the other three (their stemmers, stop
 * word sets and classes are a part of the cold start); SnapStart priming can build all four before the snapshot.
 */
public final class TextFeatures {
    private static final int MIN_GRAM = 3;
    private static final int MAX_GRAM = 6;
    private static final int MAX_CHARS = 4000;

    private final Map<String, Analyzer> stemmers = new ConcurrentHashMap<>();
    private final Analyzer folding = new Analyzer() {
        @Override
        protected TokenStreamComponents createComponents(String field) {
            Tokenizer source = new StandardTokenizer();
            TokenStream folded = new ASCIIFoldingFilter(new LowerCaseFilter(source));
            return new TokenStreamComponents(source, folded);
        }
    };

    /** The text the model reads: the subject, then what the customer wrote this time (capped: a pasted log says nothing more). */
    public static String readable(String subject, String text) {
        String visible = text == null ? "" : QuotedText.visible(text);
        String joined = (subject == null || subject.isBlank() ? "" : subject.strip() + "\n") + visible;
        return joined.length() > MAX_CHARS ? joined.substring(0, MAX_CHARS) : joined;
    }

    /** The features of an already {@link #readable} text read in {@code language} (one of {@link Corpus#LANGUAGES}). */
    public String[] of(String readable, String language) {
        List<String> features = new ArrayList<>();
        List<String> stems = terms(stemmer(language), readable);
        String previous = null;
        for (String stem : stems) {
            if (isNumber(stem)) continue;
            features.add("w=" + stem);
            if (previous != null) features.add("b=" + previous + "_" + stem);
            previous = stem;
        }
        boolean number = false;
        for (String word : terms(folding, readable)) {
            if (isNumber(word)) {
                number = true;
                continue;
            }
            addGrams("_" + word + "_", features);
        }
        if (number) features.add("n=number");
        return features.toArray(String[]::new);
    }

    /** The analyzer of {@code language}, built on first use; English for a language the corpus does not have. */
    private Analyzer stemmer(String language) {
        String known = Corpus.LANGUAGES.contains(language) ? language : "en";
        return stemmers.computeIfAbsent(known, TextFeatures::analyzer);
    }

    private static Analyzer analyzer(String language) {
        return switch (language) {
            case "de" -> new GermanAnalyzer();
            case "fr" -> new FrenchAnalyzer();
            case "es" -> new SpanishAnalyzer();
            default -> new EnglishAnalyzer();
        };
    }

    /** Builds every language's analyzer now (SnapStart priming: before the snapshot rather than on a request). */
    public void prepareAllLanguages() {
        Corpus.LANGUAGES.forEach(this::stemmer);
    }

    private static void addGrams(String padded, List<String> out) {
        for (int n = MIN_GRAM; n <= MAX_GRAM; n++) {
            for (int i = 0; i + n <= padded.length(); i++) out.add("c=" + padded.substring(i, i + n));
        }
    }

    private static boolean isNumber(String token) {
        return !token.isEmpty() && token.chars().allMatch(Character::isDigit);
    }

    private static List<String> terms(Analyzer analyzer, String text) {
        List<String> out = new ArrayList<>();
        try (TokenStream ts = analyzer.tokenStream("text", text)) {
            CharTermAttribute term = ts.addAttribute(CharTermAttribute.class);
            ts.reset();
            while (ts.incrementToken()) out.add(term.toString());
            ts.end();
        } catch (IOException e) {
            throw new UncheckedIOException("analysing a string cannot fail on I/O", e);
        }
        return out;
    }
}
