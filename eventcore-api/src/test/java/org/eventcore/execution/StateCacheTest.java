package org.eventcore.execution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.eventcore.CommandDefinitionException;
import org.eventcore.CommandRejectedException;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.serialization.StateSerializer;
import org.eventcore.spi.Snapshot;
import org.eventcore.spi.SnapshotStore;
import org.eventcore.spi.StreamRead;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StateCacheTest {

    private final StreamId from = StreamId.of("from-1");
    private final StreamId to = StreamId.of("to-1");
    private SimpleStore simple;
    private CountingStore store;

    @BeforeEach
    void setUp() {
        simple = SimpleStore.create();
        store = new CountingStore(simple);
        CachedLedger.APPLIED.set(0);
    }

    /** Counts the reads of each kind. */
    static class CountingStore extends ForwardingEventStore {
        final AtomicInteger wholeReads = new AtomicInteger();
        final AtomicInteger readsAfter = new AtomicInteger();

        CountingStore(SimpleStore delegate) {
            super(delegate);
        }

        @Override
        public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
            wholeReads.incrementAndGet();
            return super.read(streams);
        }

        @Override
        public Map<StreamId, StreamRead> readAfter(Map<StreamId, StreamVersion> after) {
            readsAfter.incrementAndGet();
            return StreamRead.after(delegate.read(after.keySet()), after);
        }
    }

    /** The state a fold of the streams from their first events gives, as the uncached executor folds. */
    /**
     * The state a fold of the streams from their first events gives, as the uncached executor folds, at
     * the versions the last command read: without the events of the last command executed (the last
     * events not written by "other-writer").
     */
    private CachedLedger.Seen fullFold(StreamId... streams) {
        List<StoredEvent<Object>> events = new ArrayList<>();
        for (StreamRead r : simple.read(new LinkedHashSet<>(List.of(streams))).values()) {
            events.addAll(r.events());
        }
        events.sort(java.util.Comparator.comparing(StoredEvent::position));
        org.eventcore.CommandId last = null;
        for (StoredEvent<Object> e : events) {
            if (!e.metadata().correlationId().equals("other-writer")) {
                last = e.metadata().causationId();
            }
        }
        org.eventcore.CommandId lastCommand = last;
        events.removeIf(e -> e.metadata().causationId().equals(lastCommand));
        CachedLedger fold = new CachedLedger(streams[0], streams[1], 1);
        CachedLedger.Seen state = fold.initialState();
        for (StoredEvent<Object> e : events) {
            @SuppressWarnings("unchecked")
            StoredEvent<LedgerEvent> typed = (StoredEvent<LedgerEvent>) (StoredEvent<?>) e;
            state = fold.apply(state, typed);
        }
        return state;
    }

    @Test
    void a_cached_command_reads_and_folds_only_the_events_after_its_entry() {
        CommandExecutor executor = CommandExecutor.create(store);
        ForwardingEventStore.appendDirectly(simple, from, new LedgerEvent.Deposited(100), new LedgerEvent.Deposited(1));
        executor.execute(new CachedLedger(from, to, 10));
        assertThat(CachedLedger.APPLIED.get())
                .as("the first command folds both events")
                .isEqualTo(2);
        for (int i = 0; i < 5; i++) {
            CachedLedger.APPLIED.set(0);
            executor.execute(new CachedLedger(from, to, 10));
            assertThat(CachedLedger.APPLIED.get())
                    .as("command %d folds the two events of the command before it, and nothing else", i + 2)
                    .isEqualTo(2);
            CachedLedger.APPLIED.set(0);
            assertThat(CachedLedger.DECIDED.get()).isEqualTo(fullFold(from, to));
        }
        assertThat(store.wholeReads).as("one whole read: the first command's").hasValue(1);
        assertThat(store.readsAfter).hasValue(5);
        StateCacheStatistics stats = executor.stateCacheStatistics();
        assertThat(stats.misses()).isEqualTo(1);
        assertThat(stats.hits()).isEqualTo(5);
        assertThat(stats.entries()).isEqualTo(1);
        assertThat(stats.capacity()).isEqualTo(ExecutorSettings.DEFAULT_STATE_CACHE_SIZE);
        assertThat(stats.hitRatio()).isEqualTo(5.0 / 6);
    }

    @Test
    void events_written_by_others_after_the_entry_are_folded_and_a_stale_entry_meets_its_conflict() {
        CommandExecutor mine = CommandExecutor.create(store);
        CommandExecutor theirs = CommandExecutor.create(store);
        ForwardingEventStore.appendDirectly(simple, from, new LedgerEvent.Deposited(100));
        mine.execute(new CachedLedger(from, to, 10));
        theirs.execute(new CachedLedger(from, to, 20));
        ForwardingEventStore.appendDirectly(simple, to, new LedgerEvent.Deposited(7));
        CommandResult<LedgerEvent> result = mine.execute(new CachedLedger(from, to, 30));
        assertThat(CachedLedger.DECIDED.get()).isEqualTo(fullFold(from, to));
        assertThat(CachedLedger.DECIDED.get().fromBalance()).isEqualTo(70);
        assertThat(result.attempts()).isEqualTo(1);

        // the other executor's entry is stale now; a write between its read and its append conflicts
        java.util.concurrent.atomic.AtomicReference<Runnable> beforeAppend =
                new java.util.concurrent.atomic.AtomicReference<>();
        ForwardingEventStore interfering = new ForwardingEventStore(simple) {
            @Override
            public org.eventcore.spi.AppendResult append(org.eventcore.spi.AppendRequest request) {
                Runnable r = beforeAppend.getAndSet(null);
                if (r != null) {
                    r.run();
                }
                return super.append(request);
            }
        };
        CommandExecutor stale = CommandExecutor.create(interfering);
        stale.execute(new CachedLedger(from, to, 1));
        beforeAppend.set(() -> ForwardingEventStore.appendDirectly(simple, from, new LedgerEvent.Withdrawn(38)));
        CommandResult<LedgerEvent> retried = stale.execute(new CachedLedger(from, to, 1));
        assertThat(retried.attempts())
                .as("the append checked the versions the state was folded from")
                .isEqualTo(2);
        assertThat(CachedLedger.DECIDED.get()).isEqualTo(fullFold(from, to));
        assertThat(CachedLedger.DECIDED.get().fromBalance()).isEqualTo(1);
        assertThat(stale.stateCacheStatistics().hits())
                .as("the conflict kept the entry; the retry read after it")
                .isEqualTo(2);
    }

    @Test
    void a_failed_command_leaves_no_entry() {
        CommandExecutor executor = CommandExecutor.create(store);
        assertThatThrownBy(() -> executor.execute(new CachedLedger(from, to, 0)))
                .isInstanceOf(CommandRejectedException.class);
        assertThat(executor.stateCacheStatistics().entries()).isZero();

        CommandExecutor failing = CommandExecutor.create(new ForwardingEventStore(simple) {
            @Override
            public org.eventcore.spi.AppendResult append(org.eventcore.spi.AppendRequest request) {
                throw new org.eventcore.StoreFailureException("the disk is full");
            }
        });
        assertThatThrownBy(() -> failing.execute(new CachedLedger(from, to, 5)))
                .isInstanceOf(org.eventcore.StoreFailureException.class);
        assertThat(failing.stateCacheStatistics().entries()).isZero();
        assertThat(failing.stateCacheStatistics().misses()).isEqualTo(1);
    }

    @Test
    void an_event_that_precedes_the_entry_in_the_log_makes_the_fold_start_again_in_log_order() {
        // A transaction that began before the entry's last event and committed after it: its event has
        // an earlier position than events the entry holds. Positions are rewritten to show that order.
        Map<org.eventcore.EventId, GlobalPosition> moved = new HashMap<>();
        ForwardingEventStore reordering = new ForwardingEventStore(simple) {
            @Override
            public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
                return reposition(delegate.read(streams));
            }

            private Map<StreamId, StreamRead> reposition(Map<StreamId, StreamRead> reads) {
                Map<StreamId, StreamRead> result = new LinkedHashMap<>();
                reads.forEach((id, r) -> result.put(
                        id,
                        new StreamRead(
                                id,
                                r.version(),
                                r.events().stream()
                                        .map(e -> new StoredEvent<>(
                                                e.id(),
                                                e.streamId(),
                                                e.version(),
                                                moved.getOrDefault(
                                                        e.id(),
                                                        GlobalPosition.of(
                                                                e.position().offset() * 10, 0)),
                                                e.payload(),
                                                e.metadata()))
                                        .toList())));
                return result;
            }
        };
        CommandExecutor executor = CommandExecutor.create(reordering);
        ForwardingEventStore.appendDirectly(simple, from, new LedgerEvent.Deposited(100)); // at 10
        ForwardingEventStore.appendDirectly(simple, to, new LedgerEvent.Deposited(1)); // at 20
        executor.execute(new CachedLedger(from, to, 5)); // writes at 30, 40; the entry's last: 20
        org.eventcore.spi.AppendResult late =
                ForwardingEventStore.appendDirectly(simple, from, new LedgerEvent.Deposited(3));
        moved.put(late.events().get(0).id(), GlobalPosition.of(15, 0)); // between the two first

        executor.execute(new CachedLedger(from, to, 5));
        assertThat(executor.stateCacheStatistics().refolds()).isEqualTo(1);
        assertThat(CachedLedger.DECIDED.get().folded())
                .as("folded again from the start, in log order")
                .containsExactly("from-1:1", "from-1:3", "to-1:1", "from-1:2", "to-1:2");
    }

    @Test
    void a_state_type_that_can_change_cannot_be_cached() {
        CommandExecutor executor = CommandExecutor.create(store);
        assertThatThrownBy(() -> executor.execute(new MutableCached.CountingCommand(from)))
                .isInstanceOf(CommandDefinitionException.class)
                .hasMessageStartingWith("EC1701 Command " + MutableCached.CountingCommand.class.getName())
                .hasMessageContaining("field count is not final");
        assertThatThrownBy(() -> CommandExecutor.checkDefinition(MutableCached.CountingCommand.class))
                .hasMessageStartingWith("EC1701");
    }

    @Test
    void a_state_holding_a_modifiable_list_is_not_cached_but_the_command_runs() {
        CommandExecutor executor = CommandExecutor.create(store);
        for (int i = 0; i < 3; i++) {
            executor.execute(new MutableCached.ListingCommand(from));
        }
        assertThat(simple.read(Set.of(from)).get(from).version()).isEqualTo(StreamVersion.of(3));
        // the first state (no event yet) held List.of() and was cached; the later ones held an ArrayList
        // and were not, so the later commands both read and folded everything after the first entry
        assertThat(executor.stateCacheStatistics().misses()).isEqualTo(1);
        assertThat(executor.stateCacheStatistics().hits()).isEqualTo(2);
    }

    @Test
    void without_a_cache_nothing_is_cached() {
        CommandExecutor executor = CommandExecutor.create(store, ExecutorSettings.DEFAULT.withStateCacheSize(0));
        executor.execute(new CachedLedger(from, to, 5));
        executor.execute(new CachedLedger(from, to, 5));
        assertThat(executor.stateCacheStatistics()).isEqualTo(new StateCacheStatistics(0, 0, 0, 0, 0, 0, 0, 0, 0));
        assertThat(store.readsAfter).hasValue(0);
        assertThatThrownBy(() -> ExecutorSettings.DEFAULT.withStateCacheSize(-1))
                .hasMessageStartingWith("EC1706");
    }

    @Test
    void the_cache_keeps_at_most_its_size_evicting_the_least_recently_used() {
        CommandExecutor executor = CommandExecutor.create(store, ExecutorSettings.DEFAULT.withStateCacheSize(1));
        executor.execute(new CachedLedger(from, to, 5));
        executor.execute(new CachedLedger(StreamId.of("from-2"), to, 5));
        executor.execute(new CachedLedger(from, to, 5));
        StateCacheStatistics stats = executor.stateCacheStatistics();
        assertThat(stats.entries()).isEqualTo(1);
        assertThat(stats.evictions()).isEqualTo(2);
        assertThat(stats.misses()).isEqualTo(3);
        assertThat(CachedLedger.DECIDED.get()).isEqualTo(fullFold(from, to));
    }

    /** Snapshots in a map; serializes {@link CachedLedger.Seen} as text. */
    static final class MapSnapshots implements SnapshotStore, StateSerializer {
        final Map<String, Snapshot> stored = new HashMap<>();
        int saves;

        @Override
        public Optional<Snapshot> load(String key) {
            return Optional.ofNullable(stored.get(key));
        }

        @Override
        public void save(Snapshot snapshot) {
            saves++;
            stored.merge(
                    snapshot.key(), snapshot, (old, s) -> old.lastPosition().compareTo(s.lastPosition()) > 0 ? old : s);
        }

        @Override
        public byte[] serialize(Object state) {
            CachedLedger.Seen seen = (CachedLedger.Seen) state;
            return (seen.fromBalance() + "|" + String.join(",", seen.folded())).getBytes(StandardCharsets.UTF_8);
        }

        @Override
        public <S> S deserialize(byte[] data, Class<S> type) {
            String[] parts = new String(data, StandardCharsets.UTF_8).split("\\|", -1);
            List<String> folded = parts[1].isEmpty() ? List.of() : List.of(parts[1].split(","));
            return type.cast(new CachedLedger.Seen(folded, Long.parseLong(parts[0])));
        }
    }

    @Test
    void a_new_executor_starts_from_the_snapshot_and_folds_only_what_came_after() {
        MapSnapshots snapshots = new MapSnapshots();
        ExecutorSettings settings =
                ExecutorSettings.DEFAULT.withSnapshots(Snapshots.of(snapshots, snapshots, "types-1"));
        CommandExecutor first = CommandExecutor.create(store, settings);
        ForwardingEventStore.appendDirectly(
                simple,
                from,
                new LedgerEvent.Deposited(100),
                new LedgerEvent.Deposited(1),
                new LedgerEvent.Deposited(1));
        first.execute(new CachedLedger(from, to, 10)); // folds 3: a snapshot is due
        assertThat(snapshots.saves).isEqualTo(1);
        first.execute(new CachedLedger(from, to, 10)); // folds 2 since
        first.execute(new CachedLedger(from, to, 10)); // folds 2 more: 4 since, a second snapshot
        assertThat(snapshots.saves).isEqualTo(2);
        assertThat(first.stateCacheStatistics().snapshotsWritten()).isEqualTo(2);
        first.execute(new CachedLedger(from, to, 10));

        CommandExecutor restarted = CommandExecutor.create(store, settings);
        CachedLedger.APPLIED.set(0);
        restarted.execute(new CachedLedger(from, to, 10));
        assertThat(restarted.stateCacheStatistics().snapshotsLoaded()).isEqualTo(1);
        assertThat(CachedLedger.APPLIED.get())
                .as("the 4 events after the second snapshot")
                .isEqualTo(4);
        assertThat(CachedLedger.DECIDED.get()).isEqualTo(fullFold(from, to));
    }

    @Test
    void a_snapshot_of_another_registry_revision_or_a_corrupt_one_is_ignored_and_replaced() {
        MapSnapshots snapshots = new MapSnapshots();
        CommandExecutor writer = CommandExecutor.create(
                store, ExecutorSettings.DEFAULT.withSnapshots(Snapshots.of(snapshots, snapshots, "types-1")));
        ForwardingEventStore.appendDirectly(
                simple,
                from,
                new LedgerEvent.Deposited(100),
                new LedgerEvent.Deposited(1),
                new LedgerEvent.Deposited(1));
        writer.execute(new CachedLedger(from, to, 10));
        String key = snapshots.stored.keySet().iterator().next();
        assertThat(key).isEqualTo(CachedLedger.class.getName() + "\nfrom-1\nto-1");

        CommandExecutor otherTypes = CommandExecutor.create(
                store, ExecutorSettings.DEFAULT.withSnapshots(Snapshots.of(snapshots, snapshots, "types-2")));
        CachedLedger.APPLIED.set(0);
        otherTypes.execute(new CachedLedger(from, to, 10));
        assertThat(otherTypes.stateCacheStatistics().snapshotsIgnored()).isEqualTo(1);
        assertThat(CachedLedger.APPLIED.get()).as("folded from the first event").isEqualTo(5);
        assertThat(snapshots.stored.get(key).fingerprint())
                .as("replaced under the running registry")
                .isEqualTo("types-2");

        Snapshot good = snapshots.stored.get(key);
        snapshots.stored.put(
                key,
                new Snapshot(
                        good.key(),
                        good.versions(),
                        good.lastPosition(),
                        good.foldRevision(),
                        good.stateRevision(),
                        good.fingerprint(),
                        good.eventsFolded(),
                        "not|a,state|at all".getBytes(StandardCharsets.UTF_8)));
        CommandExecutor corrupt = CommandExecutor.create(
                store, ExecutorSettings.DEFAULT.withSnapshots(Snapshots.of(snapshots, snapshots, "types-2")));
        corrupt.execute(new CachedLedger(from, to, 10));
        assertThat(corrupt.stateCacheStatistics().snapshotsIgnored()).isEqualTo(1);
        assertThat(corrupt.stateCacheStatistics().snapshotsLoaded()).isZero();
        assertThat(CachedLedger.DECIDED.get()).isEqualTo(fullFold(from, to));

        snapshots.stored.put(
                key,
                new Snapshot(
                        good.key(),
                        good.versions(),
                        good.lastPosition(),
                        2,
                        good.stateRevision(),
                        good.fingerprint(),
                        good.eventsFolded(),
                        good.state()));
        CommandExecutor otherFold = CommandExecutor.create(
                store, ExecutorSettings.DEFAULT.withSnapshots(Snapshots.of(snapshots, snapshots, "types-2")));
        otherFold.execute(new CachedLedger(from, to, 10));
        assertThat(otherFold.stateCacheStatistics().snapshotsIgnored()).isEqualTo(1);
        assertThat(CachedLedger.DECIDED.get()).isEqualTo(fullFold(from, to));
    }

    @Test
    void a_failing_snapshot_store_never_fails_a_command() {
        MapSnapshots serializer = new MapSnapshots();
        SnapshotStore broken = new SnapshotStore() {
            @Override
            public Optional<Snapshot> load(String key) {
                return Optional.empty();
            }

            @Override
            public void save(Snapshot snapshot) {
                throw new org.eventcore.StoreUnavailableException("the snapshot table is locked");
            }
        };
        CommandExecutor executor = CommandExecutor.create(
                store, ExecutorSettings.DEFAULT.withSnapshots(Snapshots.of(broken, serializer, "types-1")));
        ForwardingEventStore.appendDirectly(
                simple,
                from,
                new LedgerEvent.Deposited(100),
                new LedgerEvent.Deposited(1),
                new LedgerEvent.Deposited(1));
        CommandResult<LedgerEvent> result = executor.execute(new CachedLedger(from, to, 10));
        assertThat(result.events()).hasSize(2);
        assertThat(executor.stateCacheStatistics().snapshotsWritten()).isZero();
        assertThat(executor.stateCacheStatistics().entries()).isEqualTo(1);
        assertThat(Arrays.asList(1, 2)).hasSize(2);
    }
}
