package org.eventcore.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Code shown in the README and the manual is the compiled, tested code: it cannot rot. Hand-written
 * types are compared with {@code src/main/java}; the {@code *Streams} declarations classes, which the
 * annotation processor generates, with the generated sources. Both paths are relative to this
 * module's directory, the tests' working directory.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DocumentationSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path SOURCES = Path.of("src/main/java");
    private static final Path GENERATED = Path.of("target/generated-sources/annotations");
    private static final String BANKING = "org.eventcore.examples.banking";
    private static final String CONCEPTS = "org.eventcore.examples.concepts";
    private static final Path CONCEPTS_PAGE = ROOT.resolve("src/site/markdown/concepts.md");
    private static final Path COMMANDS_PAGE = ROOT.resolve("src/site/markdown/commands.md");

    /** The first line of a top-level type declaration, at column 0; group 2 is the type's name. */
    private static final Pattern TYPE_DECLARATION =
            Pattern.compile("^public (record|sealed interface|final class|interface) (\\w+)", Pattern.MULTILINE);

    /** The package line of a code block that shows a whole file; group 1 is the package. */
    private static final Pattern PACKAGE = Pattern.compile("^package ([\\w.]+);", Pattern.MULTILINE);

    /** The declaration of {@code type} in {@code source}, from its first line to the closing brace at column 0. */
    private static String declaration(String source, String firstLine) {
        int start = source.indexOf(firstLine);
        assertThat(start).as("%s is in the source", firstLine).isNotNegative();
        int end = source.indexOf("\n}\n", start);
        return source.substring(start, end + 2);
    }

    /**
     * The file that holds {@code type} of package {@code pkg}: the generated sources for a
     * {@code *Streams} declarations class, {@code src/main/java} for everything else.
     */
    private static Path sourceOf(String pkg, String type) {
        Path root = type.endsWith("Streams") ? GENERATED : SOURCES;
        return root.resolve(pkg.replace('.', '/')).resolve(type + ".java");
    }

    @Test
    void the_readme_shows_the_transfer_command_exactly_as_compiled() throws IOException {
        String source = Files.readString(sourceOf(BANKING, "TransferMoney"));
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains(declaration(source, "public record TransferMoney("));
    }

    @Test
    void every_type_the_concepts_page_declares_is_shown_exactly_as_compiled() throws IOException {
        List<Path> checked = checkDeclarations(CONCEPTS_PAGE, CONCEPTS);
        assertThat(checked)
                .as("the page shows the generated declarations of TransferMoney")
                .contains(sourceOf(CONCEPTS, "TransferMoneyStreams"));
    }

    @Test
    void every_type_the_commands_page_declares_is_shown_exactly_as_compiled() throws IOException {
        List<Path> checked = checkDeclarations(COMMANDS_PAGE, BANKING);
        assertThat(checked).contains(sourceOf(BANKING, "TransferMoney"), sourceOf(BANKING, "TransferMoneyStreams"));
    }

    @Test
    void the_commands_page_shows_the_whole_transfer_command_and_the_whole_generated_class() throws IOException {
        String page = Files.readString(COMMANDS_PAGE);
        String command = Files.readString(sourceOf(BANKING, "TransferMoney"));
        String generated = Files.readString(sourceOf(BANKING, "TransferMoneyStreams"));
        assertThat(generated)
                .as("the generated file")
                .contains("@Generated(\"org.eventcore.processor.StreamDeclarationsProcessor\")");
        assertThat(javaBlocks(page))
                .as("the ```java blocks of the Commands page")
                .contains(command, generated);

        long lines = command.lines().count();
        assertThat(lines).as("lines of TransferMoney.java").isLessThan(50);
        assertThat(page)
                .as("the page states the line count of TransferMoney.java")
                .contains(lines + " lines, package and imports included");
    }

    /**
     * Compares every top-level type declared in a {@code ```java} block of {@code page} with its
     * compiled source, and returns the files compared. A block that starts a file (with a package
     * line) names its package; other blocks are in {@code defaultPackage}.
     */
    private static List<Path> checkDeclarations(Path page, String defaultPackage) throws IOException {
        String text = Files.readString(page);
        List<Path> checked = new ArrayList<>();
        for (String block : javaBlocks(text)) {
            Matcher packageLine = PACKAGE.matcher(block);
            String pkg = packageLine.find() ? packageLine.group(1) : defaultPackage;
            for (Map.Entry<String, String> shown : declarations(block).entrySet()) {
                String type = shown.getKey();
                Path file = sourceOf(pkg, type);
                assertThat(file)
                        .as("the source of %s, which %s shows", type, page.getFileName())
                        .exists();
                assertThat(declarations(Files.readString(file)).get(type))
                        .as("%s as compiled, from its first line to its closing brace", type)
                        .isEqualTo(shown.getValue());
                checked.add(file);
            }
        }
        int declaredInPage = (int) TYPE_DECLARATION.matcher(text).results().count();
        assertThat(declaredInPage)
                .as("types declared in %s", page.getFileName())
                .isPositive();
        assertThat(checked).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(declaredInPage);
        return checked;
    }

    /** The contents of the page's {@code ```java} fenced blocks, in page order. */
    private static List<String> javaBlocks(String page) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : page.split("\n", -1)) {
            if (block == null) {
                if (line.strip().equals("```java")) {
                    block = new StringBuilder();
                }
            } else if (line.strip().equals("```")) {
                blocks.add(block.toString());
                block = null;
            } else {
                block.append(line).append('\n');
            }
        }
        assertThat(block).as("every ```java block of the page is closed").isNull();
        return blocks;
    }

    /**
     * The top-level type declarations in {@code text} by type name, each from its first line to its
     * closing brace at column 0 (or the first line alone when it ends with {@code {}}).
     */
    private static Map<String, String> declarations(String text) {
        Map<String, String> declarations = new LinkedHashMap<>();
        Matcher first = TYPE_DECLARATION.matcher(text);
        while (first.find()) {
            int lineEnd = text.indexOf('\n', first.start());
            String firstLine = text.substring(first.start(), lineEnd);
            int end = firstLine.endsWith("{}") ? lineEnd : text.indexOf("\n}\n", first.start()) + 2;
            assertThat(end).as("the closing brace of %s", first.group(2)).isGreaterThan(first.start());
            declarations.put(first.group(2), text.substring(first.start(), end));
        }
        return declarations;
    }
}
