package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.eventcore.CommandId;
import org.eventcore.EventCoreException;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.ExecutionListener;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.spi.StreamRead;
import org.eventcore.testkit.contract.ContractEvent;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * With {@code lockOnRead}, commands on the same hot streams wait for each other at the read instead of
 * meeting conflicts: many threads, two streams, not one retry, and every command decided on all the
 * events before it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class LockOnReadIT {

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void commands_on_hot_streams_wait_at_the_read_and_never_conflict(String unit) throws Exception {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaEventStore store =
                JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT.withLockOnRead(true));
        AtomicInteger retries = new AtomicInteger();
        CommandExecutor executor = CommandExecutor.create(
                store, ExecutorSettings.DEFAULT.withBoundary(jpa).withListener(new ExecutionListener() {
                    @Override
                    public void retrying(
                            CommandId commandId, String type, int attempt, EventCoreException cause, Duration backoff) {
                        retries.incrementAndGet();
                    }
                }));
        StoreFixture streams = StoreFixture.withPrefix("lock-on-read-" + unit);
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        int threads = 8;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        executor.execute(thread % 2 == 0 ? new WriteBoth(a, b, i) : new WriteBoth(b, a, i));
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(retries.get()).as("no attempt met a conflict").isZero();
        Map<StreamId, StreamRead> end = jpa.execute(attempt -> store.read(Set.of(a, b)));
        int total = threads * perThread;
        assertThat(end.get(a).version().value()).isEqualTo(total);
        List<String> decided = new ArrayList<>();
        end.get(a).events().forEach(e -> decided.add(((ContractEvent) e.payload()).text()));
        for (int k = 0; k < total; k++) {
            assertThat(decided.get(k))
                    .as("command %d saw every event before it", k + 1)
                    .endsWith("after " + (2 * k));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void with_optimistic_reads_a_command_that_met_a_conflict_locks_on_its_next_read_and_needs_no_third_attempt(
            String unit) throws Exception {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
        AtomicInteger conflicts = new AtomicInteger();
        CommandExecutor executor = CommandExecutor.create(
                store, ExecutorSettings.DEFAULT.withBoundary(jpa).withListener(new ExecutionListener() {
                    @Override
                    public void retrying(
                            CommandId commandId, String type, int attempt, EventCoreException cause, Duration backoff) {
                        conflicts.incrementAndGet();
                    }
                }));
        StoreFixture streams = StoreFixture.withPrefix("lock-on-retry-" + unit);
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        int threads = 8;
        int perThread = 10;
        List<Integer> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < perThread; i++) {
                        attempts.add(executor.execute(thread % 2 == 0 ? new WriteBoth(a, b, i) : new WriteBoth(b, a, i))
                                .attempts());
                    }
                    return null;
                }));
            }
            for (Future<?> f : futures) {
                f.get(300, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        assertThat(conflicts.get())
                .as("optimistic first attempts on hot streams do conflict")
                .isPositive();
        assertThat(attempts)
                .as("the attempt after a conflict holds the streams' locks from its read: it cannot conflict")
                .hasSize(threads * perThread)
                .allSatisfy(n -> assertThat(n).isBetween(1, 2));
        Map<StreamId, StreamRead> end = jpa.execute(attempt -> store.read(Set.of(a, b)));
        assertThat(end.get(a).version().value()).isEqualTo(threads * perThread);
    }
}
