package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.projection.ProjectionDefinition;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.projection.ProjectionState;
import org.eventcore.projection.spi.LeaseLostException;
import org.eventcore.projection.spi.ProjectionLeases.Lease;
import org.eventcore.spi.AppendResult;
import org.eventcore.testkit.contract.ContractEvent;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A durable projection on PostgreSQL: its read model (a table the test creates) and its checkpoint
 * commit in one transaction, and two nodes' leases fence each other in {@code ec_checkpoints}.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionRunnerIT {

    static final String UPSERT = "insert into it_projection_counts (stream_id, events) values (?1, 1)"
            + " on conflict (stream_id) do update set events = it_projection_counts.events + 1";

    final ExecutorService pool = Executors.newCachedThreadPool();

    @BeforeAll
    static void createReadModelTable() throws SQLException {
        try (Connection c = TestDatabases.adminConnection();
                Statement s = c.createStatement()) {
            s.execute("create table if not exists it_projection_counts"
                    + " (stream_id varchar(255) primary key, events integer not null)");
            s.execute("grant select, insert, update on it_projection_counts to eventcore_app");
        }
    }

    @AfterEach
    void stopPool() {
        pool.shutdownNow();
    }

    static void count(ResourceLocalJpa jpa, StreamId stream) {
        jpa.withEntityManager(em ->
                em.createNativeQuery(UPSERT).setParameter(1, stream.value()).executeUpdate());
    }

    static int countOf(StreamId stream) throws SQLException {
        try (Connection c = TestDatabases.adminConnection();
                PreparedStatement s =
                        c.prepareStatement("select events from it_projection_counts where stream_id = ?")) {
            s.setString(1, stream.value());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getInt(1) : 0;
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void a_handler_failure_after_updating_the_read_model_leaves_read_model_and_checkpoint_unchanged(String unit)
            throws Exception {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
        JpaCheckpointStore checkpoints = JpaCheckpointStore.create(jpa);
        String name = "it-together-" + unit + "-" + System.nanoTime();
        StreamId stream = StoreFixture.withPrefix(name).stream("s");
        checkpoints.save(name, store.head());
        AppendResult appended = jpa.execute(attempt -> store.append(request()
                .expect(stream, 0)
                .write(stream, event(1))
                .write(stream, event(2))
                .write(stream, event(3))
                .write(stream, event(4))
                .write(stream, event(5))
                .build()));
        GlobalPosition fourth = appended.events().get(3).position();

        AtomicBoolean failing = new AtomicBoolean(true);
        ProjectionDefinition definition = ProjectionDefinition.of(name, (StoredEvent<Object> e) -> {
                    if (e.streamId().equals(stream)) {
                        count(jpa, stream); // the read model changes first ...
                        if (failing.get() && ((ContractEvent) e.payload()).number() == 4) {
                            throw new IllegalStateException("handler fails after its update"); // ... then fails
                        }
                    }
                })
                .withBatchSize(2)
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
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (runner.status().state() != ProjectionState.FAILED) {
            assertThat(System.nanoTime()).as("the runner fails").isLessThan(deadline);
            Thread.sleep(10);
        }

        GlobalPosition checkpoint = checkpoints.load(name).orElseThrow();
        assertThat(checkpoint).isLessThan(fourth);
        long committed = appended.events().stream()
                .filter(e -> e.position().compareTo(checkpoint) <= 0)
                .count();
        assertThat(countOf(stream))
                .as("the read model holds exactly the events up to the checkpoint")
                .isEqualTo(committed);
        assertThat(runner.status().lastError())
                .hasValueSatisfying(m -> assertThat(m).startsWith("EC1610").contains("position " + fourth));

        failing.set(false);
        runner.start();
        assertThat(runner.awaitPosition(appended.lastPosition(), Duration.ofSeconds(30)))
                .isTrue();
        assertThat(countOf(stream)).as("each event applied once").isEqualTo(5);
        assertThat(runner.stop(Duration.ofSeconds(10))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void a_stale_lease_holder_cannot_save_and_its_read_model_change_rolls_back(String unit) throws Exception {
        AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2030-01-01T00:00:00Z"));
        Clock clock = new Clock() {
            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }

            @Override
            public Instant instant() {
                return now.get();
            }
        };
        ResourceLocalJpa nodeA = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        ResourceLocalJpa nodeB = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaProjectionLeases leasesA = JpaProjectionLeases.create(nodeA, clock);
        JpaProjectionLeases leasesB = JpaProjectionLeases.create(nodeB, clock);
        JpaCheckpointStore checkpoints = JpaCheckpointStore.create(nodeB);
        String name = "it-fencing-" + unit + "-" + System.nanoTime();
        StreamId stream = StoreFixture.withPrefix(name).stream("s");
        Duration ten = Duration.ofSeconds(10);

        Lease a = leasesA.acquire(name, "node-a", ten).orElseThrow();
        assertThat(a.epoch()).isEqualTo(1);
        assertThat(checkpoints.load(name)).contains(GlobalPosition.start());
        assertThat(leasesB.acquire(name, "node-b", ten)).as("held by node-a").isEmpty();
        now.set(now.get().plusSeconds(11));
        Lease b = leasesB.acquire(name, "node-b", ten).orElseThrow();
        assertThat(b.epoch()).isEqualTo(2);

        assertThatThrownBy(() -> nodeA.execute(attempt -> {
                    count(nodeA, stream);
                    leasesA.saveFenced(a, GlobalPosition.of(42));
                    return null;
                }))
                .isInstanceOf(LeaseLostException.class)
                .hasMessageContaining("fencing epoch 1 was lost, epoch 2 is current");
        assertThat(countOf(stream))
                .as("the stale node's read model change rolled back")
                .isZero();
        assertThat(checkpoints.load(name)).contains(GlobalPosition.start());
        assertThat(leasesA.renew(a)).isEmpty();
        leasesA.release(a);
        assertThat(leasesA.acquire(name, "node-c", ten))
                .as("a stale release frees nothing")
                .isEmpty();

        nodeB.execute(attempt -> {
            count(nodeB, stream);
            leasesB.saveFenced(b, GlobalPosition.of(42));
            return null;
        });
        assertThat(countOf(stream)).isEqualTo(1);
        assertThat(checkpoints.load(name)).contains(GlobalPosition.of(42));
        assertThat(leasesB.renew(b))
                .hasValueSatisfying(
                        r -> assertThat(r.until()).isEqualTo(now.get().plus(ten)));
    }

    @ParameterizedTest
    @ValueSource(strings = {"eventcore-hibernate", "eventcore-eclipselink"})
    void of_two_runners_competing_for_one_projection_one_is_active_and_the_other_takes_over_when_it_stops(String unit)
            throws Exception {
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
        JpaCheckpointStore checkpoints = JpaCheckpointStore.create(jpa);
        String name = "it-failover-" + unit + "-" + System.nanoTime();
        StreamId stream = StoreFixture.withPrefix(name).stream("s");
        checkpoints.save(name, store.head());
        ProjectionDefinition definition = ProjectionDefinition.of(name, (StoredEvent<Object> e) -> {
                    if (e.streamId().equals(stream)) {
                        count(jpa, stream);
                    }
                })
                .withPollInterval(Duration.ofMillis(10))
                .withLeaseDuration(Duration.ofSeconds(5));
        ProjectionRunner first = ProjectionRunner.builder(definition)
                .log(store)
                .checkpoints(checkpoints)
                .leases(JpaProjectionLeases.create(jpa, Clock.systemUTC()))
                .boundary(jpa)
                .executor(pool)
                .owner("node-1")
                .build();
        ProjectionRunner second = ProjectionRunner.builder(definition)
                .log(store)
                .checkpoints(checkpoints)
                .leases(JpaProjectionLeases.create(jpa, Clock.systemUTC()))
                .boundary(jpa)
                .executor(pool)
                .owner("node-2")
                .build();
        first.start();
        second.start();

        StoreFixture.RequestBuilder ten = request().expect(stream, 0);
        for (int i = 1; i <= 10; i++) {
            ten.write(stream, event(i));
        }
        AppendResult firstBatch = jpa.execute(attempt -> store.append(ten.build()));
        assertThat(first.awaitPosition(firstBatch.lastPosition(), Duration.ofSeconds(30)))
                .isTrue();
        assertThat(countOf(stream)).as("each event applied once").isEqualTo(10);

        ProjectionRunner active = first.status().lease().isPresent() ? first : second;
        ProjectionRunner standby = active == first ? second : first;
        assertThat(standby.status().state()).isEqualTo(ProjectionState.STANDBY);
        assertThat(standby.status().lease()).isEmpty();
        long epoch = active.status().lease().orElseThrow().epoch();

        assertThat(active.stop(Duration.ofSeconds(10))).isTrue();
        StoreFixture.RequestBuilder five = request().expect(stream, 10);
        for (int i = 11; i <= 15; i++) {
            five.write(stream, event(i));
        }
        AppendResult secondBatch = jpa.execute(attempt -> store.append(five.build()));
        assertThat(standby.awaitPosition(secondBatch.lastPosition(), Duration.ofSeconds(30)))
                .isTrue();
        assertThat(countOf(stream))
                .as("the other node continued from the checkpoint, each event once")
                .isEqualTo(15);
        assertThat(standby.status().lease())
                .hasValueSatisfying(l -> assertThat(l.epoch()).isGreaterThan(epoch));
        assertThat(standby.stop(Duration.ofSeconds(10))).isTrue();
    }
}
