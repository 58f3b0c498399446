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

/** Code shown in the README and the manual is the compiled, tested code: it cannot rot. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DocumentationSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path BANKING = ROOT.resolve("eventcore-examples/src/main/java/org/eventcore/examples/banking");
    private static final Path CONCEPTS =
            ROOT.resolve("eventcore-examples/src/main/java/org/eventcore/examples/concepts");
    private static final Path CONCEPTS_PAGE = ROOT.resolve("src/site/markdown/concepts.md");

    /** The first line of a top-level type declaration, at column 0; group 2 is the type's name. */
    private static final Pattern TYPE_DECLARATION =
            Pattern.compile("^public (record|sealed interface|final class|interface) (\\w+)", Pattern.MULTILINE);

    /** The declaration of {@code type} in {@code source}, from its first line to the closing brace at column 0. */
    private static String declaration(String source, String firstLine) {
        int start = source.indexOf(firstLine);
        assertThat(start).as("%s is in the source", firstLine).isNotNegative();
        int end = source.indexOf("\n}\n", start);
        return source.substring(start, end + 2);
    }

    @Test
    void the_readme_shows_the_transfer_command_exactly_as_compiled() throws IOException {
        String source = Files.readString(BANKING.resolve("TransferMoney.java"));
        String readme = Files.readString(ROOT.resolve("README.md"));
        assertThat(readme).contains(declaration(source, "public record TransferMoney("));
    }

    @Test
    void every_type_the_concepts_page_declares_is_shown_exactly_as_compiled() throws IOException {
        String page = Files.readString(CONCEPTS_PAGE);
        List<String> checked = new ArrayList<>();
        for (String block : javaBlocks(page)) {
            for (Map.Entry<String, String> shown : declarations(block).entrySet()) {
                String type = shown.getKey();
                Path file = CONCEPTS.resolve(type + ".java");
                assertThat(file)
                        .as("the source of %s, which the Concepts page shows", type)
                        .exists();
                assertThat(declarations(Files.readString(file)).get(type))
                        .as("%s as compiled, from its first line to its closing brace", type)
                        .isEqualTo(shown.getValue());
                checked.add(type);
            }
        }
        int declaredInPage = (int) TYPE_DECLARATION.matcher(page).results().count();
        assertThat(declaredInPage).as("types declared in the Concepts page").isPositive();
        assertThat(checked).doesNotHaveDuplicates().hasSizeGreaterThanOrEqualTo(declaredInPage);
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
