package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.projection.ProjectionDefinition;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.spi.AppendResult;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A rebuild stopped half-way by a node going down continues on the next node from its checkpoint. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RebuildRestartIT {

    final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeAll
    static void table() throws Exception {
        ProjectionRunnerIT.createReadModelTable();
        try (java.sql.Connection c = TestDatabases.adminConnection();
                java.sql.Statement s = c.createStatement()) {
            // the rebuild's reset clears the read model
            s.execute("grant delete on it_projection_counts to eventcore_app");
        }
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void a_rebuild_stopped_half_way_continues_after_a_restart_and_ends_equal_to_the_incremental_read_model(String unit)
            throws Exception {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
        JpaCheckpointStore checkpoints = JpaCheckpointStore.create(jpa);
        String name = "it-rebuild-" + unit + "-" + System.nanoTime();
        StreamId stream = StoreFixture.withPrefix(name).stream("s");
        GlobalPosition before = store.head();
        checkpoints.save(name, before);
        StoreFixture.RequestBuilder twenty = request().expect(stream, 0);
        for (int i = 1; i <= 20; i++) {
            twenty.write(stream, event(i));
        }
        AppendResult appended = jpa.execute(attempt -> store.append(twenty.build()));
        Semaphore gate = new Semaphore(1_000);
        ProjectionDefinition definition = ProjectionDefinition.of(name, (StoredEvent<Object> e) -> {
                    if (e.streamId().equals(stream)) {
                        gate.acquireUninterruptibly();
                        ProjectionRunnerIT.count(jpa, stream);
                    }
                })
                .withBatchSize(4)
                .withPollInterval(Duration.ofMillis(10));
        ProjectionRunner runner = ProjectionRunner.builder(definition)
                .log(store)
                .checkpoints(checkpoints)
                .leases(JpaProjectionLeases.create(jpa, Clock.systemUTC()))
                .boundary(jpa)
                .executor(pool)
                .owner("n1")
                .build();
        runner.start();
        assertThat(runner.awaitPosition(appended.lastPosition(), Duration.ofSeconds(30)))
                .isTrue();
        assertThat(ProjectionRunnerIT.countOf(stream))
                .as("incremental read model")
                .isEqualTo(20);

        gate.drainPermits();
        gate.release(10);
        runner.rebuild(
                before,
                () -> jpa.withEntityManager(
                        em -> em.createNativeQuery("delete from it_projection_counts where stream_id = ?1")
                                .setParameter(1, stream.value())
                                .executeUpdate()));
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!gate.hasQueuedThreads()) {
            assertThat(System.nanoTime())
                    .as("the rebuild reaches the held event (%s)", runner.status())
                    .isLessThan(deadline);
            Thread.sleep(10);
        }
        // the node goes down: stop is requested while a batch is held, then the batch may finish
        java.util.concurrent.CompletableFuture<Boolean> stopping =
                java.util.concurrent.CompletableFuture.supplyAsync(() -> runner.stop(Duration.ofSeconds(20)));
        Thread.sleep(200);
        gate.release(1_000);
        assertThat(stopping.get(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        GlobalPosition halfWay = checkpoints.load(name).orElseThrow();
        assertThat(halfWay).isLessThan(appended.lastPosition());
        assertThat(ProjectionRunnerIT.countOf(stream)).isLessThan(20);

        ProjectionRunner restarted = ProjectionRunner.builder(definition)
                .log(store)
                .checkpoints(checkpoints)
                .leases(JpaProjectionLeases.create(jpa, Clock.systemUTC()))
                .boundary(jpa)
                .executor(pool)
                .owner("n2")
                .build();
        restarted.start();
        assertThat(restarted.awaitPosition(appended.lastPosition(), Duration.ofSeconds(30)))
                .isTrue();
        assertThat(ProjectionRunnerIT.countOf(stream))
                .as("rebuilt equals incremental")
                .isEqualTo(20);
        assertThat(restarted.stop(Duration.ofSeconds(10))).isTrue();
    }
}
