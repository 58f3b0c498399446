package org.eventcore.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import javax.tools.JavaFileObject;
import javax.tools.StandardLocation;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class GeneratedSourcesTest {

    private static String expected(String name) throws IOException {
        try (InputStream in = GeneratedSourcesTest.class.getResourceAsStream("/expected/" + name + ".java.txt")) {
            assertThat(in).as("expected file %s", name).isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String generated(Compilation compilation, String qualifiedName) throws IOException {
        JavaFileObject file = compilation
                .generatedFile(StandardLocation.SOURCE_OUTPUT, qualifiedName.replace('.', '/') + ".java")
                .orElseThrow(() -> new AssertionError(qualifiedName + " was not generated"));
        return file.getCharContent(false).toString();
    }

    @Test
    void a_record_with_two_stream_members_gets_its_declarations_and_handles() throws IOException {
        Compilation compilation = Sources.compile(Sources.TRANSFER);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "com.acme.TransferStreams")).isEqualTo(expected("TransferStreams"));
    }

    @Test
    void a_collection_member_gets_a_list_of_handles() throws IOException {
        Compilation compilation = Sources.compile(Sources.PLACE_ORDER);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "com.acme.PlaceOrderStreams")).isEqualTo(expected("PlaceOrderStreams"));
    }

    @Test
    void a_class_command_is_read_through_its_getter_or_its_package_private_field() throws IOException {
        Compilation compilation = Sources.compile(Sources.ADJUST);
        assertThat(compilation).succeededWithoutWarnings();
        String source = generated(compilation, "com.acme.AdjustStreams");
        assertThat(source)
                .contains("streams.add(requireMember(Adjust.class, \"account\", command.getAccount()));")
                .contains("streams.addAll(requireMembers(Adjust.class, \"audits\", command.audits));");
    }

    @Test
    void a_nested_command_gets_a_declarations_class_named_after_its_enclosing_types() throws IOException {
        Compilation compilation = Sources.compile(Sources.BANK);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "com.acme.Bank_OpenStreams"))
                .contains("public final class Bank_OpenStreams extends StreamDeclarations<Bank.Open> {")
                .contains("return Bank.Open.class;");
    }

    @Test
    void generated_code_says_what_it_is_and_which_command_it_serves() throws IOException {
        String source = generated(Sources.compile(Sources.TRANSFER), "com.acme.TransferStreams");
        assertThat(source)
                .contains("@Generated(\"org.eventcore.processor.StreamDeclarationsProcessor\")")
                .contains("Stream declarations of the command {@link Transfer}")
                .contains("Do not edit");
    }

    @Test
    void the_same_input_gives_the_same_output() throws IOException {
        String first = generated(Sources.compile(Sources.PLACE_ORDER, Sources.TRANSFER), "com.acme.PlaceOrderStreams");
        String second = generated(Sources.compile(Sources.TRANSFER, Sources.PLACE_ORDER), "com.acme.PlaceOrderStreams");
        assertThat(second).isEqualTo(first);
    }

    @Test
    void with_the_cdi_api_on_the_compile_path_the_declarations_are_a_dependent_bean_for_the_extension()
            throws IOException {
        javax.tools.JavaFileObject dependent = Sources.source("jakarta.enterprise.context.Dependent", """
                package jakarta.enterprise.context;

                public @interface Dependent {}
                """);
        Compilation compilation = Sources.compile(Sources.TRANSFER, dependent);
        assertThat(compilation).succeededWithoutWarnings();
        assertThat(generated(compilation, "com.acme.TransferStreams"))
                .contains("@Generated(\"org.eventcore.processor.StreamDeclarationsProcessor\")\n"
                        + "@jakarta.enterprise.context.Dependent\n"
                        + "public final class TransferStreams");
        assertThat(generated(Sources.compile(Sources.TRANSFER), "com.acme.TransferStreams"))
                .doesNotContain("Dependent");
    }
}
