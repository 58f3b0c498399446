package org.eventcore.jpa.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eventcore.CommandRejectedException;
import org.eventcore.EventCoreException;
import org.eventcore.EventId;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.execution.Snapshots;
import org.eventcore.execution.StateCacheStatistics;
import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.JpaSnapshotStore;
import org.eventcore.jpa.JpaStoreSettings;
import org.eventcore.jpa.ResourceLocalJpa;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.jsonb.JsonbStateSerializer;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.testkit.chaos.ChaosEventStore;
import org.eventcore.testkit.chaos.ChaosSettings;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The state cache's property, on PostgreSQL: two executors (two nodes, one on Hibernate and one on
 * EclipseLink, each with a cache of its own, one of them too small for the streams), several threads
 * each, cached transfers over hot accounts, a transfer whose discovered stream changes from command to
 * command, snapshots in {@code ec_snapshots}, and injected read failures, append failures, lost commit
 * answers and conflicts. Every event a command writes carries the state it decided on; after the run,
 * the log is read back and, for every committed command, that state must equal a fold from the first
 * event of its streams at the versions it read. Money is conserved, no stream holds a gap, and every
 * acknowledged command's events are in the log.
 *
 * <p>{@code -Deventcore.faults.full=true} runs it for two minutes instead of twelve seconds.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StateCachePropertyIT {

    private static final int ACCOUNTS = 6;
    private static final long OPENING = 10_000;

    private static final EventTypeRegistry TYPES =
            EventTypeRegistry.builder().registerSealed(ProofEvent.class).build();

    /** One node: its own persistence unit (provider and pool), store, snapshot store and state cache. */
    private static CommandExecutor node(String unit, int cacheSize, ChaosSettings chaos) {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaEventStore store = JpaEventStore.create(jpa, JsonbEventSerializer.create(TYPES), JpaStoreSettings.DEFAULT);
        Snapshots snapshots = Snapshots.of(
                JpaSnapshotStore.create(jpa, JpaStoreSettings.DEFAULT),
                JsonbStateSerializer.create(),
                TYPES.fingerprint());
        return CommandExecutor.create(
                ChaosEventStore.wrap(store, chaos),
                ExecutorSettings.DEFAULT
                        .withBoundary(jpa)
                        .withStateCacheSize(cacheSize)
                        .withSnapshots(snapshots)
                        .withRetryPolicy(
                                RetryPolicy.DEFAULT.withMaxAttempts(30).withTimeLimit(Duration.ofSeconds(60))));
    }

    @Test
    void every_committed_command_decided_on_a_full_fold_of_its_streams_at_the_versions_it_read() throws Exception {
        String run = "cache-" + System.nanoTime() + "-";
        List<StreamId> accounts = new ArrayList<>();
        for (int i = 0; i < ACCOUNTS; i++) {
            accounts.add(StreamId.of(run + "account-" + i));
        }
        String feePrefix = run + "fees-";
        ChaosSettings chaos = ChaosSettings.NONE
                .withSeed(run.hashCode())
                .withReadFailureRate(0.02)
                .withAppendFailureRate(0.02)
                .withUnknownOutcomeRate(0.01)
                .withConflictRate(0.03);
        CommandExecutor small = node("eventcore-hibernate", 3, chaos);
        CommandExecutor large = node("eventcore-eclipselink", 10_000, chaos.withSeed(run.hashCode() + 1L));
        for (StreamId account : accounts) {
            small.execute(new Open(account, OPENING));
        }

        long seconds = Boolean.getBoolean("eventcore.faults.full") ? 120 : 12;
        long end = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        ConcurrentLinkedQueue<CommandResult<ProofEvent>> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicLong rejected = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        ExecutorService threads = Executors.newFixedThreadPool(6);
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            CommandExecutor executor = t % 2 == 0 ? small : large;
            Random random = new Random(run.hashCode() * 31L + t);
            workers.add(threads.submit(() -> {
                while (System.nanoTime() < end) {
                    StreamId from = accounts.get(random.nextInt(ACCOUNTS));
                    StreamId to = accounts.get(random.nextInt(ACCOUNTS));
                    if (from.equals(to)) {
                        continue;
                    }
                    long cents = 1 + random.nextInt(900);
                    try {
                        CommandResult<ProofEvent> result = random.nextInt(10) < 7
                                ? executor.execute(new ProofTransfer(from, to, cents))
                                : executor.execute(new ProofFeeTransfer(from, to, cents, feePrefix));
                        acknowledged.add(result);
                    } catch (CommandRejectedException e) {
                        rejected.incrementAndGet();
                    } catch (EventCoreException e) {
                        // retries exhausted under the injected faults: its outcome is checked by the log alone
                        failed.incrementAndGet();
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get(seconds + 120, TimeUnit.SECONDS);
        }
        threads.shutdown();

        // the whole log of this run, read back
        List<StreamId> all = new ArrayList<>(accounts);
        all.add(StreamId.of(feePrefix + "even"));
        all.add(StreamId.of(feePrefix + "odd"));
        List<StoredEvent<Object>> log = readRun(all);
        Map<StreamId, List<StoredEvent<Object>>> byStream = new HashMap<>();
        for (StoredEvent<Object> e : log) {
            byStream.computeIfAbsent(e.streamId(), k -> new ArrayList<>()).add(e);
        }
        byStream.values().forEach(events -> events.sort(Comparator.comparing(StoredEvent::version)));
        for (Map.Entry<StreamId, List<StoredEvent<Object>>> s : byStream.entrySet()) {
            for (int i = 0; i < s.getValue().size(); i++) {
                assertThat(s.getValue().get(i).version().value())
                        .as("versions of %s without gap", s.getKey())
                        .isEqualTo(i + 1);
            }
        }
        long total = 0;
        for (StoredEvent<Object> e : log) {
            total += ((ProofEvent) e.payload()).delta();
        }
        assertThat(total).as("money is conserved").isEqualTo(ACCOUNTS * OPENING);
        for (StreamId account : accounts) {
            long balance = byStream.getOrDefault(account, List.of()).stream()
                    .mapToLong(e -> ((ProofEvent) e.payload()).delta())
                    .sum();
            assertThat(balance).as("no account overdrawn: %s", account).isGreaterThanOrEqualTo(0);
        }

        // every committed command decided on the full fold of its streams at the versions it read: the
        // streams and versions of an acknowledged command are in its result (a stream it read but did not
        // write among them: a fee stream that discovery chose in an earlier round); a command whose answer
        // was lost wrote to every stream it read if it is a plain transfer, so its log says them
        Map<org.eventcore.CommandId, List<StoredEvent<Object>>> byCommand = new HashMap<>();
        for (StoredEvent<Object> e : log) {
            if (!(e.payload() instanceof ProofEvent.Opened)) {
                byCommand
                        .computeIfAbsent(e.metadata().causationId(), k -> new ArrayList<>())
                        .add(e);
            }
        }
        Map<org.eventcore.CommandId, Map<StreamId, Long>> readByAnswer = new HashMap<>();
        for (CommandResult<ProofEvent> r : acknowledged) {
            if (r.replayed() || r.events().isEmpty()) {
                continue;
            }
            Map<StreamId, Long> read = new HashMap<>();
            r.streamVersions().forEach((s, v) -> read.put(s, v.value()));
            for (StoredEvent<ProofEvent> e : r.events()) {
                read.merge(e.streamId(), -1L, Long::sum);
            }
            readByAnswer.put(r.commandId(), read);
        }
        int checked = 0;
        int unverifiable = 0;
        for (Map.Entry<org.eventcore.CommandId, List<StoredEvent<Object>>> command : byCommand.entrySet()) {
            List<StoredEvent<Object>> written = command.getValue();
            Map<StreamId, Long> readVersions = readByAnswer.get(command.getKey());
            if (readVersions == null) {
                if (written.stream().anyMatch(e -> e.payload() instanceof ProofEvent.FeeTaken)) {
                    unverifiable++;
                    continue;
                }
                readVersions = new HashMap<>();
                for (StoredEvent<Object> e : written) {
                    readVersions.put(e.streamId(), e.version().value() - 1);
                }
            }
            List<StoredEvent<Object>> folded = new ArrayList<>();
            for (Map.Entry<StreamId, Long> read : readVersions.entrySet()) {
                for (StoredEvent<Object> e : byStream.getOrDefault(read.getKey(), List.of())) {
                    if (e.version().value() <= read.getValue()) {
                        folded.add(e);
                    }
                }
            }
            folded.sort(Comparator.comparing(StoredEvent::position));
            Seen expected = Seen.NONE;
            for (StoredEvent<Object> e : folded) {
                @SuppressWarnings("unchecked")
                StoredEvent<ProofEvent> typed = (StoredEvent<ProofEvent>) (StoredEvent<?>) e;
                expected = Seen.fold(expected, typed);
            }
            for (StoredEvent<Object> e : written) {
                assertThat(seen((ProofEvent) e.payload()))
                        .as("command %s decided on the fold of its streams at %s", command.getKey(), readVersions)
                        .containsExactly(expected.digest(), expected.count());
            }
            checked++;
        }

        // every acknowledged command's events are in the log
        Set<EventId> inLog = new HashSet<>();
        log.forEach(e -> inLog.add(e.id()));
        long acknowledgedEvents = 0;
        for (CommandResult<ProofEvent> r : acknowledged) {
            for (StoredEvent<ProofEvent> e : r.events()) {
                assertThat(inLog).as("acknowledged event %s", e.id()).contains(e.id());
                acknowledgedEvents++;
            }
        }
        StateCacheStatistics a = small.stateCacheStatistics();
        StateCacheStatistics b = large.stateCacheStatistics();
        System.out.printf(
                "STATE-CACHE-PROPERTY %d s: %d commands checked against full folds (%d fee transfers whose answer"
                        + " was lost not checkable), %d acknowledged (%d events), %d rejected, %d failed after"
                        + " retries; small cache %s; large cache %s%n",
                seconds,
                checked,
                unverifiable,
                acknowledged.size(),
                acknowledgedEvents,
                rejected.get(),
                failed.get(),
                a,
                b);
        assertThat(checked).as("commands checked").isGreaterThan(100);
        assertThat(a.hits() + b.hits()).as("the caches were used").isGreaterThan(50);
        assertThat(a.evictions()).as("the small cache evicted").isGreaterThan(0);
        assertThat(a.refolds() + b.refolds())
                .as("discovery changed streams, so some loads refolded")
                .isGreaterThan(0);
        assertThat(a.snapshotsWritten() + b.snapshotsWritten())
                .as("snapshots were written")
                .isGreaterThan(0);
        assertThat(a.snapshotsLoaded())
                .as("the small cache started from snapshots")
                .isGreaterThan(0);
    }

    private static long[] seen(ProofEvent event) {
        if (event instanceof ProofEvent.Sent s) {
            return new long[] {s.seenDigest(), s.seenCount()};
        }
        if (event instanceof ProofEvent.Received r) {
            return new long[] {r.seenDigest(), r.seenCount()};
        }
        ProofEvent.FeeTaken f = (ProofEvent.FeeTaken) event;
        return new long[] {f.seenDigest(), f.seenCount()};
    }

    /**
     * The events of this run's streams, read back whole (the database is shared with other tests, whose
     * events the run's serializer does not know, so not through the global log).
     */
    private static List<StoredEvent<Object>> readRun(List<StreamId> streams) {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres("eventcore-hibernate"));
        JpaEventStore store = JpaEventStore.create(jpa, JsonbEventSerializer.create(TYPES), JpaStoreSettings.DEFAULT);
        Map<StreamId, org.eventcore.spi.StreamRead> reads = jpa.execute(x -> store.read(new LinkedHashSet<>(streams)));
        List<StoredEvent<Object>> events = new ArrayList<>();
        reads.values().forEach(r -> events.addAll(r.events()));
        events.sort(Comparator.comparing(StoredEvent::position));
        return events;
    }

    /** Opens an account with its first money; not cached. */
    record Open(@org.eventcore.Stream StreamId account, long cents)
            implements org.eventcore.Command<Open, Boolean, ProofEvent> {
        @Override
        public Boolean initialState() {
            return false;
        }

        @Override
        public Boolean apply(Boolean opened, StoredEvent<ProofEvent> event) {
            return true;
        }

        @Override
        public void handle(Boolean opened, org.eventcore.Decision<Open, ProofEvent> decision) {
            require(!opened, "%s is open", account);
            decision.emit(StateCachePropertyIT_OpenStreams.account(this), new ProofEvent.Opened(cents));
        }
    }
}
