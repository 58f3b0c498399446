package org.eventcore.cdi.jpa;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.cdi.CommandBus;
import org.eventcore.cdi.DurableProjections;
import org.eventcore.cdi.fixture.Add;
import org.eventcore.cdi.fixture.EventCoreWeld;
import org.eventcore.execution.CommandResult;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.projection.ProjectionState;
import org.eventcore.projection.ProjectionStatus;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Two CDI containers in one JVM stand for two nodes of a cluster sharing one PostgreSQL database: their
 * runners of the same durable projection compete through the database's lease, and a rebuild cut off by a
 * node going down continues on the other node.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionFailoverIT {

    private static final String PROJECTION = "cdi-failover";

    private WeldContainer first;
    private WeldContainer second;

    @BeforeAll
    static void createReadModelTable() throws SQLException {
        try (Connection c = TestDatabases.adminConnection();
                Statement s = c.createStatement()) {
            s.execute("create table if not exists cdi_failover (event_id varchar(36) primary key,"
                    + " counter varchar(255) not null, amount integer not null)");
            s.execute("grant select, insert, delete on cdi_failover to eventcore_app");
        }
    }

    @AfterEach
    void stopNodes() {
        FailoverLedger.noHold();
        for (WeldContainer node : new WeldContainer[] {first, second}) {
            if (node != null && node.isRunning()) {
                node.shutdown();
            }
        }
    }

    private static WeldContainer node() {
        return EventCoreWeld.weld(JpaStoreBeans.class, ProjectionBeans.class, FailoverLedger.class)
                .initialize();
    }

    private static DurableProjections projections(WeldContainer node) {
        return node.select(DurableProjections.class).get();
    }

    private static CommandBus commands(WeldContainer node) {
        return node.select(CommandBus.class).get();
    }

    private static GlobalPosition run(WeldContainer node, String prefix, int commands) {
        GlobalPosition last = null;
        for (int i = 0; i < commands; i++) {
            CommandResult<?> r = commands(node).execute(new Add(StreamId.of(prefix + (i % 3)), 1));
            last = r.lastPosition().orElseThrow();
        }
        return last;
    }

    private static Set<String> rows(String prefix) throws SQLException {
        Set<String> rows = new HashSet<>();
        try (Connection c = TestDatabases.appConnection();
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select event_id, counter, amount from cdi_failover")) {
            while (rs.next()) {
                if (prefix == null || rs.getString(2).startsWith(prefix)) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getInt(3));
                }
            }
        }
        return rows;
    }

    /** Runs the projection: holds its lease (a runner that has just started may not have asked for it yet). */
    private static boolean active(ProjectionStatus status) {
        return status.lease().isPresent()
                && (status.state() == ProjectionState.RUNNING
                        || status.state() == ProjectionState.IDLE
                        || status.state() == ProjectionState.REBUILDING);
    }

    private static void awaitState(WeldContainer node, java.util.function.Predicate<ProjectionStatus> wanted)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!wanted.test(projections(node).status(PROJECTION))) {
            assertThat(System.nanoTime())
                    .as("%s", projections(node).status(PROJECTION))
                    .isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    @Test
    void of_two_nodes_one_runs_the_projection_and_the_other_takes_over_from_the_checkpoint_when_it_stops()
            throws Exception {
        String prefix = "failover-" + System.nanoTime() + "-";
        first = node();
        awaitState(first, ProjectionFailoverIT::active);
        second = node();
        awaitState(second, s -> s.state() == ProjectionState.STANDBY);
        long firstEpoch =
                projections(first).status(PROJECTION).lease().orElseThrow().epoch();

        GlobalPosition reached = run(second, prefix, 20);
        assertThat(projections(first).awaitPosition(PROJECTION, reached, Duration.ofSeconds(30)))
                .isTrue();
        assertThat(projections(second).status(PROJECTION).state())
                .as("the standby node applies nothing")
                .isEqualTo(ProjectionState.STANDBY);
        assertThat(second.select(FailoverLedger.class).get().handled()).isZero();
        assertThat(rows(prefix)).hasSize(20);

        first.shutdown();
        awaitState(second, ProjectionFailoverIT::active);
        assertThat(projections(second).status(PROJECTION).lease().orElseThrow().epoch())
                .as("the new holder fences the old one out with a newer epoch")
                .isGreaterThan(firstEpoch);
        reached = run(second, prefix, 20);
        assertThat(projections(second).awaitPosition(PROJECTION, reached, Duration.ofSeconds(30)))
                .isTrue();

        assertThat(rows(prefix)).as("every event in the read model once").hasSize(40);
        assertThat(second.select(FailoverLedger.class).get().handled())
                .as("the second node began at the first one's checkpoint")
                .isEqualTo(20);
    }

    @Test
    void a_rebuild_cut_off_by_its_node_going_down_continues_on_the_other_node_and_ends_equal_to_the_incremental_model()
            throws Exception {
        String prefix = "rebuild-" + System.nanoTime() + "-";
        first = node();
        GlobalPosition reached = run(first, prefix, 30);
        assertThat(projections(first).awaitPosition(PROJECTION, reached, Duration.ofSeconds(30)))
                .isTrue();
        Set<String> incremental = rows(null);
        assertThat(rows(prefix)).hasSize(30);

        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch held = FailoverLedger.holdAfter(17, release);
        org.eventcore.jpa.JtaJpa jpa =
                first.select(org.eventcore.jpa.JtaJpa.class).get();
        projections(first)
                .rebuild(
                        PROJECTION,
                        GlobalPosition.start(),
                        () -> jpa.withEntityManager(em ->
                                em.createNativeQuery("delete from cdi_failover").executeUpdate()));
        assertThat(held.await(30, TimeUnit.SECONDS))
                .as("the rebuild reaches the held event: %s", projections(first).status(PROJECTION))
                .isTrue();
        assertThat(projections(first).status(PROJECTION).state()).isEqualTo(ProjectionState.REBUILDING);
        assertThat(rows(null)).as("the rebuild's reset emptied the read model").hasSizeLessThan(incremental.size());

        // the node goes down while a batch is held; the held batch may still commit
        CompletableFuture<Void> down = CompletableFuture.runAsync(first::shutdown);
        Thread.sleep(200);
        release.countDown();
        down.get(60, TimeUnit.SECONDS);

        second = node();
        awaitState(
                second,
                s -> s.state() == ProjectionState.IDLE && s.rebuildTarget().isEmpty());
        assertThat(rows(null))
                .as("the rebuilt read model equals the incremental one")
                .isEqualTo(incremental);
        int handledBySecond = second.select(FailoverLedger.class).get().handled();
        assertThat(handledBySecond)
                .as("the second node continued the rebuild from its checkpoint instead of starting again")
                .isPositive()
                .isLessThan(incremental.size());
    }
}
