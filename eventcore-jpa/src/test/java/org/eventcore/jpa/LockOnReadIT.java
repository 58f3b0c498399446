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

    private static final int THREADS = 8;
    private static final int PER_THREAD = 10;

    /** What a run of {@link WriteBoth} commands on two hot streams gave. */
    private record Run(
            JpaEventStore store, ResourceLocalJpa jpa, StreamId a, StreamId b, int retries, List<Integer> attempts) {}

    /**
     * Eight threads run ten {@link WriteBoth} each on the same two streams, half naming them in the
     * other order, through a store with {@code settings}; counts the retries and each command's attempts.
     */
    private static Run runOnHotStreams(String unit, JpaStoreSettings settings, String prefix) throws Exception {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), settings);
        AtomicInteger retries = new AtomicInteger();
        CommandExecutor executor = CommandExecutor.create(
                store, ExecutorSettings.DEFAULT.withBoundary(jpa).withListener(new ExecutionListener() {
                    @Override
                    public void retrying(
                            CommandId commandId, String type, int attempt, EventCoreException cause, Duration backoff) {
                        retries.incrementAndGet();
                    }
                }));
        StoreFixture streams = StoreFixture.withPrefix(prefix + "-" + unit);
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        List<Integer> attempts = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int t = 0; t < THREADS; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    for (int i = 0; i < PER_THREAD; i++) {
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
        return new Run(store, jpa, a, b, retries.get(), attempts);
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void commands_on_hot_streams_wait_at_the_read_and_never_conflict(String unit) throws Exception {
        Run run = runOnHotStreams(unit, JpaStoreSettings.DEFAULT.withLockOnRead(true), "lock-on-read");

        assertThat(run.retries()).as("no attempt met a conflict").isZero();
        Map<StreamId, StreamRead> end = run.jpa().execute(attempt -> run.store().read(Set.of(run.a(), run.b())));
        int total = THREADS * PER_THREAD;
        assertThat(end.get(run.a()).version().value()).isEqualTo(total);
        List<String> decided = new ArrayList<>();
        end.get(run.a()).events().forEach(e -> decided.add(((ContractEvent) e.payload()).text()));
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
        Run run = runOnHotStreams(unit, JpaStoreSettings.DEFAULT, "lock-on-retry");

        assertThat(run.retries())
                .as("optimistic first attempts on hot streams do conflict")
                .isPositive();
        assertThat(run.attempts())
                .as("the attempt after a conflict holds the streams' locks from its read: it cannot conflict")
                .hasSize(THREADS * PER_THREAD)
                .allSatisfy(n -> assertThat(n).isBetween(1, 2));
        Map<StreamId, StreamRead> end = run.jpa().execute(attempt -> run.store().read(Set.of(run.a(), run.b())));
        assertThat(end.get(run.a()).version().value()).isEqualTo(THREADS * PER_THREAD);
    }
}
