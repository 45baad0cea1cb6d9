package com.helpdesk.intentmodel;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.helpdesk.core.triage.IntentName;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The labelled corpus: one JSON object per line ({@code intent}, {@code language}, {@code text}) in
 * {@code <intent>.jsonl} files. A line that is not a known intent or language fails the build with its file and line.
 */
public final class Corpus {
    public static final Set<String> LANGUAGES = Set.of("en", "de", "fr", "es");

    /** Only the build reads the corpus: the function reads {@link #LANGUAGES} and must not build a mapper for it. */
    private static final class Json {
        static final ObjectMapper MAPPER = new ObjectMapper();
    }

    private final List<LabelledText> examples;
    private final String fingerprint;

    private Corpus(List<LabelledText> examples, String fingerprint) {
        this.examples = List.copyOf(examples);
        this.fingerprint = fingerprint;
    }

    public static Corpus read(Path dir) {
        List<LabelledText> out = new ArrayList<>();
        MessageDigest digest = sha256();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jsonl")).sorted().toList()) {
                byte[] bytes = Files.readAllBytes(file);
                digest.update(bytes);
                String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n");
                for (int i = 0; i < lines.length; i++) {
                    if (!lines[i].isBlank()) out.add(parse(file.getFileName() + ":" + (i + 1), lines[i]));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the corpus in " + dir, e);
        }
        if (out.isEmpty()) throw new IllegalStateException("no *.jsonl examples in " + dir);
        return new Corpus(out, HexFormat.of().formatHex(digest.digest()).substring(0, 12));
    }

    private static LabelledText parse(String where, String line) {
        try {
            JsonNode n = Json.MAPPER.readTree(line);
            IntentName intent = IntentName.parse("intent", n.path("intent").asText(null));
            String language = n.path("language").asText("");
            String text = n.path("text").asText("");
            if (!LANGUAGES.contains(language)) throw new IllegalArgumentException("language must be one of " + LANGUAGES);
            if (text.isBlank()) throw new IllegalArgumentException("text is empty");
            return new LabelledText(intent, language, text);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage(), e);
        }
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<LabelledText> examples() {
        return examples;
    }

    /** The first 12 hex digits of the SHA-256 of the corpus files: part of the model version. */
    public String fingerprint() {
        return fingerprint;
    }
}
