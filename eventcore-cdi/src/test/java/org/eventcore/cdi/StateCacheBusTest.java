package org.eventcore.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.inject.Inject;
import org.eventcore.StreamId;
import org.eventcore.cdi.fixture.CachedAdd;
import org.eventcore.cdi.fixture.CachedCaller;
import org.eventcore.cdi.fixture.SnapshotsInMemory;
import org.eventcore.cdi.fixture.TestStore;
import org.eventcore.execution.StateCacheStatistics;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The bus's state cache: used by @CachedState commands, filled only by commits, snapshots from the application's bean. */
@EnableWeld
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StateCacheBusTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(org.eventcore.cdi.fixture.EventCoreWeld.weld(
                    TestStore.class,
                    org.eventcore.cdi.fixture.ProjectionInfrastructure.class,
                    SnapshotsInMemory.class,
                    CachedCaller.class))
            .build();

    @Inject
    CommandBus commands;

    @Inject
    SnapshotsInMemory snapshots;

    @Inject
    CachedCaller caller;

    @Inject
    TestStore store;

    private final StreamId counter = StreamId.of("cached-" + System.nanoTime());

    @Test
    void cached_commands_hit_the_cache_and_store_snapshots_through_the_applications_bean() {
        for (int i = 0; i < 5; i++) {
            commands.execute(new CachedAdd(counter, 10));
        }
        StateCacheStatistics stats = commands.stateCacheStatistics();
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.hits()).isEqualTo(4);
        assertThat(stats.capacity()).isEqualTo(org.eventcore.execution.ExecutorSettings.DEFAULT_STATE_CACHE_SIZE);
        assertThat(stats.snapshotsWritten()).as("every 2 events folded").isEqualTo(2);
        assertThat(snapshots.store().size()).isEqualTo(1);
        assertThatThrownBy(() -> commands.execute(new CachedAdd(counter, 51)))
                .hasMessageContaining("would pass 100 (at 50)");
    }

    @Test
    void a_command_in_a_transaction_the_caller_rolls_back_leaves_no_entry_and_one_that_commits_does() {
        assertThatThrownBy(() -> caller.addThenFail(new CachedAdd(counter, 30)))
                .isInstanceOf(IllegalStateException.class);
        assertThat(commands.stateCacheStatistics().entries()).isZero();
        caller.add(new CachedAdd(counter, 30));
        assertThat(commands.stateCacheStatistics().entries())
                .as("stored when the caller's transaction committed")
                .isEqualTo(1);
        assertThat(commands.stateCacheStatistics().snapshotsWritten())
                .as("no snapshot from inside the caller's transaction")
                .isZero();
        commands.execute(new CachedAdd(counter, 30));
        assertThat(commands.stateCacheStatistics().hits())
                .as("the bus's own transactions share the cache")
                .isEqualTo(1);
        // the test store keeps events in memory outside of the transaction, so the rolled back command's
        // event stays there: the cached state holds exactly what the store holds
        int stored = store.inner()
                        .read(java.util.Set.of(counter))
                        .get(counter)
                        .events()
                        .size()
                * 30;
        assertThat(stored).isEqualTo(90);
        assertThatThrownBy(() -> commands.execute(new CachedAdd(counter, 11)))
                .hasMessageContaining("would pass 100 (at " + stored + ")");
    }
}
