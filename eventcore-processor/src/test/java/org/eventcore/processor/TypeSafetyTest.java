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
    void emitting_to_a_raw_stream_id_does_not_compile() {
        JavaFileObject file = withdraw("decision.emit(account, new Moved(amount));");
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
