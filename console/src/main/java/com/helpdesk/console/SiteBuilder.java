package com.helpdesk.console;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Turns the console's source page into the one the build ships, without a bundler or Node.js (the build needs
 * nothing but a JDK). From the entry modules (each {@code <script type="module" src>} of the page) it walks every
 * import (ours and the WebJars'), then writes:
 * <ul>
 *   <li>a copy of each module and of the stylesheet named by its content ({@code lit-html.1a2b3c4d5e.js}), which
 *       the site serves with a year-long immutable cache lifetime;</li>
 *   <li>index.html with an import map that points every specifier and every module URL at those copies (so no
 *       module's text is rewritten: the browser remaps its imports), a {@code <link rel=modulepreload>} per
 *       module the first screen needs (the browser fetches the whole graph at once instead of one import level
 *       after the other), and the content security policy naming the new import map's hash.</li>
 * </ul>
 * Modules loaded later ({@code import('x')}, {@code import.meta.resolve('x')}) are mapped and hashed, not preloaded.
 */
public final class SiteBuilder {
    static final String ENTRY_ATTRIBUTE = "<script type=\"module\" src=\"";
    /** A content-named copy: name.0123456789.js (ConsoleSite and console/deploy.sh cache these for a year). */
    public static final Pattern HASHED = Pattern.compile(".*\\.[0-9a-f]{10}\\.(js|css)$");

    private static final Pattern IMPORT_MAP = Pattern.compile("(<script type=\"importmap\">)(.*?)(</script>)", Pattern.DOTALL);
    private static final Pattern MAP_ENTRY = Pattern.compile("\"([^\"]+)\"\\s*:\\s*\"([^\"]+)\"");
    private static final Pattern SAFE_PATH = Pattern.compile("[A-Za-z0-9@._/-]+");
    /** Static imports and re-exports, written by hand or minified: import x from "y", import "y", export * from "y". */
    private static final Pattern STATIC_IMPORT = Pattern.compile(
            "(?<![\\w$.])(?:import|export)\\s*(?:[\\w$*{}\\s,]+?\\s*from\\s*)?[\"']([^\"'\\s]+\\.js|[@a-z][\\w./@-]*)[\"']");
    private static final Pattern LAZY_IMPORT = Pattern.compile("(?<![\\w$.])(?:import|import\\.meta\\.resolve)\\(\\s*[\"']([^\"'\\s]+)[\"']\\s*\\)");
    private static final Pattern STYLESHEET = Pattern.compile("(<link rel=\"stylesheet\" href=\")([^\"]+\\.css)(\">)");
    private static final Pattern POLICY_HASH = Pattern.compile("'sha256-[A-Za-z0-9+/=]+'");

    private final Path site;
    private final Map<String, String> sourceMap;
    /** Module path (relative to the site) to its content-named copy, in the order found. */
    private final Map<String, String> hashed = new LinkedHashMap<>();
    /** Bare specifiers as written in the modules, to the module they name. */
    private final Map<String, String> bare = new TreeMap<>();
    private final List<String> eager = new ArrayList<>();

    private SiteBuilder(Path site, Map<String, String> sourceMap) {
        this.site = site;
        this.sourceMap = sourceMap;
    }

    /** args: the source index.html, the built site's folder (index.html is written there). */
    public static void main(String[] args) throws IOException {
        if (args.length != 2) throw new IllegalArgumentException("usage: SiteBuilder <source index.html> <site folder>");
        Path site = Path.of(args[1]);
        String page = build(Files.readString(Path.of(args[0])), site);
        Files.writeString(site.resolve("index.html"), page);
    }

    /** The shipped page for this source page; writes the content-named copies into {@code site}. */
    public static String build(String sourcePage, Path site) throws IOException {
        Matcher map = IMPORT_MAP.matcher(sourcePage);
        if (!map.find()) throw new IllegalStateException("index.html has no <script type=\"importmap\">");
        Map<String, String> sourceMap = new LinkedHashMap<>();
        Matcher entry = MAP_ENTRY.matcher(map.group(2));
        while (entry.find()) if (!entry.group(1).equals("imports")) sourceMap.put(entry.group(1), strip(entry.group(2)));
        List<String> entryModules = entryModulesAsWritten(sourcePage);
        SiteBuilder builder = new SiteBuilder(site, sourceMap);
        builder.walk(entryModules.stream().map(SiteBuilder::strip).toList());
        String page = builder.page(sourcePage, entryModules);
        builder.removeStaleCopies();
        return page;
    }

    /** Every {@code <script type="module" src>} of the page, in order (e.g. a small early module, then the app). */
    private static List<String> entryModulesAsWritten(String page) {
        List<String> entries = new ArrayList<>();
        for (int at = page.indexOf(ENTRY_ATTRIBUTE); at >= 0; at = page.indexOf(ENTRY_ATTRIBUTE, at + 1)) {
            int from = at + ENTRY_ATTRIBUTE.length();
            entries.add(page.substring(from, page.indexOf('"', from)));
        }
        if (entries.isEmpty()) throw new IllegalStateException("index.html has no " + ENTRY_ATTRIBUTE + "...\"> entry module");
        return entries;
    }

    private static String strip(String path) {
        return path.startsWith("./") ? path.substring(2) : path;
    }

    /** Breadth first from the entries: static imports are needed at once (preloaded), lazy ones are only mapped. */
    private void walk(List<String> entryModules) throws IOException {
        List<String> pending = new ArrayList<>(entryModules);
        List<String> lazy = new ArrayList<>();
        while (!pending.isEmpty() || !lazy.isEmpty()) {
            boolean now = !pending.isEmpty();
            String module = now ? pending.remove(0) : lazy.remove(0);
            if (hashed.containsKey(module)) continue;
            String text = read(module);
            hashed.put(module, copy(module, text.getBytes(StandardCharsets.UTF_8)));
            if (now) eager.add(module);
            for (String specifier : specifiers(STATIC_IMPORT, text)) (now ? pending : lazy).add(resolve(module, specifier));
            for (String specifier : specifiers(LAZY_IMPORT, text)) lazy.add(resolve(module, specifier));
        }
    }

    private static List<String> specifiers(Pattern pattern, String text) {
        List<String> found = new ArrayList<>();
        Matcher m = pattern.matcher(text);
        while (m.find()) found.add(m.group(1));
        return found;
    }

    /** A specifier as the browser resolves it: relative to the importing module, or through the source import map. */
    String resolve(String from, String specifier) {
        String target;
        if (specifier.startsWith("./") || specifier.startsWith("../")) {
            target = site.resolve(from).getParent().resolve(specifier).normalize().toString();
            target = site.relativize(Path.of(target)).toString().replace('\\', '/');
        } else if (specifier.startsWith("/")) {
            target = specifier.substring(1);
        } else {
            target = mapped(specifier);
            if (target == null) throw new IllegalStateException(from + " imports \"" + specifier + "\", which the import map does not name");
            bare.put(specifier, target);
        }
        if (!Files.isRegularFile(site.resolve(target))) {
            throw new IllegalStateException(from + " imports \"" + specifier + "\", but the site has no " + target);
        }
        return target;
    }

    /** The import map's rule: an exact key, else the longest key ending in "/" that prefixes the specifier. */
    private String mapped(String specifier) {
        if (sourceMap.containsKey(specifier)) return sourceMap.get(specifier);
        String best = null;
        for (String key : sourceMap.keySet()) {
            if (key.endsWith("/") && specifier.startsWith(key) && (best == null || key.length() > best.length())) best = key;
        }
        return best == null ? null : sourceMap.get(best) + specifier.substring(best.length());
    }

    private String read(String file) throws IOException {
        if (!SAFE_PATH.matcher(file).matches()) throw new IllegalStateException("unexpected characters in the site's path " + file);
        return Files.readString(site.resolve(file));
    }

    /** Writes name.hash.ext beside the file; returns its path. */
    private String copy(String file, byte[] bytes) throws IOException {
        String digest = HexFormat.of().formatHex(sha256(bytes)).substring(0, 10);
        int dot = file.lastIndexOf('.');
        String named = file.substring(0, dot) + "." + digest + file.substring(dot);
        Files.write(site.resolve(named), bytes);
        return named;
    }

    /** Copies of earlier builds in the same folders (target/ is not cleaned between builds): never shipped. */
    private void removeStaleCopies() throws IOException {
        try (Stream<Path> files = Files.walk(site)) {
            for (Path p : files.toList()) {
                String rel = site.relativize(p).toString().replace('\\', '/');
                if (HASHED.matcher(rel).matches() && !hashed.containsValue(rel)) Files.delete(p);
            }
        }
    }

    private String page(String source, List<String> entryModules) throws IOException {
        Matcher sheet = STYLESHEET.matcher(source);
        StringBuilder out = new StringBuilder();
        while (sheet.find()) {
            String css = strip(sheet.group(2));
            String named = copy(css, Files.readAllBytes(site.resolve(css)));
            hashed.put(css, named);
            sheet.appendReplacement(out, Matcher.quoteReplacement(sheet.group(1) + "./" + named + sheet.group(3)));
        }
        sheet.appendTail(out);
        String importMap = importMap();
        String page = IMPORT_MAP.matcher(out).replaceFirst(Matcher.quoteReplacement("<script type=\"importmap\">" + importMap + "</script>"));
        page = POLICY_HASH.matcher(page).replaceFirst(Matcher.quoteReplacement("'sha256-" + base64Sha256(importMap) + "'"));
        for (String written : entryModules) {
            page = page.replace(ENTRY_ATTRIBUTE + written + "\"", ENTRY_ATTRIBUTE + "./" + hashed.get(strip(written)) + "\"");
        }
        StringBuilder preloads = new StringBuilder();
        for (String module : eager) preloads.append("<link rel=\"modulepreload\" href=\"./").append(hashed.get(module)).append("\">\n  ");
        int firstEntry = page.indexOf(ENTRY_ATTRIBUTE);
        return page.substring(0, firstEntry) + preloads + page.substring(firstEntry);
    }

    /** Every bare specifier and every module URL to its content-named copy, one entry a line, sorted. */
    private String importMap() {
        Map<String, String> imports = new TreeMap<>();
        bare.forEach((specifier, module) -> imports.put(specifier, "./" + hashed.get(module)));
        hashed.forEach((module, named) -> { if (module.endsWith(".js")) imports.put("./" + module, "./" + named); });
        StringBuilder json = new StringBuilder("{\"imports\": {");
        String separator = "\n";
        for (Map.Entry<String, String> e : imports.entrySet()) {
            json.append(separator).append("  \"").append(e.getKey()).append("\": \"").append(e.getValue()).append('"');
            separator = ",\n";
        }
        return json.append("\n}}").toString();
    }

    static String base64Sha256(String text) {
        return Base64.getEncoder().encodeToString(sha256(text.getBytes(StandardCharsets.UTF_8)));
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
