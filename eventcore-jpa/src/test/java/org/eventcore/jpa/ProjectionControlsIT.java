package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.jpa.ProjectionRunnerIT.count;
import static org.eventcore.jpa.ProjectionRunnerIT.countOf;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.BooleanSupplier;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.projection.ProjectionDefinition;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.projection.ProjectionState;
import org.eventcore.projection.spi.ProjectionControl;
import org.eventcore.projection.spi.ProjectionControl.Action;
import org.eventcore.projection.spi.ProjectionControl.Status;
import org.eventcore.projection.spi.ProjectionControls;
import org.eventcore.spi.AppendResult;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The projection controls in {@code ec_projection_controls}: changes asked on one node are carried out by the node
 * holding the lease, on PostgreSQL with both providers and on H2; a pause outlives the node that carried it out.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionControlsIT {

    static final String MARKUP = "<img src=x onerror=\"window.__xss=1\">";

    final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeAll
    static void readModel() throws Exception {
        ProjectionRunnerIT.createReadModelTable();
        try (java.sql.Connection c = TestDatabases.adminConnection();
                java.sql.Statement s = c.createStatement()) {
            s.execute("grant delete on it_projection_counts to eventcore_app"); // the rebuild's reset deletes
        }
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    private static void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("timed out waiting until " + what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static ProjectionControl settled(ResourceLocalJpa jpa, ProjectionControls controls, String name, long id)
            throws InterruptedException {
        eventually(
                "change " + id + " is settled",
                () -> jpa.<List<ProjectionControl>>withEntityManager(em -> controls.history(name, 50)).stream()
                        .anyMatch(c -> c.id() == id && c.status() != Status.PENDING));
        return jpa.<List<ProjectionControl>>withEntityManager(em -> controls.history(name, 50)).stream()
                .filter(c -> c.id() == id)
                .findFirst()
                .orElseThrow();
    }

    private void roundTrip(ResourceLocalJpa jpa) {
        JpaProjectionLeases leases = JpaProjectionLeases.create(jpa, Clock.systemUTC());
        ProjectionControls controls = leases.controls().orElseThrow();
        String name = "controls-" + System.nanoTime();
        long epoch = jpa.<Long>execute(a ->
                leases.acquire(name, "n1", Duration.ofSeconds(30)).orElseThrow().epoch());
        long pause = jpa.<Long>execute(a -> controls.request(name, Action.PAUSE, Optional.empty(), "dora " + MARKUP));
        long rebuild = jpa.<Long>execute(
                a -> controls.request(name, Action.REBUILD, Optional.of(GlobalPosition.of(3, 7)), "dora"));
        assertThat(rebuild).isGreaterThan(pause);
        List<ProjectionControl> pending = jpa.<List<ProjectionControl>>withEntityManager(em -> controls.pending(name));
        assertThat(pending).extracting(ProjectionControl::id).containsExactly(pause, rebuild);
        assertThat(pending.get(0).requestedBy()).isEqualTo("dora " + MARKUP);
        assertThat(pending.get(1).from()).contains(GlobalPosition.of(3, 7));
        assertThat(jpa.<Boolean>withEntityManager(em -> controls.paused(name))).isFalse();

        assertThat(jpa.<Boolean>execute(a -> controls.settle(pause, Status.DONE, "stale", "n0", epoch - 1)))
                .as("a node whose lease no longer holds settles nothing")
                .isFalse();
        assertThat(jpa.<Boolean>execute(a -> controls.settle(pause, Status.DONE, "paused " + MARKUP, "n1", epoch)))
                .isTrue();
        assertThat(jpa.<Boolean>execute(a -> controls.settle(pause, Status.REFUSED, "again", "n1", epoch)))
                .as("settled once")
                .isFalse();
        assertThat(jpa.<Boolean>withEntityManager(em -> controls.paused(name))).isTrue();
        List<ProjectionControl> history =
                jpa.<List<ProjectionControl>>withEntityManager(em -> controls.history(name, 10));
        assertThat(history).extracting(ProjectionControl::id).containsExactly(rebuild, pause);
        ProjectionControl done = history.get(1);
        assertThat(done.status()).isEqualTo(Status.DONE);
        assertThat(done.outcome()).contains("paused " + MARKUP);
        assertThat(done.settledBy()).contains("n1");
        assertThat(done.epoch()).contains(epoch);
        assertThat(done.settledAt()).isPresent();
        assertThat(jpa.<List<ProjectionControl>>withEntityManager(em -> controls.pending(name)))
                .extracting(ProjectionControl::id)
                .containsExactly(rebuild);
        assertThatThrownBy(() -> controls.request(name, Action.RESUME, Optional.of(GlobalPosition.of(1)), "dora"))
                .hasMessageStartingWith("EC1628");
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void changes_are_recorded_settled_once_and_read_back_as_written_on_postgresql(String unit) {
        roundTrip(ResourceLocalJpa.create(TestDatabases.postgres(unit)));
    }

    @Test
    void changes_are_recorded_settled_once_and_read_back_as_written_on_h2() {
        roundTrip(ResourceLocalJpa.create(TestDatabases.h2Factory(getClass().getName())));
    }

    private ProjectionRunner node(
            ResourceLocalJpa jpa, JpaEventStore store, String name, StreamId stream, String owner) {
        ProjectionDefinition definition = ProjectionDefinition.of(name, (StoredEvent<Object> e) -> {
                    if (e.streamId().equals(stream)) {
                        count(jpa, stream);
                    }
                })
                .withBatchSize(2)
                .withPollInterval(Duration.ofMillis(10))
                .withLeaseDuration(Duration.ofSeconds(30));
        return ProjectionRunner.builder(definition)
                .log(store)
                .checkpoints(JpaCheckpointStore.create(jpa))
                .leases(JpaProjectionLeases.create(jpa, Clock.systemUTC()))
                .boundary(jpa)
                .executor(pool)
                .owner(owner)
                .reset(from -> () -> jpa.withEntityManager(
                        em -> em.createNativeQuery("delete from it_projection_counts where stream_id = ?1")
                                .setParameter(1, stream.value())
                                .executeUpdate()))
                .build();
    }

    /**
     * Two nodes run the projection; the console of a third asks. The lease holder pauses (its checkpoint stays
     * while events arrive), stops; the other node takes the lease and stays paused; a resume lets it catch up; a
     * rebuild resets the read model and counts every event again, once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void a_change_asked_on_any_node_is_carried_out_by_the_lease_holder_and_a_pause_outlives_it(String unit)
            throws Exception {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
        String name = "it-controls-" + unit + "-" + System.nanoTime();
        StreamId stream = StoreFixture.withPrefix(name).stream("s");
        // the shared test database holds other tests' events: the projection starts, and is rebuilt, from here
        GlobalPosition start = store.head();
        JpaCheckpointStore.create(jpa).save(name, start);
        jpa.execute(a -> request()
                .expect(stream, 0)
                .write(stream, event(1))
                .write(stream, event(2))
                .appendTo(store));
        ProjectionControls console =
                JpaProjectionLeases.create(jpa, Clock.systemUTC()).controls().orElseThrow();

        ProjectionRunner n1 = node(jpa, store, name, stream, "n1");
        n1.start();
        eventually("n1 counted 2", () -> countOf0(stream) == 2);
        ProjectionRunner n2 = node(jpa, store, name, stream, "n2");
        n2.start();
        eventually("n2 stands by", () -> n2.status().state() == ProjectionState.STANDBY);

        ProjectionControl pause = settled(
                jpa,
                console,
                name,
                jpa.<Long>execute(a -> console.request(name, Action.PAUSE, Optional.empty(), "dora")));
        assertThat(pause.status()).isEqualTo(Status.DONE);
        assertThat(pause.settledBy()).contains("n1");
        assertThat(pause.epoch()).isEqualTo(n1.status().lease().map(l -> l.epoch()));
        eventually("n1 paused", () -> n1.status().state() == ProjectionState.PAUSED);
        AppendResult more = jpa.execute(a -> request()
                .expect(stream, 2)
                .write(stream, event(3))
                .write(stream, event(4))
                .appendTo(store));
        Thread.sleep(200);
        assertThat(countOf(stream)).as("nothing handled while paused").isEqualTo(2);

        assertThat(n1.stop(Duration.ofSeconds(10))).isTrue();
        eventually("n2 holds the lease, paused", () -> n2.status().state() == ProjectionState.PAUSED);
        Thread.sleep(200);
        assertThat(countOf(stream))
                .as("still paused on the node that took over")
                .isEqualTo(2);
        assertThat(jpa.<Optional<org.eventcore.projection.spi.ProjectionLeases.Lease>>withEntityManager(
                        em -> JpaProjectionLeases.create(jpa, Clock.systemUTC()).current(name)))
                .hasValueSatisfying(l -> assertThat(l.owner()).isEqualTo("n2"));

        settled(
                jpa,
                console,
                name,
                jpa.<Long>execute(a -> console.request(name, Action.RESUME, Optional.empty(), "dora")));
        assertThat(n2.awaitPosition(more.lastPosition(), Duration.ofSeconds(30)))
                .isTrue();
        assertThat(countOf(stream)).isEqualTo(4);

        ProjectionControl rebuild = settled(
                jpa,
                console,
                name,
                jpa.<Long>execute(a -> console.request(name, Action.REBUILD, Optional.of(start), "dora")));
        assertThat(rebuild.status()).isEqualTo(Status.DONE);
        assertThat(rebuild.settledBy()).contains("n2");
        eventually("rebuilt", () -> n2.status().state() == ProjectionState.IDLE && countOf0(stream) == 4);
        Thread.sleep(100);
        assertThat(countOf(stream))
                .as("reset, then each event counted once again")
                .isEqualTo(4);
        assertThat(n2.stop(Duration.ofSeconds(10))).isTrue();
    }

    private static int countOf0(StreamId stream) {
        try {
            return countOf(stream);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** What a console does on a database of version 6: nothing found, asking refused with the script to run. */
    @Test
    void on_a_version_6_database_nothing_is_pending_and_asking_names_the_script_to_run() throws Exception {
        String url = TestDatabases.createDatabase(6);
        jakarta.persistence.EntityManagerFactory emf = SchemaUpgradeIT.factory(url);
        try {
            ResourceLocalJpa jpa = ResourceLocalJpa.create(emf);
            ProjectionControls controls = JpaProjectionLeases.create(jpa, Clock.systemUTC())
                    .controls()
                    .orElseThrow();
            assertThat(jpa.<List<ProjectionControl>>withEntityManager(em -> controls.pending("p")))
                    .isEmpty();
            assertThat(jpa.<Boolean>withEntityManager(em -> controls.paused("p")))
                    .isFalse();
            assertThatThrownBy(
                            () -> jpa.<Long>execute(a -> controls.request("p", Action.PAUSE, Optional.empty(), "dora")))
                    .hasMessageContaining("version 6")
                    .hasMessageContaining("V7__eventcore_projection_controls.sql");
        } finally {
            emf.close();
        }
    }
}
