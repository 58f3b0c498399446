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

/** The phantom-type guarantee: a command can only emit through handles of its own declared streams. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TypeSafetyTest {

    private static JavaFileObject withdraw(String handleBody) {
        return source(
                "com.acme.Withdraw",
                "package com.acme;\n\n" + IMPORTS + """

                public record Withdraw(@Stream StreamId account, long amount) implements Command<Withdraw, Count, Moved> {
                """ + commandBody("Withdraw", handleBody) + "}\n");
    }

    @Test
    void emitting_through_its_own_handle_compiles() {
        assertThat(Sources.compile(withdraw("decision.emit(WithdrawStreams.account(this), new Moved(amount));")))
                .succeededWithoutWarnings();
    }

    @Test
    void emitting_to_a_stream_id_member_does_not_compile_and_the_processor_names_the_handle_to_use() {
        JavaFileObject file = withdraw("decision.emit(account, new Moved(amount));");
        Compilation c = Sources.compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorCount(1);
        assertThat(c)
                .hadErrorContaining("EC4012 decision.emit takes the stream's handle, not its StreamId: write"
                        + " WithdrawStreams.account(this) instead of account (the handle the annotation processor"
                        + " generates for the @Stream member 'account' of Withdraw)")
                .inFile(file)
                .onLine(24)
                .atColumn(23);
    }

    @Test
    void the_processor_also_reads_this_dot_member_and_emit_all() {
        JavaFileObject file = withdraw("decision.emitAll(this.account, java.util.List.of(new Moved(amount)));");
        Compilation c = Sources.compile(file);
        assertThat(c).hadErrorCount(1);
        assertThat(c)
                .hadErrorContaining("EC4012 decision.emitAll takes the stream's handle, not its StreamId: write"
                        + " WithdrawStreams.account(this) instead of account")
                .inFile(file)
                .onLine(24);
    }

    @Test
    void emitting_to_a_stream_id_member_that_is_not_declared_names_both_ways_to_declare_it() {
        JavaFileObject file = source(
                "com.acme.Lend",
                "package com.acme;\n\n" + IMPORTS + """

                public record Lend(@Stream StreamId book, StreamId catalog) implements Command<Lend, Count, Moved> {
                """ + commandBody("Lend", "decision.emit(catalog, new Moved(1));")
                        + "}\n");
        Compilation c = Sources.compile(file);
        assertThat(c).hadErrorCount(1);
        assertThat(c)
                .hadErrorContaining("EC4013 'catalog' is not a declared stream of Lend, so Lend may not write to it:"
                        + " mark the member with @Stream and write LendStreams.catalog(this), or add it to the"
                        + " boundary in discover() (streams.add(catalog)) and write decision.stream(catalog)")
                .inFile(file)
                .onLine(24);
    }

    @Test
    void a_local_variable_named_like_a_member_is_left_to_javac() {
        JavaFileObject file =
                withdraw("StreamId account = StreamId.of(\"x\"); decision.emit(account, new Moved(amount));");
        Compilation c = Sources.compile(file);
        assertThat(c).failed();
        assertThat(c)
                .hadErrorContaining("incompatible types: org.eventcore.StreamId cannot be converted to"
                        + " org.eventcore.StreamHandle<com.acme.Withdraw>")
                .inFile(file)
                .onLine(24);
    }

    @Test
    void emitting_with_a_handle_of_another_command_does_not_compile() {
        JavaFileObject file =
                withdraw("decision.emit(TransferStreams.from(new Transfer(account, account, 1)), new Moved(amount));");
        Compilation c = Sources.compile(file, Sources.TRANSFER);
        assertThat(c).failed();
        assertThat(c)
                .hadErrorContaining("incompatible types: org.eventcore.StreamHandle<com.acme.Transfer> cannot be"
                        + " converted to org.eventcore.StreamHandle<com.acme.Withdraw>")
                .inFile(file)
                .onLine(24);
    }

    @Test
    void emitting_to_a_stream_the_command_did_not_declare_does_not_compile() {
        JavaFileObject file = withdraw("decision.emit(WithdrawStreams.fees(this), new Moved(amount));");
        Compilation c = Sources.compile(file);
        assertThat(c).failed();
        assertThat(c).hadErrorContaining("cannot find symbol").inFile(file).onLine(24);
    }

    @Test
    void a_stream_handle_cannot_be_made_up_from_a_stream_id() {
        JavaFileObject file = withdraw(
                "decision.emit(new org.eventcore.StreamHandle<Withdraw>(Withdraw.class, account), new Moved(amount));");
        Compilation c = Sources.compile(file);
        assertThat(c).failed();
        assertThat(c)
                .hadErrorContaining("StreamHandle(java.lang.Class<C>,org.eventcore.StreamId) is not public in"
                        + " org.eventcore.StreamHandle; cannot be accessed from outside package")
                .inFile(file)
                .onLine(24);
    }
}
