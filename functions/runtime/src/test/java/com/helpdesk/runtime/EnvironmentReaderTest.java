package com.helpdesk.runtime;

import org.junit.jupiter.api.Test;

import java.net.URI;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EnvironmentReaderTest {
    private static final Pattern WORD = Pattern.compile("[a-z]+");

    @Test
    void readsWellFormedValues() {
        EnvironmentReader env = EnvironmentReader.of(Map.of("NAME", "abc", "DAYS", "7", "FLAG", "false",
                "URL", "https://api.example.com/base", "COUNT", " 12 "));
        record Config(String name, Duration days, boolean flag, URI url, int count, Optional<URI> none) {}
        Config c = env.valid(new Config(env.matching("NAME", WORD, "a word"), env.days("DAYS", 1, 60), env.bool("FLAG"),
                env.httpUrl("URL", "a URL"), env.integer("COUNT", 1, 100, "things"), env.optionalHttpUrl("NONE", "a URL")));
        assertThat(c).isEqualTo(new Config("abc", Duration.ofDays(7), false, URI.create("https://api.example.com/base"), 12, Optional.empty()));
        assertThat(env.namesRead()).containsExactly("NAME", "DAYS", "FLAG", "URL", "COUNT", "NONE");
    }

    @Test
    void aMissingVariableIsNamedWithWhatItShouldHold() {
        EnvironmentReader env = EnvironmentReader.of(Map.of("OTHER", "x"));
        env.matching("TABLE", WORD, "a table name");
        assertThatThrownBy(() -> env.valid("config"))
                .isInstanceOf(EnvironmentReader.InvalidConfiguration.class)
                .hasMessage("invalid function configuration: TABLE is not set (expected a table name)");
    }

    @Test
    void anEmptyVariableCountsAsNotSet() {
        EnvironmentReader env = EnvironmentReader.of(Map.of("TABLE", ""));
        assertThat(env.optionalMatching("TABLE", WORD, "a word")).isEmpty();
        env.matching("TABLE", WORD, "a table name");
        assertThatThrownBy(() -> env.valid("config")).hasMessageContaining("TABLE is not set");
    }

    @Test
    void malformedValuesAreNamedWithTheValueAndTheExpectationAllAtOnce() {
        EnvironmentReader env = EnvironmentReader.of(Map.of("DAYS", "seven", "MAX", "0", "FLAG", "yes", "URL", "ftp://x/y",
                "LINK", "https://x.example.com/?q=1", "NAME", "Bad Name"));
        env.days("DAYS", 1, 60);
        env.integer("MAX", 1, 100, "attempts");
        env.bool("FLAG");
        env.httpUrl("URL", "an http(s) URL");
        env.optionalHttpUrl("LINK", "a base URL");
        env.matching("NAME", WORD, "a lower-case word");
        assertThatThrownBy(() -> env.valid("config"))
                .isInstanceOfSatisfying(EnvironmentReader.InvalidConfiguration.class, e -> assertThat(e.problems()).containsExactly(
                        "DAYS is 'seven' (expected a whole number of days from 1 to 60)",
                        "MAX is '0' (expected a whole number of attempts from 1 to 100)",
                        "FLAG is 'yes' (expected true or false)",
                        "URL is 'ftp://x/y' (expected an http(s) URL)",
                        "LINK is 'https://x.example.com/?q=1' (expected a base URL)",
                        "NAME is 'Bad Name' (expected a lower-case word)"));
    }

    @Test
    void aNumberOutOfRangeIsMalformed() {
        EnvironmentReader env = EnvironmentReader.of(Map.of("DAYS", "61"));
        env.days("DAYS", 1, 60);
        assertThatThrownBy(() -> env.valid("config")).hasMessageContaining("DAYS is '61' (expected a whole number of days from 1 to 60)");
    }

    @Test
    void aLongValueIsCutInTheMessage() {
        EnvironmentReader env = EnvironmentReader.of(Map.of("NAME", "x".repeat(500)));
        env.matching("NAME", Pattern.compile("y+"), "y's");
        assertThatThrownBy(() -> env.valid("config")).hasMessageContaining("'" + "x".repeat(80) + "...'");
    }
}
