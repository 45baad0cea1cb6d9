package com.helpdesk.triage;

import com.helpdesk.intentmodel.MaxentIntentClassifier;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The function's shaded jar alone (its own class loader, nothing of the test class path) classifies as the full
 * libraries do: the jar keeps only the parts of Lucene and OpenNLP the model uses (the shade filters in this module's
 * pom), so a class they still need would be missing here, not in AWS. Each of the model's languages, and the token
 * types of Lucene's tokenizer other than words (numbers, emoji, ideographs, Thai), go through it.
 */
class TriageJarIT {
    private static final Path JAR = Path.of("target/function.jar");
    private static final List<List<String>> TEXTS = List.of(
            List.of("Where is my order?", "Hello, my order #4001 hasn't arrived yet (3.5 weeks!). Where is it? e.g. tracking_id AB-12"),
            List.of("Wo bleibt meine Bestellung?", "Hallo, meine Bestellung 4001 ist noch nicht angekommen. Sendungsverfolgung?"),
            List.of("Où est ma commande ?", "Bonjour, ma commande n'est toujours pas arrivée. Où est-elle ? L'été dernier..."),
            List.of("¿Dónde está mi pedido?", "Hola, mi pedido todavía no ha llegado. ¿Dónde está? Gracias 😀"),
            List.of("注文", "日本語のテキスト ภาษาไทย 한국어 emoji 👍🏽 and numbers 1,000.50"));

    @Test
    void theShadedJarClassifiesAsTheFullLibraries() throws Exception {
        assertThat(JAR).as("package the module first").isRegularFile();
        MaxentIntentClassifier full = MaxentIntentClassifier.load();
        try (URLClassLoader jar = new URLClassLoader("triage-jar", new URL[]{JAR.toUri().toURL()}, ClassLoader.getPlatformClassLoader())) {
            Class<?> type = jar.loadClass(MaxentIntentClassifier.class.getName());
            assertThat(type.getClassLoader()).isSameAs(jar);
            Object shaded = type.getMethod("load").invoke(null);
            for (List<String> text : TEXTS) {
                Object prediction = type.getMethod("classify", String.class, String.class).invoke(shaded, text.get(0), text.get(1));
                assertThat(prediction.toString()).as(text.get(1)).isEqualTo(full.classify(text.get(0), text.get(1)).toString());
            }
        }
    }
}
