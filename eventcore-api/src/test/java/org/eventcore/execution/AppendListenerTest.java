package org.eventcore.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.eventcore.CommandId;
import org.eventcore.CommandRejectedException;
import org.eventcore.StreamId;
import org.eventcore.spi.AttemptBoundary;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AppendListenerTest {

    private final StreamId account = StreamId.of("account-1");
    private final SimpleStore store = SimpleStore.create();
    private final List<String> calls = new ArrayList<>();

    /** A boundary that records where the attempt's work ends, to place the listener call. */
    private final AttemptBoundary recording = new AttemptBoundary() {
        @Override
        public <T> T execute(AttemptWork<T> work) {
            calls.add("begin");
            T result = AttemptBoundary.direct().execute(work);
            calls.add("commit");
            return result;
        }
    };

    private CommandExecutor executor(AppendListener listener) {
        return CommandExecutor.create(
                store, ExecutorSettings.DEFAULT.withBoundary(recording).withAppendListener(listener));
    }

    @Test
    void the_listener_sees_the_appended_events_inside_the_attempt_before_its_commit() {
        CommandResult<LedgerEvent> result =
                executor(r -> calls.add("appended " + r.events().size())).execute(new Deposit(account, 5));
        assertThat(calls).containsExactly("begin", "appended 1", "commit");
        assertThat(result.events()).hasSize(1);
    }

    @Test
    void a_replayed_command_and_a_rejected_one_do_not_reach_the_listener() {
        CommandExecutor executor = executor(r -> calls.add("appended"));
        CommandId id = CommandId.of("once");
        executor.execute(new Deposit(account, 5), ExecutionOptions.DEFAULT.withCommandId(id));
        calls.clear();
        assertThat(executor.execute(new Deposit(account, 5), ExecutionOptions.DEFAULT.withCommandId(id))
                        .replayed())
                .isTrue();
        assertThatThrownBy(() -> executor.execute(new Deposit(account, -1)))
                .isInstanceOf(CommandRejectedException.class);
        assertThat(calls).doesNotContain("appended");
    }

    @Test
    void a_failing_listener_fails_the_attempt_and_is_not_retried() {
        CommandExecutor executor = executor(r -> {
            throw new IllegalStateException("read model broken");
        });
        assertThatThrownBy(() -> executor.execute(new Deposit(account, 5)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("read model broken");
        assertThat(calls).containsExactly("begin");
    }
}
