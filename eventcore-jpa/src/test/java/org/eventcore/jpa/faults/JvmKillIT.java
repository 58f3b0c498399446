package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eventcore.CommandId;
import org.eventcore.GlobalPosition;
import org.eventcore.jpa.JpaCheckpointStore;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.projection.ProjectionStatus;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * A JVM running transfers and a durable projection is killed with SIGKILL at a random moment, round
 * after round, each round a new process (a new node taking over the projection's lease). Afterwards:
 * every acknowledged command stored exactly once and none in part, versions gapless, the log complete,
 * money conserved; the projection's checkpoint agrees with its read model (the read model is exactly
 * the log folded up to the checkpoint, event counts included); and after catching up, the read model
 * rebuilt from zero equals the incrementally built one.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JvmKillIT {

    /** The accounts' stream prefix. */
    static final String PREFIX = "sigkill";

    private static final int ACCOUNTS = 10;

    @Test
    void a_node_killed_with_sigkill_at_random_moments_loses_nothing_and_its_projection_stays_consistent()
            throws Exception {
        int rounds = FaultReport.scale(2, 50);
        String url = TestDatabases.createDatabase();
        LedgerNode.createReadModel(url);
        try (Ledger ledger = Ledger.connect(url, 4)) {
            ledger.open(PREFIX, ACCOUNTS);
            Set<CommandId> acknowledged = ConcurrentHashMap.newKeySet();
            List<Long> lifetimes = new ArrayList<>();
            List<Integer> acksPerRound = new ArrayList<>();
            for (int round = 1; round <= rounds; round++) {
                int before = acknowledged.size();
                lifetimes.add(runAndKill(url, "node-" + round, acknowledged));
                acksPerRound.add(acknowledged.size() - before);
            }
            assertThat(acknowledged)
                    .as("the nodes did work before they were killed")
                    .isNotEmpty();

            Invariants.Found found = Invariants.check(url, ledger.store, ACCOUNTS, acknowledged);

            // the checkpoint agrees with the read model, as the last killed node left them
            Optional<GlobalPosition> checkpoint = ledger.jpa.execute(
                    a -> JpaCheckpointStore.create(ledger.jpa).load(LedgerNode.PROJECTION));
            Map<String, long[]> readModel = readModel(url);
            Map<String, long[]> expected = Invariants.fold(ledger.store, checkpoint.orElse(GlobalPosition.start()))
                    .accounts();
            assertThat(readModel)
                    .as("read model = log folded up to the checkpoint %s (balance, events)", checkpoint)
                    .usingRecursiveComparison()
                    .isEqualTo(expected);
            HandledEvents.Found handled = HandledEvents.check(
                    url,
                    checkpoint.orElse(GlobalPosition.start()),
                    Invariants.fold(ledger.store, checkpoint.orElse(GlobalPosition.start()))
                            .events());

            // a new node catches up; then a rebuild from zero gives the same read model
            ProjectionRunner runner = LedgerNode.runner(ledger, "verifier");
            runner.start();
            GlobalPosition head = ledger.store.head();
            assertThat(runner.awaitPosition(head, Duration.ofSeconds(60)))
                    .as("caught up: %s", runner.status())
                    .isTrue();
            Map<String, long[]> incremental = readModel(url);
            assertThat(incremental)
                    .usingRecursiveComparison()
                    .isEqualTo(Invariants.fold(ledger.store, head).accounts());
            long handledBefore = runner.status().eventsHandled();
            runner.rebuild(
                    GlobalPosition.start(),
                    () -> ledger.jpa.withEntityManager(em -> em.createNativeQuery("delete from fault_balances")
                                    .executeUpdate()
                            + em.createNativeQuery("delete from fault_handled").executeUpdate()));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            ProjectionStatus status = runner.status();
            while (!(status.eventsHandled() >= handledBefore + found.events()
                    && status.rebuildTarget().isEmpty()
                    && status.caughtUp())) {
                assertThat(System.nanoTime()).as("rebuild done: %s", status).isLessThan(deadline);
                Thread.sleep(50);
                status = runner.status();
            }
            assertThat(readModel(url))
                    .as("rebuilt from zero = built incrementally through %s kills", rounds)
                    .usingRecursiveComparison()
                    .isEqualTo(incremental);
            assertThat(runner.stop(Duration.ofSeconds(10))).isTrue();

            FaultReport.row(
                    "JVM with transfers (4 threads) and a durable projection killed with SIGKILL after 0.5-"
                            + (FaultReport.FULL ? 5 : 3) + " s, a new node each round",
                    rounds,
                    found.commandsStored() + " commands stored, " + acknowledged.size() + " acknowledged (per round "
                            + acksPerRound + "); " + found.events() + " events; projection checkpoint at the last kill "
                            + checkpoint.map(GlobalPosition::encode).orElse("none") + ", " + handled.rows()
                            + " events handled by " + handled.epochs() + " leases",
                    "I1, I2, I4, I8 by command id, money; read model = log folded to its checkpoint (balances and"
                            + " event counts), each event handled once by the lease's owner, leases in order;"
                            + " rebuilt from zero = incremental",
                    "held");
        }
    }

    /** Starts a node, waits until it runs, kills it with SIGKILL after a random time; returns its life in ms. */
    private static long runAndKill(String url, String node, Set<CommandId> acknowledged) throws Exception {
        NodeProcess process = NodeProcess.start(url, node, PREFIX, ACCOUNTS, acknowledged);
        try {
            long life = ThreadLocalRandom.current().nextLong(500, FaultReport.FULL ? 5_000 : 3_000);
            Thread.sleep(life);
            return life;
        } finally {
            process.kill();
        }
    }

    /** The read model: per account its balance and the number of events applied. */
    static Map<String, long[]> readModel(String url) throws Exception {
        Map<String, long[]> rows = new TreeMap<>();
        try (Connection c = TestDatabases.adminConnection(url);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select account, balance, events from fault_balances")) {
            while (r.next()) {
                rows.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
            }
        }
        return rows;
    }
}
