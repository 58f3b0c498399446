package org.eventcore.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import jakarta.transaction.TransactionalException;
import java.util.Set;
import org.eventcore.CommandRejectedException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.cdi.fixture.Add;
import org.eventcore.cdi.fixture.Added;
import org.eventcore.cdi.fixture.CallerService;
import org.eventcore.cdi.fixture.Observers;
import org.eventcore.cdi.fixture.TestStore;
import org.eventcore.execution.CommandResult;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The bus on Weld with Narayana's JTA: transactions per attempt, observers, the caller's transaction. */
@EnableWeld
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class CommandBusTest {

    @WeldSetup
    WeldInitiator weld =
            org.eventcore.cdi.fixture.EventCoreWeld.with(TestStore.class, Observers.class, CallerService.class);

    @Inject
    CommandBus commands;

    @Inject
    TestStore store;

    @Inject
    Observers observers;

    @Inject
    CallerService caller;

    private final StreamId counter = StreamId.of("counter-" + System.nanoTime());

    @Test
    void a_command_commits_in_its_own_transaction_and_inline_and_after_commit_observers_see_it() {
        CommandResult<Added> result = commands.execute(new Add(counter, 5));

        assertThat(result.events()).extracting(StoredEvent::payload).containsExactly(new Added(5));
        assertThat(store.readTransactions()).hasSize(1).doesNotContain("none");
        Object attemptTransaction = store.readTransactions().get(0);
        assertThat(observers.inline())
                .containsExactly("5 in " + attemptTransaction + " status 0 by " + result.commandId() + " at v1");
        assertThat(observers.afterCommit()).containsExactly("5 active=false");
        assertThat(observers.envelopes())
                .containsExactly(
                        "inline 5 at v1 by " + result.commandId() + " active=true",
                        "after commit Added[amount=5] at v1 by " + result.commandId() + " active=false");
    }

    @Test
    void a_conflict_is_retried_in_a_fresh_transaction_and_observers_hear_of_the_command_once() {
        store.beforeNextAppend(() -> store.inner()
                .append(org.eventcore.testkit.contract.StoreFixture.request()
                        .expect(counter, 0)
                        .write(counter, new Added(1))
                        .build()));

        CommandResult<Added> result = commands.execute(new Add(counter, 5));

        assertThat(result.attempts()).isEqualTo(2);
        assertThat(store.readTransactions()).hasSize(2).doesNotContain("none");
        assertThat(store.readTransactions().get(0))
                .isNotEqualTo(store.readTransactions().get(1));
        assertThat(observers.inline())
                .hasSize(1)
                .allMatch(s -> s.startsWith("5 in " + store.readTransactions().get(1)));
        assertThat(observers.afterCommit()).containsExactly("5 active=false");
        assertThat(observers.envelopes())
                .as("the rolled-back attempt's envelope never reaches the after-commit observer")
                .containsExactly(
                        "inline 5 at v2 by " + result.commandId() + " active=true",
                        "after commit Added[amount=5] at v2 by " + result.commandId() + " active=false");
    }

    @Test
    void without_a_managed_executor_the_asynchronous_variant_fails_at_once_and_says_what_to_produce() {
        assertThatThrownBy(() -> commands.executeAsync(new Add(counter, 1)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("EC2047 executeAsync needs a managed executor: the server's default"
                        + " (java:comp/DefaultManagedExecutorService) is not available here")
                .hasMessageEndingWith("so produce one: @Produces @EventCoreExecutor Executor");
        assertThat(store.readTransactions()).as("nothing ran").isEmpty();
    }

    @Test
    void a_rejected_command_reaches_no_observer() {
        commands.execute(new Add(counter, 100));
        observers.inline().clear();
        observers.afterCommit().clear();
        observers.envelopes().clear();

        assertThatThrownBy(() -> commands.execute(new Add(counter, 1)))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("would pass 100");
        assertThat(observers.inline()).isEmpty();
        assertThat(observers.afterCommit()).isEmpty();
        assertThat(observers.envelopes()).isEmpty();
    }

    @Test
    void a_failing_inline_projection_fails_the_command_and_no_after_commit_observer_runs() {
        observers.failInline();
        assertThatThrownBy(() -> commands.execute(new Add(counter, 5))).hasMessageContaining("read model unavailable");
        assertThat(observers.afterCommit()).isEmpty();
        assertThat(observers.envelopes()).isEmpty();
    }

    @Test
    void inside_the_callers_transaction_the_command_joins_it() {
        CommandResult<Added> result = caller.addInMyTransaction(new Add(counter, 7));

        assertThat(result.events()).hasSize(1);
        assertThat(store.readTransactions()).containsExactly(caller.transactionKey());
        assertThat(observers.afterCommit()).containsExactly("7 active=false");
    }

    @Test
    void a_conflict_inside_the_callers_transaction_is_not_retried_and_rolls_the_caller_back() {
        store.beforeNextAppend(() -> store.inner()
                .append(org.eventcore.testkit.contract.StoreFixture.request()
                        .expect(counter, 0)
                        .write(counter, new Added(1))
                        .build()));

        assertThatThrownBy(() -> caller.addInMyTransaction(new Add(counter, 7))).satisfies(e -> {
            Throwable cause = e instanceof TransactionalException ? e.getCause() : e;
            assertThat(cause)
                    .isInstanceOf(ConflictInCallerTransactionException.class)
                    .hasMessageStartingWith("EC2010 Command Add met a conflict on [" + counter
                            + " (expected version 0, actual 1)] inside the caller's transaction");
            assertThat(((ConflictInCallerTransactionException) cause).isRetriable())
                    .isTrue();
        });
        assertThat(store.readTransactions()).hasSize(1);
        assertThat(observers.afterCommit()).isEmpty();
        assertThat(store.inner().read(Set.of(counter)).get(counter).events()).hasSize(1);
    }

    @Test
    void a_failing_inline_projection_in_the_callers_transaction_rolls_the_caller_back_even_if_caught() {
        observers.failInline();
        caller.addCatchingFailures(new Add(counter, 7));

        assertThat(caller.outcome()).isEqualTo(jakarta.transaction.Status.STATUS_ROLLEDBACK);
        assertThat(observers.afterCommit()).isEmpty();
    }
}
