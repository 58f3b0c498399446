package org.eventcore.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import org.eventcore.RetriesExhaustedException;
import org.eventcore.StreamId;
import org.eventcore.cdi.fixture.Add;
import org.eventcore.cdi.fixture.Added;
import org.eventcore.cdi.fixture.BadRetryAdd;
import org.eventcore.cdi.fixture.FixedSecurityServices;
import org.eventcore.cdi.fixture.ImpatientAdd;
import org.eventcore.cdi.fixture.TestStore;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutionOptions;
import org.eventcore.testkit.contract.StoreFixture;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** Per-command retry settings and the caller principal as the user of the events. */
@EnableWeld
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BusSettingsTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(org.eventcore.cdi.fixture.EventCoreWeld.weld(
                            TestStore.class, org.eventcore.cdi.fixture.ProjectionInfrastructure.class)
                    .addServices(new FixedSecurityServices("alice")))
            .build();

    @Inject
    CommandBus commands;

    @Inject
    TestStore store;

    private final StreamId counter = StreamId.of("counter-" + System.nanoTime());

    private void stageConflict() {
        store.beforeNextAppend(() -> store.inner()
                .append(StoreFixture.request()
                        .expect(counter, 0)
                        .write(counter, new Added(1))
                        .build()));
    }

    @Test
    void a_command_type_with_command_retry_uses_its_own_policy() {
        stageConflict();
        assertThatThrownBy(() -> commands.execute(new ImpatientAdd(counter, 5)))
                .isInstanceOf(RetriesExhaustedException.class)
                .satisfies(e ->
                        assertThat(((RetriesExhaustedException) e).attempts()).isEqualTo(1));
    }

    @Test
    void invalid_command_retry_settings_are_refused_with_EC2011_naming_the_command_type() {
        assertThatThrownBy(() -> commands.execute(new BadRetryAdd(counter, 5)))
                .isInstanceOf(org.eventcore.CommandDefinitionException.class)
                .hasMessageStartingWith("EC2011 @CommandRetry on " + BadRetryAdd.class.getName() + " is invalid")
                .hasMessageContaining("timeLimit must be more than zero");
    }

    @Test
    void other_commands_keep_the_default_policy_and_are_retried() {
        stageConflict();
        assertThat(commands.execute(new Add(counter, 5)).attempts()).isEqualTo(2);
    }

    @Test
    void the_caller_principal_is_recorded_as_the_user_and_request_data_cannot_replace_it() {
        CommandResult<Added> result =
                commands.execute(new Add(counter, 5), ExecutionOptions.DEFAULT.withUser("mallory"));
        assertThat(result.events().get(0).metadata().user()).contains("alice");
    }

    @Test
    void execute_async_runs_on_the_managed_executor_in_its_own_transactions_as_the_caller() throws Exception {
        String caller = Thread.currentThread().getName();
        CommandResult<Added> result = commands.executeAsync(new Add(counter, 5))
                .toCompletableFuture()
                .get(10, java.util.concurrent.TimeUnit.SECONDS);

        assertThat(result.events()).hasSize(1);
        assertThat(result.events().get(0).metadata().user()).contains("alice");
        assertThat(store.readTransactions()).hasSize(1).doesNotContain("none");
        assertThat(store.readThreads()).hasSize(1).doesNotContain(caller);
    }

    @Test
    void a_rejected_asynchronous_command_completes_exceptionally_with_the_rule() {
        commands.execute(new Add(counter, 100));
        assertThat(commands.executeAsync(new Add(counter, 1)).toCompletableFuture())
                .failsWithin(java.time.Duration.ofSeconds(10))
                .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(org.eventcore.CommandRejectedException.class)
                .withMessageContaining("would pass 100");
    }
}
