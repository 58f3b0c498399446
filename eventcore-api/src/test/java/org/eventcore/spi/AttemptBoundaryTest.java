package org.eventcore.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AttemptBoundaryTest {

    final AttemptBoundary boundary = AttemptBoundary.direct();
    final List<String> trace = new ArrayList<>();

    void registerHooks(AttemptBoundary.Attempt attempt) {
        attempt.afterCommit(() -> trace.add("after-commit 1"));
        attempt.beforeCommit(() -> trace.add("before-commit 1"));
        attempt.afterRollback(() -> trace.add("after-rollback 1"));
        attempt.beforeCommit(() -> trace.add("before-commit 2"));
        attempt.afterCommit(() -> trace.add("after-commit 2"));
        attempt.afterRollback(() -> trace.add("after-rollback 2"));
    }

    @Test
    void hooks_run_after_the_work_in_registration_order_before_commit_first() {
        String result = boundary.execute(attempt -> {
            registerHooks(attempt);
            trace.add("work");
            return "done";
        });

        assertThat(result).isEqualTo("done");
        assertThat(trace)
                .containsExactly("work", "before-commit 1", "before-commit 2", "after-commit 1", "after-commit 2");
    }

    @Test
    void when_the_work_throws_only_the_after_rollback_hooks_run_and_the_exception_passes_through() {
        IllegalStateException failure = new IllegalStateException("work failed");

        assertThatThrownBy(() -> boundary.execute(attempt -> {
                    registerHooks(attempt);
                    throw failure;
                }))
                .isSameAs(failure);

        assertThat(trace).containsExactly("after-rollback 1", "after-rollback 2");
    }

    @Test
    void a_failing_before_commit_hook_rolls_back() {
        IllegalStateException failure = new IllegalStateException("validation failed");

        assertThatThrownBy(() -> boundary.execute(attempt -> {
                    attempt.beforeCommit(() -> {
                        throw failure;
                    });
                    registerHooks(attempt);
                    return "never returned";
                }))
                .isSameAs(failure);

        assertThat(trace).containsExactly("after-rollback 1", "after-rollback 2");
    }

    @Test
    void a_failing_after_commit_hook_does_not_fail_the_call_nor_stop_the_other_hooks() {
        String result = boundary.execute(attempt -> {
            attempt.afterCommit(() -> {
                throw new IllegalStateException("notification failed");
            });
            registerHooks(attempt);
            return "committed";
        });

        assertThat(result).isEqualTo("committed");
        assertThat(trace).containsExactly("before-commit 1", "before-commit 2", "after-commit 1", "after-commit 2");
    }

    @Test
    void a_failing_after_rollback_hook_does_not_hide_the_original_failure() {
        IllegalArgumentException failure = new IllegalArgumentException("original");

        assertThatThrownBy(() -> boundary.execute(attempt -> {
                    attempt.afterRollback(() -> {
                        throw new IllegalStateException("cleanup failed");
                    });
                    attempt.afterRollback(() -> trace.add("second cleanup"));
                    throw failure;
                }))
                .isSameAs(failure);
        assertThat(trace).containsExactly("second cleanup");
    }

    @Test
    void each_call_has_its_own_hooks() {
        boundary.execute(attempt -> {
            attempt.afterCommit(() -> trace.add("first"));
            return null;
        });
        boundary.execute(attempt -> {
            attempt.afterCommit(() -> trace.add("second"));
            return null;
        });

        assertThat(trace).containsExactly("first", "second");
    }
}
