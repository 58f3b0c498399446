package org.eventcore.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.eventcore.processor.Sources.commandBody;
import static org.eventcore.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * {@code @Consistency} members: checked where they are declared, and put into the generated declarations.
 * Sources start with the package line, a blank line and 9 import lines, then a blank line: the type's first
 * line is line 13.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConsistencyMembersTest {

    private static final String IMPORTS = """
            import java.util.Set;
            import org.eventcore.Command;
            import org.eventcore.Consistency;
            import org.eventcore.Decision;
            import org.eventcore.StoredEvent;
            import org.eventcore.Stream;
            import org.eventcore.StreamId;
            import org.eventcore.Tag;
            import org.eventcore.TagQuery;
            """;

    private static JavaFileObject command(String name, String header, String members) {
        return source(
                "com.acme." + name,
                "package com.acme;\n\n" + IMPORTS + "\n" + header + "\n" + members + commandBody(name, "") + "}\n");
    }

    @Test
    void a_consistency_method_goes_into_the_generated_declarations() throws Exception {
        JavaFileObject file = command(
                "Claim",
                "public record Claim(@Stream StreamId owner, String name) implements Command<Claim, Count, Moved> {",
                "    @Consistency\n    TagQuery names() {\n        return TagQuery.tagged(Tag.of(\"name\", name));\n    }\n\n");
        Compilation c = Sources.compile(file);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c)
                .generatedSourceFile("com.acme.ClaimStreams")
                .contentsAsUtf8String()
                .contains("public List<org.eventcore.TagQuery> queries(Claim command) {\n"
                        + "        return List.of(requireQuery(Claim.class, \"names()\", command.names()));");
    }

    @Test
    void a_command_with_queries_and_no_stream_compiles() {
        JavaFileObject file = command(
                "Check",
                "public record Check(String name) implements Command<Check, Count, Moved> {",
                "    @Consistency\n    TagQuery names() {\n        return TagQuery.tagged(Tag.of(\"name\", name));\n    }\n\n");
        assertThat(Sources.compile(file)).succeededWithoutWarnings();
    }

    @Test
    void a_record_component_of_type_tag_query_is_read_through_its_accessor() {
        JavaFileObject file = command(
                "Given",
                "public record Given(@Stream StreamId owner, @Consistency TagQuery query)"
                        + " implements Command<Given, Count, Moved> {",
                "");
        Compilation c = Sources.compile(file);
        assertThat(c).succeededWithoutWarnings();
        assertThat(c)
                .generatedSourceFile("com.acme.GivenStreams")
                .contentsAsUtf8String()
                .contains("requireQuery(Given.class, \"query\", command.query())");
    }

    @Test
    void a_consistency_method_that_does_not_return_a_tag_query_is_refused_on_the_method() {
        JavaFileObject file = command(
                "Wrong",
                "public record Wrong(@Stream StreamId owner) implements Command<Wrong, Count, Moved> {",
                "    @Consistency\n    String names() {\n        return \"x\";\n    }\n\n");
        Compilation c = Sources.compile(file);
        assertThat(c).hadErrorCount(1);
        assertThat(c)
                .hadErrorContaining("EC4014 @Consistency member names of command Wrong returns java.lang.String:"
                        + " a @Consistency member is a method without parameters that returns TagQuery")
                .inFile(file)
                .onLine(15);
    }

    @Test
    void a_consistency_method_with_parameters_or_private_is_refused() {
        JavaFileObject withParameter = command(
                "Param",
                "public record Param(@Stream StreamId owner) implements Command<Param, Count, Moved> {",
                "    @Consistency\n    TagQuery names(String n) {\n        return TagQuery.tagged(Tag.of(\"n\", n));\n    }\n\n");
        assertThat(Sources.compile(withParameter))
                .hadErrorContaining("EC4014 @Consistency member names of command Param takes parameters");
        JavaFileObject hidden = command(
                "Hidden",
                "public record Hidden(@Stream StreamId owner) implements Command<Hidden, Count, Moved> {",
                "    @Consistency\n    private TagQuery names() {\n        return TagQuery.tagged(Tag.of(\"n\", \"x\"));\n    }\n\n");
        assertThat(Sources.compile(hidden))
                .hadErrorContaining("EC4014 @Consistency member names of command Hidden is private");
    }

    @Test
    void consistency_members_outside_a_command_are_refused() {
        JavaFileObject file = source("com.acme.Holder", "package com.acme;\n\n" + IMPORTS + """

                public record Holder(@Consistency TagQuery query) {}
                """);
        assertThat(Sources.compile(file))
                .hadErrorContaining("EC4015 Holder has @Consistency members but is not a concrete command");
    }
}
