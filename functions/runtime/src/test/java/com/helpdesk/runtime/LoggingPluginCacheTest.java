package com.helpdesk.runtime;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.logging.log4j.core.config.plugins.processor.PluginCache;
import org.apache.logging.log4j.core.config.plugins.processor.PluginEntry;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The log4j plugin cache every function jar carries (functions/runtime's Log4j2Plugins.dat; the root pom's function-jar
 * shade execution leaves out the full caches of log4j-core, its JSON template layout and Powertools). log4j 2 loads the
 * class of every plugin its caches list when it starts, used or not: the full caches list 254 (rolling files, JDBC,
 * Kafka, SMTP, pattern converters, the JMX lookup whose constructor starts the platform MBeans), 48 are what
 * log4j2.json and its template need. The file is written from the full caches of the jars on this class path, so a log4j or
 * Powertools upgrade that moves a plugin fails here: regenerate it with
 * {@code ./mvnw -B -q -pl functions/runtime -am test -Dtest=LoggingPluginCacheTest -Dsurefire.failIfNoSpecifiedTests=false -Dhelpdesk.writePluginCache=true}.
 * Tests and the local stack run on the full caches (the jars' own are on their class path too), so a function jar
 * alone is checked by infra/local FunctionJarsIT (one JSON line with Powertools' fields through each jar's log4j).
 */
class LoggingPluginCacheTest {
    static final String CACHE = "META-INF/org/apache/logging/log4j/core/config/plugins/Log4j2Plugins.dat";
    private static final Path COMMITTED = Path.of("src/main/resources").resolve(CACHE);

    /** Powertools' JSON template, which log4j2.json's layout names. */
    private static final String TEMPLATE = "LambdaJsonLayout.json";

    /** category, then the plugin keys log4j2.json and the JSON template layout use (keys as log4j lower-cases them). */
    private static final Map<String, List<String>> USED = Map.of(
            // log4j2.json: read by the JSON factory with the Jackson every function has anyway (no XML parser)
            "configurationfactory", List.of("jsonconfigurationfactory"),
            // the elements of log4j2.json (AppenderRef under both of its names)
            "core", List.of("appenders", "console", "jsontemplatelayout", "eventtemplateadditionalfield", "loggers", "logger", "root",
                    "appenderref", "appender-ref", "properties", "property"),
            // the root level's ${sys:...} and ${env:...}
            "lookup", List.of("sys", "env"),
            // the resolvers Powertools' template names (LambdaJsonLayout.json, read below: the layout looks each
            // `$resolver` up among the factories the caches list, and builds every one it is given)
            "jsontemplateresolverfactory", resolverFactoriesOf(TEMPLATE),
            "jsontemplateresolverinterceptor", List.of("eventadditionalfieldinterceptor", "eventrootobjectkeyinterceptor"),
            // attribute conversions: all of them (small, and any attribute of any element may need one)
            "typeconverter", List.of("bigdecimal", "biginteger", "boolean", "byte", "bytearray", "character", "characterarray", "charset",
                    "class", "cronexpression", "double", "duration", "file", "float", "inetaddress", "integer", "level", "long", "path",
                    "pattern", "recyclerfactoryconverter", "securityprovider", "short", "string", "uri", "url", "uuid"));

    @Test
    void theFunctionsPluginCacheIsTheFullCachesLessWhatTheConfigurationDoesNotUse() throws IOException {
        byte[] expected = trimmed(fullCaches());
        if (Boolean.getBoolean("helpdesk.writePluginCache")) Files.write(COMMITTED, expected);
        assertThat(Files.readAllBytes(COMMITTED))
                .as("functions/runtime's " + CACHE + " is stale: regenerate it (see this test's comment)")
                .isEqualTo(expected);
    }

    @Test
    void everyPluginTheConfigurationUsesIsInTheCache() throws IOException {
        PluginCache committed = new PluginCache();
        committed.loadCacheFiles(Collections.enumeration(List.of(COMMITTED.toUri().toURL())));
        USED.forEach((category, keys) -> assertThat(committed.getCategory(category)).as(category).containsOnlyKeys(keys));
        assertThat(committed.getAllCategories()).containsOnlyKeys(USED.keySet());
    }

    /**
     * The plugin keys of the resolver factories a template names: each {@code $resolver} value, as log4j names its
     * factory (`level` is LevelResolverFactory). The error and the stack trace of the template's `exception` resolver
     * are resolved inside it, not through further factories.
     */
    private static List<String> resolverFactoriesOf(String template) {
        try (var in = LoggingPluginCacheTest.class.getClassLoader().getResourceAsStream(template)) {
            assertThat(in).as(template + " on the class path").isNotNull();
            TreeSet<String> keys = new TreeSet<>();
            new ObjectMapper().readTree(in).findValues("$resolver").forEach(name -> keys.add(name.asText().toLowerCase(Locale.ROOT) + "resolverfactory"));
            return List.copyOf(keys);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The caches of the jars (log4j-core, the template layout, Powertools), not this module's own file. */
    private static PluginCache fullCaches() throws IOException {
        List<URL> jars = new ArrayList<>();
        for (URL url : Collections.list(LoggingPluginCacheTest.class.getClassLoader().getResources(CACHE))) {
            if (url.getProtocol().equals("jar")) jars.add(url);
        }
        assertThat(jars).as("log4j-core's plugin cache on the class path").isNotEmpty();
        PluginCache full = new PluginCache();
        full.loadCacheFiles(Collections.enumeration(jars));
        return full;
    }

    private static byte[] trimmed(PluginCache full) throws IOException {
        PluginCache trimmed = new PluginCache();
        USED.forEach((category, keys) -> {
            Map<String, PluginEntry> available = full.getCategory(category);
            for (String key : keys) {
                assertThat(available).as("plugin %s %s in the jars' caches", category, key).containsKey(key);
                trimmed.getCategory(category).put(key, available.get(key));
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        trimmed.writeCache(out);
        return out.toByteArray();
    }
}
