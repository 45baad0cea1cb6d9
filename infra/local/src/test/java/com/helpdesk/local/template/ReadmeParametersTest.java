package com.helpdesk.local.template;

import com.helpdesk.local.LocalStackHarness;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The README's parameter table and samconfig.toml.example describe exactly the template's parameters. */
class ReadmeParametersTest {
    private static final Pattern ROW = Pattern.compile("^\\| `(\\w+)` \\| ([^|]*) \\| ([^|]*) \\|$", Pattern.MULTILINE);
    private static final String EMPTY = "(empty)";

    private static final Path ROOT = LocalStackHarness.root();
    private static final Template TEMPLATE = Template.read(ROOT.resolve("template.yaml"));

    /** Name to the default column of the table under "### Parameters" (up to the next heading). */
    static Map<String, String> readmeTable(String readme) {
        int start = readme.indexOf("\n### Parameters\n");
        assertThat(start).as("README has a ### Parameters section").isPositive();
        int end = readme.indexOf("\n#", start + 1);
        String section = readme.substring(start, end < 0 ? readme.length() : end);
        Map<String, String> rows = new LinkedHashMap<>();
        Matcher m = ROW.matcher(section);
        while (m.find()) {
            assertThat(m.group(3).trim()).as("meaning of " + m.group(1)).isNotEmpty();
            rows.put(m.group(1), m.group(2).trim());
        }
        return rows;
    }

    static String documentedDefault(Object parameter) {
        Object def = parameter instanceof Map<?, ?> p ? p.get("Default") : null;
        if (def == null) return "(none)";
        String text = String.valueOf(def);
        return text.isEmpty() ? EMPTY : "`" + text + "`";
    }

    @Test
    void everyTemplateParameterIsInTheReadmeTableWithItsDefault() throws Exception {
        Map<String, String> table = readmeTable(Files.readString(ROOT.resolve("README.md")));
        assertThat(table.keySet()).as("README parameter table").containsExactlyInAnyOrderElementsOf(TEMPLATE.parameters().keySet());
        TEMPLATE.parameters().forEach((name, p) ->
                assertThat(table.get(name)).as("README default of " + name).isEqualTo(documentedDefault(p)));
    }

    @Test
    void samconfigExampleExplainsEveryParameter() throws Exception {
        String samconfig = Files.readString(ROOT.resolve("samconfig.toml.example"));
        for (String name : TEMPLATE.parameters().keySet()) {
            assertThat(samconfig).as("samconfig.toml.example sets or shows " + name).contains("\"" + name + "=");
        }
    }

    @Test
    void theTableReaderSeesMissingAndWrongRows() {
        String readme = """
                # X
                ### Parameters

                | Parameter | Default | Meaning |
                | --- | --- | --- |
                | `Stage` | `dev` | Stage name. |
                | `AlarmEmail` | (empty) | Where alarms go. |

                ## Next
                | `NotInTheTable` | `x` | after the section |
                """;
        assertThat(readmeTable(readme)).containsExactly(Map.entry("Stage", "`dev`"), Map.entry("AlarmEmail", EMPTY));
        assertThat(documentedDefault(Map.of("Default", ""))).isEqualTo(EMPTY);
        assertThat(documentedDefault(Map.of("Default", 30))).isEqualTo("`30`");
        assertThat(documentedDefault(Map.of("Type", "String"))).isEqualTo("(none)");
    }
}
