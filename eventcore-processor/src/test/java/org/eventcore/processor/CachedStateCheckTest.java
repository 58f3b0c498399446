package org.eventcore.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static org.eventcore.processor.Sources.IMPORTS;
import static org.eventcore.processor.Sources.source;

import com.google.testing.compile.Compilation;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** EC4020: a @CachedState command's fold may depend on the events only, as far as its syntax shows. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CachedStateCheckTest {

    /** A cached Withdraw whose apply body is {@code applyBody} (line 21 of the file is its first line). */
    private static JavaFileObject withdraw(String applyBody) {
        return source(
                "com.acme.Withdraw",
                "package com.acme;\n\n" + IMPORTS
                        + """
                import org.eventcore.CachedState;

                @CachedState
                public record Withdraw(@Stream StreamId account, long amount) implements Command<Withdraw, Count, Moved> {
                    @Override
                    public Count initialState() {
                        return Count.ZERO;
                    }

                    @Override
                    public Count apply(Count state, StoredEvent<Moved> event) {
                %s
                    }

                    @Override
                    public void handle(Count state, Decision<Withdraw, Moved> decision) {
                        decision.emit(WithdrawStreams.account(this), new Moved(amount));
                    }

                    long limit() {
                        return amount * 2;
                    }
                }
                """.formatted(applyBody.indent(8).stripTrailing()));
    }

    @Test
    void a_fold_over_its_parameters_only_compiles() {
        assertThat(Sources.compile(withdraw("""
                        long amount = event.payload().amount();
                        return new Count(state.value() + amount + Math.max(0, 1));"""))).succeededWithoutWarnings();
    }

    @Test
    void a_fold_that_reads_a_record_component_is_refused_where_it_reads_it() {
        JavaFileObject file = withdraw("return new Count(state.value() + amount);");
        Compilation c = Sources.compile(file);
        assertThat(c).hadErrorCount(1);
        assertThat(c)
                .hadErrorContaining("EC4020 Withdraw is @CachedState, but its apply reads its field amount: a cached"
                        + " state stands for the events alone")
                .inFile(file)
                .onLine(21);
    }

    @Test
    void a_fold_that_uses_this_or_calls_an_instance_method_is_refused() {
        Compilation viaThis = Sources.compile(withdraw("return new Count(state.value() + this.amount);"));
        assertThat(viaThis).hadErrorContaining("EC4020 Withdraw is @CachedState, but its apply uses this");
        Compilation viaMethod = Sources.compile(withdraw("return new Count(state.value() + limit());"));
        assertThat(viaMethod).hadErrorContaining("its apply calls its instance method limit()");
        Compilation viaAccessor = Sources.compile(withdraw("return new Count(state.value() + amount());"));
        assertThat(viaAccessor).hadErrorContaining("its apply calls its instance method amount()");
    }

    @Test
    void without_cached_state_the_fold_may_read_the_command() {
        JavaFileObject file = source("com.acme.Deposit", "package com.acme;\n\n" + IMPORTS + """

                public record Deposit(@Stream StreamId account, long amount) implements Command<Deposit, Count, Moved> {
                    public Count initialState() {
                        return new Count(amount);
                    }

                    public Count apply(Count state, StoredEvent<Moved> event) {
                        return new Count(state.value() + amount);
                    }

                    public void handle(Count state, Decision<Deposit, Moved> decision) {}
                }
                """);
        assertThat(Sources.compile(file)).succeeded();
    }
}
