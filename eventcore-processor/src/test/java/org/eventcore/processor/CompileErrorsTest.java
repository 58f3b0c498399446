package org.eventcore.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.eventcore.processor.Sources.IMPORTS;
import static org.eventcore.processor.Sources.commandBody;
import static org.eventcore.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Every declaration error, with its exact message, file and line. Sources start with the package
 * line, a blank line, 7 import lines and a blank line, so the first type declaration is on line 11.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CompileErrorsTest {

    private static JavaFileObject command(String name, String header, String extraMembers) {
        return source(
                "com.acme." + name,
                "package com.acme;\n\n" + IMPORTS + "\n" + header + "\n" + extraMembers + commandBody(name, "")
                        + "}\n");
    }

    @Test
    void stream_on_a_member_that_is_not_a_stream_id_is_refused_on_that_member() {
        JavaFileObject file = command(
                "Rename",
                "public record Rename(@Stream String account, String name) implements Command<Rename, Count, Moved> {",
                "");
        Compilation c = Sources.compile(file);
        assertThat(c).hadErrorCount(1);
        assertThat(c)
                .hadErrorContaining(
                        "EC4001 @Stream member 'account' of Rename has type java.lang.String: a stream member"
                                + " must be org.eventcore.StreamId or a collection of StreamId (for example List<StreamId> or"
                                + " Set<StreamId>)")
                .inFile(file)
                .onLine(11);
    }

    @Test
    void a_collection_of_something_else_is_refused() {
        JavaFileObject file = command(
                "Tag",
                "public record Tag(@Stream StreamId account, @Stream List<String> tags) implements Command<Tag, Count, Moved> {",
                "");
        Compilation c = Sources.compile(file);
        assertThat(c)
                .hadErrorContaining("EC4001 @Stream member 'tags' of Tag has type java.util.List<java.lang.String>")
                .inFile(file)
                .onLine(11);
    }

    @Test
    void a_command_without_stream_members_is_refused_on_the_type() {
        JavaFileObject file =
                command("Ping", "public record Ping(StreamId account) implements Command<Ping, Count, Moved> {", "");
        Compilation c = Sources.compile(file);
        assertThat(c)
                .hadErrorContaining("EC4002 Command Ping declares no stream: mark the StreamId member(s) it reads and"
                        + " writes with @Stream, for example record Ping(@Stream StreamId account, ...)")
                .inFile(file)
                .onLine(11);
    }

    @Test
    void stream_members_in_a_type_that_is_not_a_command_are_refused() {
        JavaFileObject file = source("com.acme.Holder", "package com.acme;\n\n" + IMPORTS + """

                public record Holder(@Stream StreamId account) {}
                """);
        Compilation c = Sources.compile(file);
        assertThat(c)
                .hadErrorContaining("EC4003 Holder has @Stream members but is not a command: implement"
                        + " org.eventcore.Command<Holder, State, Event>, or remove @Stream")
                .inFile(file)
                .onLine(11);
    }

    @Test
    void a_private_field_without_accessor_is_refused_with_the_fix() {
        JavaFileObject file = command(
                "Close",
                "public final class Close implements Command<Close, Count, Moved> {",
                "    @Stream\n    private StreamId account;\n\n");
        Compilation c = Sources.compile(file);
        assertThat(c)
                .hadErrorContaining(
                        "EC4004 @Stream field 'account' of Close cannot be read by the generated CloseStreams:"
                                + " it is private and has no non-private accessor account() or getAccount(); make the field"
                                + " package-private or add such an accessor")
                .inFile(file)
                .onLine(13);
    }

    @Test
    void a_private_nested_command_is_refused() {
        JavaFileObject file = source(
                "com.acme.Outer",
                "package com.acme;\n\n" + IMPORTS + """

                public class Outer {
                    private record Hidden(@Stream StreamId account) implements Command<Hidden, Count, Moved> {
                """
                        + commandBody("Hidden", "").indent(4) + "    }\n}\n");
        Compilation c = Sources.compile(file);
        assertThat(c)
                .hadErrorContaining("EC4005 Command Hidden is not visible in its package because it is private; the"
                        + " generated declarations class lives in the same package: make it package-private or public")
                .inFile(file)
                .onLine(12);
    }

    @Test
    void an_inner_class_command_is_refused() {
        JavaFileObject file = source(
                "com.acme.Holder",
                "package com.acme;\n\n" + IMPORTS + """

                public class Holder {
                    public final class Inner implements Command<Inner, Count, Moved> {
                        @Stream StreamId account;
                """
                        + commandBody("Inner", "").indent(4) + "    }\n}\n");
        Compilation c = Sources.compile(file);
        assertThat(c)
                .hadErrorContaining("EC4005 Command Inner is an inner class of Holder: make Inner static")
                .inFile(file)
                .onLine(12);
    }

    @Test
    void a_static_stream_field_is_refused() {
        JavaFileObject file = command(
                "Global",
                "public final class Global implements Command<Global, Count, Moved> {",
                "    @Stream\n    static StreamId ACCOUNT = StreamId.of(\"a\");\n\n");
        Compilation c = Sources.compile(file);
        assertThat(c)
                .hadErrorContaining(
                        "EC4006 @Stream field 'ACCOUNT' of Global is static: a command's streams are instance"
                                + " members; remove static")
                .inFile(file)
                .onLine(13);
    }

    @Test
    void a_wrong_self_type_is_refused() {
        JavaFileObject other = source("com.acme.Other", "package com.acme;\n\npublic record Other() {}\n");
        JavaFileObject file = source("com.acme.Wrong", "package com.acme;\n\n" + IMPORTS + """

                public record Wrong(@Stream StreamId account) implements Command<Other, Count, Moved> {
                    public Count initialState() { return Count.ZERO; }
                    public Count apply(Count state, StoredEvent<Moved> event) { return state; }
                    public void handle(Count state, Decision<Other, Moved> decision) {}
                }
                """);
        Compilation c = Sources.compile(file, other);
        assertThat(c)
                .hadErrorContaining(
                        "EC4008 Wrong implements Command<com.acme.Other, ...>: the first type argument must be"
                                + " the command itself, Command<Wrong, ...>")
                .inFile(file)
                .onLine(11);
    }

    @Test
    void a_member_named_like_a_method_of_the_generated_class_is_refused() {
        JavaFileObject file = command(
                "Clash", "public record Clash(@Stream StreamId streams) implements Command<Clash, Count, Moved> {", "");
        Compilation c = Sources.compile(file);
        assertThat(c)
                .hadErrorContaining(
                        "EC4009 @Stream member 'streams' of Clash would clash with the method streams of the"
                                + " generated declarations class: rename it")
                .inFile(file)
                .onLine(11);
    }

    @Test
    void a_generic_command_is_refused() {
        JavaFileObject file = source(
                "com.acme.Generic", "package com.acme;\n\n" + IMPORTS + """

                public record Generic<T>(@Stream StreamId account, T value) implements Command<Generic<T>, Count, Moved> {
                """ + commandBody("Generic<T>", "") + "}\n");
        Compilation c = Sources.compile(file);
        assertThat(c)
                .hadErrorContaining(
                        "EC4007 Command Generic has type parameters: a command type must be concrete; make a"
                                + " non-generic command per case")
                .inFile(file)
                .onLine(11);
    }
}
