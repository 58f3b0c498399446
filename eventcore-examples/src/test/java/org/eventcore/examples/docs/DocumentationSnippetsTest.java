package org.eventcore.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Code shown in the README and the manual is the compiled, tested code: it cannot rot. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DocumentationSnippetsTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Path BANKING = ROOT.resolve("eventcore-examples/src/main/java/org/eventcore/examples/banking");

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
}
