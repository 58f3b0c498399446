package org.eventcore.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Every {@code ```java} block of the README and of the manual's pages about commands is the compiled,
 * tested code, so it cannot rot. A block is one of three things:
 *
 * <ul>
 *   <li>type declarations, each compared with its source file in this repository from its first line
 *       to its closing brace (a block with a {@code package} line with the whole file);
 *   <li>marked {@code <!-- does not compile -->}: put into {@code TransferMoney.handle} and compiled
 *       with the annotation processor, it must fail with the messages the page shows (the
 *       {@code error:} lines of the {@code ```text} block after it, or its own {@code // error:}
 *       comments);
 *   <li>anything else: an excerpt of a source file (compared ignoring indentation), or statements
 *       that compile as the body of a method that sees the banking example, the test kit and the
 *       variables of {@link SnippetContext}.
 * </ul>
 *
 * Paths are relative to this module's directory, the tests' working directory.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DocumentationSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path BANKING = Path.of("src/main/java/org/eventcore/examples/banking");

    /** A top-level type declaration at column 0; group 2 is the type's name. */
    private static final Pattern TYPE_DECLARATION = Pattern.compile(
            "^(?:public |final |abstract |sealed |non-sealed )*(record|class|interface|enum|@interface) (\\w+)",
            Pattern.MULTILINE);

    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    /** An error line of javac's output as the pages show it; group 1 is the message. */
    private static final Pattern ERROR_LINE = Pattern.compile("^(?:\\S+\\.java:\\d+: )?error: (.+)$");

    private static final String DOES_NOT_COMPILE = "<!-- does not compile -->";

    /** A fenced block of a page: its language, text, the line before it and the block after it. */
    private record Block(String page, int line, String language, String text, String marker, String next) {
        @Override
        public String toString() {
            return page + " line " + line;
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "README.md",
                "src/site/markdown/index.md",
                "src/site/markdown/concepts.md",
                "src/site/markdown/commands.md",
                "src/site/markdown/testing.md",
                "src/site/markdown/postgresql-and-jpa.md",
                "src/site/markdown/evolving-events.md",
                "src/site/markdown/consistency-by-tags.md"
            })
    void every_java_block_of_the_page_is_compiled_code(String page) throws IOException {
        List<Block> blocks = javaBlocks(page);
        assertThat(blocks).as("the ```java blocks of %s", page).isNotEmpty();
        for (Block block : blocks) {
            if (block.marker().equals(DOES_NOT_COMPILE)) {
                checkDoesNotCompile(block);
            } else if (TYPE_DECLARATION.matcher(block.text()).find()) {
                checkDeclarations(block);
            } else if (!isExcerpt(block.text())) {
                checkCompiles(block);
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"README.md", "src/site/markdown/commands.md", "src/site/markdown/concepts.md"})
    void the_page_shows_the_transfer_command_of_the_banking_example_exactly(String page) throws IOException {
        String source = Files.readString(BANKING.resolve("TransferMoney.java"));
        String declaration = source.substring(source.indexOf("public record TransferMoney("));
        assertThat(javaBlocks(page)).extracting(Block::text).anyMatch(text -> text.contains(declaration));
    }

    @ParameterizedTest
    @ValueSource(strings = {"TransferMoney", "AccountEvent", "Money", "AccountState", "Balances"})
    void the_commands_page_shows_the_whole_example_file_by_file(String type) throws IOException {
        String file = Files.readString(BANKING.resolve(type + ".java"));
        assertThat(javaBlocks("src/site/markdown/commands.md"))
                .extracting(Block::text)
                .as("the Commands page shows %s.java whole", type)
                .contains(file);
    }

    @org.junit.jupiter.api.Test
    void the_commands_page_states_the_line_count_of_the_transfer_command() throws IOException {
        long lines =
                Files.readString(BANKING.resolve("TransferMoney.java")).lines().count();
        assertThat(lines).as("lines of TransferMoney.java").isLessThan(50);
        assertThat(Files.readString(ROOT.resolve("src/site/markdown/commands.md")))
                .contains(lines + " lines, package and imports included");
    }

    // ---------------------------------------------------------------------------------------------

    /** Compares every type declared in {@code block} with its source in this repository. */
    private static void checkDeclarations(Block block) throws IOException {
        Matcher pkg = PACKAGE.matcher(block.text());
        Matcher declared = TYPE_DECLARATION.matcher(block.text());
        while (declared.find()) {
            String type = declared.group(2);
            Path file = sourceOf(type, pkg.find(0) ? pkg.group(1) : null, block);
            String source = Files.readString(file);
            if (block.text().startsWith("package ")) {
                assertThat(block.text())
                        .as("%s shows the whole file %s", block, ROOT.relativize(file))
                        .isEqualTo(source);
                return;
            }
            assertThat(declaration(block.text(), declared.start()))
                    .as(
                            "%s shows %s as in %s, from its first line to its closing brace",
                            block, type, ROOT.relativize(file))
                    .isEqualTo(declarationOf(source, type, file));
        }
    }

    /**
     * The source file of {@code type} among the sources of every module, generated ones included; where
     * several modules have a type of that name, the one of this module (the examples).
     */
    private static Path sourceOf(String type, String pkg, Block block) throws IOException {
        List<Path> found;
        try (Stream<Path> files = Files.walk(ROOT)) {
            found = files.filter(f -> f.getFileName().toString().equals(type + ".java"))
                    .filter(f -> {
                        String p = f.toString();
                        return (p.contains("/src/main/java/")
                                        || p.contains("/src/test/java/")
                                        || p.contains("/target/generated-sources/annotations/"))
                                && !p.contains("/.git/");
                    })
                    .filter(f -> pkg == null || f.toString().replace('/', '.').contains(pkg + "." + type + ".java"))
                    .toList();
        }
        List<Path> examples = found.stream()
                .filter(f -> f.startsWith(Path.of("").toAbsolutePath()))
                .toList();
        if (examples.size() == 1) {
            return examples.get(0);
        }
        if (found.size() != 1) {
            fail("%s declares %s, which must be one source file of this repository; found %s", block, type, found);
        }
        return found.get(0);
    }

    private static String declarationOf(String source, String type, Path file) {
        Matcher m = TYPE_DECLARATION.matcher(source);
        while (m.find()) {
            if (m.group(2).equals(type)) {
                return declaration(source, m.start());
            }
        }
        return fail("%s declares no top-level %s at column 0", file, type);
    }

    /** From {@code start} to the closing brace at column 0, or the first line if it ends with {@code {}}. */
    private static String declaration(String text, int start) {
        int lineEnd = text.indexOf('\n', start);
        String firstLine = text.substring(start, lineEnd < 0 ? text.length() : lineEnd);
        if (firstLine.endsWith("{}") || firstLine.endsWith(";")) {
            return firstLine;
        }
        int end = text.indexOf("\n}\n", start);
        assertThat(end)
                .as("the closing brace of the declaration at %s", firstLine)
                .isPositive();
        return text.substring(start, end + 2);
    }

    /** Whether {@code text}, ignoring indentation, is part of a source file of this repository. */
    private static boolean isExcerpt(String text) throws IOException {
        String wanted = normalized(text);
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(f -> f.toString().endsWith(".java"))
                    .filter(f -> f.toString().contains("/src/"))
                    .anyMatch(f -> {
                        try {
                            return normalized(Files.readString(f)).contains(wanted);
                        } catch (IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    });
        }
    }

    private static String normalized(String text) {
        return text.lines().map(String::strip).filter(l -> !l.isEmpty()).collect(Collectors.joining("\n"));
    }

    /** Compiles {@code block} as the body of a method that sees the example and {@link SnippetContext}. */
    private static void checkCompiles(Block block) {
        String source = """
                package org.eventcore.examples.docs;

                import java.time.Duration;
                import java.util.*;
                import org.eventcore.*;
                import org.eventcore.examples.banking.*;
                import org.eventcore.examples.banking.AccountEvent.*;
                import org.eventcore.execution.*;
                import org.eventcore.inmemory.*;
                import org.eventcore.spi.*;
                import org.eventcore.testkit.chaos.*;
                import org.eventcore.testkit.scenario.*;
                import static org.eventcore.examples.banking.Money.euros;

                class Snippet extends SnippetContext {
                    void run() throws Exception {
                %s
                    }
                }
                """.formatted(block.text().indent(8));
        List<Diagnostic<? extends JavaFileObject>> errors =
                compile("org/eventcore/examples/docs/Snippet", source, false);
        assertThat(errors)
                .as(
                        "%s is neither a type declared in the sources nor an excerpt of one, so it must compile as"
                                + " statements:%n%s",
                        block, block.text())
                .isEmpty();
    }

    /** Puts {@code block} into {@code TransferMoney.handle} and checks that it fails as the page says. */
    private static void checkDoesNotCompile(Block block) throws IOException {
        String command = Files.readString(BANKING.resolve("TransferMoney.java"));
        int signature = command.indexOf("public void handle(");
        int bodyStart = command.indexOf("{\n", signature) + 2;
        int bodyEnd = command.indexOf("\n    }\n", bodyStart) + 1;
        String code = block.text()
                .lines()
                .filter(l -> !l.strip().startsWith("// error:"))
                .collect(Collectors.joining("\n"));
        // the snippet may name any type of the api and of the example, as if TransferMoney imported it
        String imports = "\nimport org.eventcore.*;\nimport org.eventcore.examples.banking.AccountEvent.*;\n";
        int afterPackage = command.indexOf(";\n") + 2;
        String source = command.substring(0, afterPackage)
                + imports
                + command.substring(afterPackage, bodyStart)
                + code.indent(8)
                + command.substring(bodyEnd);
        List<String> expected = new ArrayList<>();
        block.text()
                .lines()
                .map(String::strip)
                .filter(l -> l.startsWith("// error: "))
                .forEach(l -> expected.add(l.substring("// error: ".length())));
        if (expected.isEmpty() && block.next() != null) {
            block.next()
                    .lines()
                    .map(ERROR_LINE::matcher)
                    .filter(Matcher::matches)
                    .forEach(m -> expected.add(m.group(1)));
        }
        assertThat(expected).as("%s names the errors it causes", block).isNotEmpty();
        List<String> messages = compile("org/eventcore/examples/banking/TransferMoney", source, true).stream()
                .map(d -> simpleNames(d.getMessage(Locale.ROOT)))
                .toList();
        for (String error : expected) {
            assertThat(messages)
                    .as("the errors of %s compiled in TransferMoney.handle", block)
                    .anyMatch(m -> m.startsWith(simpleNames(error)));
        }
    }

    /** javac's API names types with their packages where its command line does not. */
    private static String simpleNames(String message) {
        return message.replaceAll("\\b(?:[a-z][a-z0-9_]*\\.)+(?=[A-Z])", "").strip();
    }

    private static List<Diagnostic<? extends JavaFileObject>> compile(String name, String source, boolean processor) {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        JavaFileObject file =
                new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        Path out;
        try {
            out = Files.createTempDirectory("snippet");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        List<String> options = new ArrayList<>(List.of(
                "--release",
                "17",
                "-classpath",
                System.getProperty("java.class.path"),
                "-d",
                out.toString(),
                "-s",
                out.toString()));
        if (!processor) {
            options.add("-proc:none");
        }
        javac.getTask(new StringWriter(), null, diagnostics, options, null, List.of(file))
                .call();
        return diagnostics.getDiagnostics().stream()
                .filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
                .toList();
    }

    /** The page's {@code ```java} blocks, each with the line before it and the fenced block after it. */
    private static List<Block> javaBlocks(String page) throws IOException {
        List<String> lines = Files.readAllLines(ROOT.resolve(page));
        List<Block> all = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.startsWith("```") && line.length() > 3) {
                int start = i;
                StringBuilder text = new StringBuilder();
                for (i++; i < lines.size() && !lines.get(i).equals("```"); i++) {
                    text.append(lines.get(i)).append('\n');
                }
                assertThat(i)
                        .as("the block at %s line %d is closed", page, start + 1)
                        .isLessThan(lines.size());
                String before = start > 0 ? lines.get(start - 1).strip() : "";
                all.add(new Block(page, start + 1, line.substring(3).strip(), text.toString(), before, null));
            }
        }
        List<Block> java = new ArrayList<>();
        for (int k = 0; k < all.size(); k++) {
            Block b = all.get(k);
            if (b.language().equals("java")) {
                String next = k + 1 < all.size() && all.get(k + 1).language().equals("text")
                        ? all.get(k + 1).text()
                        : null;
                java.add(new Block(b.page(), b.line(), b.language(), b.text(), b.marker(), next));
            }
        }
        return java;
    }
}
