package com.helpdesk.console;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The shipped page: content-named copies, an import map that reaches every module, preloads for the first screen only. */
class SiteBuilderTest {
    private static final String PAGE = """
            <!doctype html><html><head>
            <meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'sha256-AAAA'">
            <link rel="stylesheet" href="app/app.css">
            <script type="importmap">{"imports": {
              "lib": "./app/vendor/lib/index.js",
              "lib/": "./app/vendor/lib/",
              "charts": "./app/vendor/charts/charts.umd.js"
            }}</script>
            <script type="module" src="app/main.js"></script>
            </head><body></body></html>""";

    @TempDir
    Path site;

    private void write(String file, String text) throws Exception {
        Files.createDirectories(site.resolve(file).getParent());
        Files.writeString(site.resolve(file), text);
    }

    private void sampleSite() throws Exception {
        write("app/app.css", "body { margin: 0 }");
        write("app/main.js", "import { html } from 'lib';\nimport './screen.js';\n");
        write("app/screen.js", "import { repeat } from 'lib/directives/repeat.js';\n"
                + "const url = () => import.meta.resolve('charts');\nexport const later = () => import('./reports.js');\n");
        write("app/reports.js", "export const r = 1;\n");
        // minified, as the WebJars ship it
        write("app/vendor/lib/index.js", "import\"./core.js\";export*from\"./core.js\";export{x as y}from\"./more.js\";");
        write("app/vendor/lib/core.js", "export const html=1;const o={import:2};");
        write("app/vendor/lib/more.js", "import{html as t}from\"./core.js\";export const x=t;");
        write("app/vendor/lib/directives/repeat.js", "import{html as e}from\"../core.js\";export const repeat=e;");
        write("app/vendor/charts/charts.umd.js", "!function(t,e){t.Charts=e()}(this,function(){return 1});");
    }

    private static List<String> all(Pattern p, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(text);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    @Test
    void everyModuleGetsAContentNamedCopyThatTheImportMapPointsAt() throws Exception {
        sampleSite();
        String page = SiteBuilder.build(PAGE, site);

        Matcher map = Pattern.compile("<script type=\"importmap\">(.*?)</script>", Pattern.DOTALL).matcher(page);
        assertThat(map.find()).isTrue();
        String imports = map.group(1);
        assertThat(page).contains("'sha256-" + SiteBuilder.base64Sha256(imports) + "'").doesNotContain("sha256-AAAA");
        for (String target : all(Pattern.compile("\": \"\\./([^\"]+)\""), imports)) {
            assertThat(target).matches(SiteBuilder.HASHED);
            assertThat(site.resolve(target)).exists();
        }
        String core = "app/vendor/lib/core.js";
        String coreCopy = all(Pattern.compile("\"\\./app/vendor/lib/core\\.js\": \"\\./([^\"]+)\""), imports).get(0);
        assertThat(Files.readString(site.resolve(coreCopy))).isEqualTo(Files.readString(site.resolve(core)));
        assertThat(imports).contains("\"lib\": \"./app/vendor/lib/index.", "\"lib/directives/repeat.js\": \"./app/vendor/lib/directives/repeat.",
                "\"charts\": \"./app/vendor/charts/charts.umd.", "\"./app/reports.js\": \"./app/reports.", "\"./app/vendor/lib/more.js\"");
        assertThat(imports).doesNotContain("\"lib/\"");
        assertThat(page).containsPattern("<link rel=\"stylesheet\" href=\"\\./app/app\\.[0-9a-f]{10}\\.css\">")
                .containsPattern("<script type=\"module\" src=\"\\./app/main\\.[0-9a-f]{10}\\.js\"></script>");
    }

    @Test
    void onlyWhatTheFirstScreenImportsIsPreloaded() throws Exception {
        sampleSite();
        String page = SiteBuilder.build(PAGE, site);
        List<String> preloaded = all(Pattern.compile("<link rel=\"modulepreload\" href=\"\\./([^\"]+)\\.[0-9a-f]{10}\\.js\">"), page);
        assertThat(preloaded).containsExactlyInAnyOrder("app/main", "app/screen", "app/vendor/lib/index", "app/vendor/lib/core",
                "app/vendor/lib/more", "app/vendor/lib/directives/repeat");
        assertThat(preloaded.get(0)).isEqualTo("app/main");
        assertThat(page.indexOf("modulepreload")).isLessThan(page.indexOf("<script type=\"module\""));
    }

    /** A small early module before the app (it starts the first request while the app's modules load): both are named and preloaded. */
    @Test
    void aSecondEntryModuleIsNamedAndPreloadedWithItsImports() throws Exception {
        sampleSite();
        write("app/early.js", "import { url } from './shared.js';\nfetch(url);\n");
        write("app/shared.js", "export const url = 'x';\n");
        String page = SiteBuilder.build(PAGE.replace("<script type=\"module\" src=\"app/main.js\">",
                "<script type=\"module\" src=\"app/early.js\"></script>\n<script type=\"module\" src=\"app/main.js\">"), site);
        assertThat(page).containsPattern("<script type=\"module\" src=\"\\./app/early\\.[0-9a-f]{10}\\.js\"></script>\n"
                + "<script type=\"module\" src=\"\\./app/main\\.[0-9a-f]{10}\\.js\"></script>");
        List<String> preloaded = all(Pattern.compile("<link rel=\"modulepreload\" href=\"\\./([^\"]+)\\.[0-9a-f]{10}\\.js\">"), page);
        assertThat(preloaded).startsWith("app/early", "app/main").contains("app/shared", "app/screen");
        assertThat(page.lastIndexOf("modulepreload")).isLessThan(page.indexOf("<script type=\"module\""));
        assertThat(page).contains("\"./app/shared.js\": \"./app/shared.");
    }

    @Test
    void aChangedFileGetsANewNameAndTheOldCopyGoes() throws Exception {
        sampleSite();
        String before = SiteBuilder.build(PAGE, site);
        write("app/reports.js", "export const r = 2;\n");
        String after = SiteBuilder.build(PAGE, site);
        String old = all(Pattern.compile("\"\\./app/reports\\.js\": \"\\./([^\"]+)\""), before).get(0);
        String now = all(Pattern.compile("\"\\./app/reports\\.js\": \"\\./([^\"]+)\""), after).get(0);
        assertThat(now).isNotEqualTo(old);
        assertThat(site.resolve(old)).doesNotExist();
        assertThat(site.resolve(now)).exists();
        assertThat(SiteBuilder.build(PAGE, site)).as("the same files give the same page").isEqualTo(after);
    }

    @Test
    void anImportOfAMissingFileOrAnUnmappedNameFailsTheBuild() throws Exception {
        sampleSite();
        write("app/screen.js", "import './nowhere.js';\n");
        assertThatThrownBy(() -> SiteBuilder.build(PAGE, site)).hasMessage("app/screen.js imports \"./nowhere.js\", but the site has no app/nowhere.js");
        write("app/screen.js", "import 'left-pad';\n");
        assertThatThrownBy(() -> SiteBuilder.build(PAGE, site)).hasMessage("app/screen.js imports \"left-pad\", which the import map does not name");
    }
}
