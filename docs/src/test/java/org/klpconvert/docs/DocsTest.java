package org.klpconvert.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps the documentation honest:
 * <ul>
 * <li>every relative link of {@code docs/*.md} and of the root {@code README.md} names a file
 * or directory that exists;</li>
 * <li>every {@code java} code block of {@code docs/api-guide.md} compiles against the project's
 * modules (the test class path). Convention, stated in the guide: a block is a method body;
 * its leading {@code import} lines become the imports of the compilation unit, the rest the
 * body of {@code static void example() throws Exception};</li>
 * <li>{@code docs/differences-from-c.md} covers every departure D1 to D17.</li>
 * </ul>
 */
class DocsTest {

    /** {@code [text](target)} and {@code ![alt](target)}; the target ends at white space or ')'. */
    private static final Pattern LINK = Pattern.compile("\\]\\(([^)\\s]+)(?:\\s+\"[^\"]*\")?\\)");
    private static final Pattern FENCE = Pattern.compile("^```(\\S*)\\s*$");

    private static Path docsDir() {
        Path here = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        if (Files.isRegularFile(here.resolve("docs/README.md"))) {
            return here.resolve("docs");
        }
        return here;
    }

    private static Path repoRoot() {
        return docsDir().getParent();
    }

    private static List<Path> markdownFiles() throws IOException {
        List<Path> files = new ArrayList<>();
        try (Stream<Path> s = Files.list(docsDir())) {
            s.filter(p -> p.getFileName().toString().endsWith(".md")).sorted().forEach(files::add);
        }
        files.add(repoRoot().resolve("README.md"));
        return files;
    }

    /** Lines outside fenced code blocks, so that code showing link syntax is not checked. */
    private static List<String> proseLines(Path file) throws IOException {
        List<String> prose = new ArrayList<>();
        boolean inCode = false;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (line.startsWith("```")) {
                inCode = !inCode;
                continue;
            }
            if (!inCode) {
                prose.add(line);
            }
        }
        return prose;
    }

    @Test
    void theDocumentsExist() throws IOException {
        for (String name : List.of("README.md", "user-guide.md", "api-guide.md", "differences-from-c.md",
                "architectures.md", "testing.md")) {
            Path file = docsDir().resolve(name);
            assertTrue(Files.isRegularFile(file), file + " missing");
            assertFalse(Files.readString(file).isBlank(), file + " is empty");
        }
    }

    @TestFactory
    Stream<DynamicTest> relativeLinksResolve() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Path file : markdownFiles()) {
            tests.add(DynamicTest.dynamicTest(repoRoot().relativize(file).toString(), () -> {
                List<String> broken = new ArrayList<>();
                int checked = 0;
                for (String line : proseLines(file)) {
                    Matcher m = LINK.matcher(line);
                    while (m.find()) {
                        String target = m.group(1);
                        if (isExternal(target)) {
                            continue;
                        }
                        int hash = target.indexOf('#');
                        String path = hash >= 0 ? target.substring(0, hash) : target;
                        if (path.isEmpty()) {
                            continue; // an anchor in the same file
                        }
                        checked++;
                        Path resolved = file.getParent().resolve(path.replace("%20", " ")).normalize();
                        if (!Files.exists(resolved)) {
                            broken.add(target + " -> " + resolved);
                        }
                    }
                }
                assertTrue(broken.isEmpty(), file + " has broken links: " + broken);
                assertTrue(checked > 0, "no relative link found in " + file + "; is the pattern right?");
            }));
        }
        return tests.stream();
    }

    private static boolean isExternal(String target) {
        String t = target.toLowerCase(Locale.ROOT);
        return t.startsWith("http:") || t.startsWith("https:") || t.startsWith("mailto:") || t.startsWith("ftp:");
    }

    /** One fenced java block: where it starts and its lines. */
    record Snippet(int line, List<String> lines) {
    }

    static List<Snippet> javaSnippets(Path file) throws IOException {
        List<Snippet> snippets = new ArrayList<>();
        List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> current = null;
        int start = 0;
        for (int i = 0; i < all.size(); i++) {
            String line = all.get(i);
            Matcher fence = FENCE.matcher(line);
            if (current == null && fence.matches() && fence.group(1).equals("java")) {
                current = new ArrayList<>();
                start = i + 1;
            } else if (current != null && line.startsWith("```")) {
                snippets.add(new Snippet(start, current));
                current = null;
            } else if (current != null) {
                current.add(line);
            }
        }
        assertEquals(null, current, file + ": unterminated java block starting at line " + start);
        return snippets;
    }

    /** The compilation unit for a snippet: its imports on top, the rest as a method body. */
    static String compilationUnit(String className, Snippet snippet) {
        StringBuilder imports = new StringBuilder();
        StringBuilder body = new StringBuilder();
        boolean header = true;
        for (String line : snippet.lines()) {
            String t = line.strip();
            if (header && (t.startsWith("import ") || t.isEmpty())) {
                imports.append(line).append('\n');
                continue;
            }
            header = false;
            body.append("        ").append(line).append('\n');
        }
        return "package org.klpconvert.docs.snippets;\n" + imports
                + "@SuppressWarnings(\"unused\")\n"
                + "final class " + className + " {\n"
                + "    static void example() throws Exception {\n"
                + body
                + "    }\n"
                + "}\n";
    }

    @TestFactory
    Stream<DynamicTest> apiGuideSnippetsCompile(@TempDir Path out) throws IOException {
        Path guide = docsDir().resolve("api-guide.md");
        List<Snippet> snippets = javaSnippets(guide);
        assertTrue(snippets.size() >= 5, "expected the API guide's examples, found " + snippets.size());
        return snippets.stream().map(s -> DynamicTest.dynamicTest("api-guide.md line " + s.line(), () -> {
            String name = "Snippet" + s.line();
            String source = compilationUnit(name, s);
            compile(name, source, out);
        }));
    }

    private static void compile(String className, String source, Path out) throws IOException {
        JavaCompiler compiler = ToolProvider.getSystemJavaCompiler();
        assertTrue(compiler != null, "no system Java compiler: run the tests on a JDK");
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        try (StandardJavaFileManager files = compiler.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavaFileObject unit = new SimpleJavaFileObject(URI.create("string:///" + className + ".java"),
                    JavaFileObject.Kind.SOURCE) {
                @Override
                public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                    return source;
                }
            };
            StringWriter log = new StringWriter();
            List<String> options = List.of("-classpath", classPath, "-d", out.toString(), "--release", "17",
                    "-Xlint:all", "-Xlint:-processing", "-Werror", "-proc:none");
            boolean ok = compiler.getTask(log, files, diagnostics, options, null, List.of(unit)).call();
            if (!ok) {
                StringBuilder why = new StringBuilder();
                diagnostics.getDiagnostics().forEach(d -> why.append("\n  line ").append(d.getLineNumber())
                        .append(": ").append(d.getMessage(Locale.ROOT)));
                fail("snippet does not compile:" + why + "\n" + log + "\n--- generated source ---\n"
                        + numbered(source));
            }
        }
    }

    private static String numbered(String source) {
        StringBuilder sb = new StringBuilder();
        String[] lines = source.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            sb.append(String.format(Locale.ROOT, "%3d  %s%n", i + 1, lines[i]));
        }
        return sb.toString();
    }

    @Test
    void differencesCoverEveryDeparture() throws IOException {
        String text = Files.readString(docsDir().resolve("differences-from-c.md"));
        List<String> missing = new ArrayList<>();
        for (int i = 1; i <= 17; i++) {
            // a heading or table cell naming the ID, not a prefix of another one (D1 vs D10)
            if (!Pattern.compile("\\bD" + i + "\\b").matcher(text).find()) {
                missing.add("D" + i);
            }
        }
        assertTrue(missing.isEmpty(), "differences-from-c.md does not mention " + missing);
    }

    @Test
    void theConventionItselfWorks(@TempDir Path out) throws IOException {
        Snippet s = new Snippet(1, List.of("import java.util.List;", "", "List<String> names = List.of(\"a\");",
                "System.out.println(names);"));
        String source = compilationUnit("ConventionCheck", s);
        assertTrue(source.indexOf("import java.util.List;") < source.indexOf("final class"), source);
        compile("ConventionCheck", source, out);
    }
}
