package com.helpdesk.local;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/** The console as the local stack serves it: its paths beside the API's, its files, its content security policy. */
class ConsoleSiteTest {
    private static String file(String name) throws Exception {
        byte[] b = ConsoleSite.read(name);
        assertThat(b).as(name + " in the console's jar").isNotNull();
        return new String(b, StandardCharsets.UTF_8);
    }

    @Test
    void theConsoleTakesNoPathOfAnApiRoute() throws Exception {
        String template = Files.readString(LocalStackHarness.root().resolve("template.yaml"));
        Matcher m = Pattern.compile("(?m)^\\s+Path: (\\S+)").matcher(template);
        List<String> paths = new ArrayList<>();
        while (m.find()) paths.add(m.group(1));
        assertThat(paths).as("the template's routes").hasSizeGreaterThan(30);
        assertThat(paths).noneMatch(ConsoleSite::serves);
        assertThat(ConsoleSite.serves("/")).isTrue();
        assertThat(ConsoleSite.serves("/console/main.js")).isTrue();
        assertThat(ConsoleSite.serves("/tickets")).isFalse();
        assertThat(ConsoleSite.serves("/_local/token")).isFalse();
    }

    @Test
    void nothingOutsideTheSiteIsRead() throws Exception {
        assertThat(ConsoleSite.read("index.html")).isNotNull();
        assertThat(ConsoleSite.read("console/../index.html")).isNull();
        assertThat(ConsoleSite.read("console/.hidden")).isNull();
        assertThat(ConsoleSite.read("console//main.js")).isNull();
        assertThat(ConsoleSite.read("console/no-such-file.js")).isNull();
    }

    /** The one inline script (the import map) runs only because the policy names its hash: a changed map needs a new hash. */
    @Test
    void theImportMapIsAllowedByItsHashAndPointsAtVendoredFiles() throws Exception {
        String index = file("index.html");
        Matcher map = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(index);
        assertThat(map.find()).isTrue();
        String hash = Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(map.group(1).getBytes(StandardCharsets.UTF_8)));
        assertThat(index).contains("'sha256-" + hash + "'");
        Matcher target = Pattern.compile("\"\\./([^\"]+\\.js)\"").matcher(map.group(1));
        int targets = 0;
        while (target.find()) {
            file(target.group(1));
            targets++;
        }
        assertThat(targets).isEqualTo(3);
        file("console/vendor/chart.js/dist/chart.umd.js");
    }

    @Test
    void everyModuleTheConsoleImportsIsThere() throws Exception {
        List<String> pending = new ArrayList<>(List.of("console/main.js"));
        List<String> seen = new ArrayList<>();
        Pattern relative = Pattern.compile("from '\\./([a-z-]+\\.js)'|import '\\./([a-z-]+\\.js)'");
        while (!pending.isEmpty()) {
            String next = pending.remove(0);
            if (seen.contains(next)) continue;
            seen.add(next);
            Matcher m = relative.matcher(file(next));
            while (m.find()) pending.add("console/" + (m.group(1) != null ? m.group(1) : m.group(2)));
        }
        assertThat(seen).contains("console/queues.js", "console/ticket.js", "console/ticket-panels.js", "console/customer.js",
                "console/reports.js", "console/admin.js", "console/api.js", "console/auth.js");
        file("console/console.css");
    }

    /** Customer HTML is shown only inside a sandboxed frame, never inserted into the console's own document. */
    @Test
    void customerHtmlGoesIntoASandboxedFrameOnly() throws Exception {
        String panels = file("console/ticket-panels.js");
        assertThat(panels).contains("<iframe class=\"html-body\" sandbox=\"\"").contains(".srcdoc=${m.html}");
        for (String module : List.of("main", "queues", "ticket", "ticket-panels", "customer", "reports", "admin", "api", "auth", "format")) {
            String js = file("console/" + module + ".js");
            assertThat(js).as(module).doesNotContain("innerHTML").doesNotContain("unsafeHTML").doesNotContain("eval(");
        }
    }
}
