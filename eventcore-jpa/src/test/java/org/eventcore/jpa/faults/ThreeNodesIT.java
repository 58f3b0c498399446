package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eventcore.CommandId;
import org.eventcore.GlobalPosition;
import org.eventcore.jpa.JpaCheckpointStore;
import org.eventcore.jpa.TestDatabases;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Three JVMs run transfers and the same durable projection on one PostgreSQL; round after round one
 * of them, often the projection's lease holder, is killed with SIGKILL (and replaced by a new node) or
 * frozen with SIGSTOP past its lease and thawed with SIGCONT. Checked: when the holder goes, another node
 * advances the projection within {@link #FAIL_OVER_BOUND}; exactly one node advances the projection at a
 * time (every event in the read model handled once, by the node that held the lease, the leases in
 * order — see {@link HandledEvents}); a thawed holder commits no progress (its fenced save or its renewal
 * is refused); every acknowledged command stored once, none in part, versions gapless, the log complete,
 * money conserved, the read model the log folded up to the checkpoint.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ThreeNodesIT {

    private static final String PREFIX = "trio";

    private static final int ACCOUNTS = 20;

    private static final int NODES = 3;

    /** The projection's lease ({@link LedgerNode#projection}). */
    private static final Duration LEASE = Duration.ofSeconds(2);

    /**
     * The server ends a session idle in a transaction after this: a frozen node's sessions, with the
     * stream locks of its transfers and the read-model rows of its batch, which the other nodes wait for.
     */
    private static final Duration SERVER_IDLE_IN_TRANSACTION = Duration.ofSeconds(2);

    /**
     * From the holder's death or freeze to another node's first saved progress: the rest of its lease
     * (at most {@link #LEASE}; a frozen holder's sessions are ended meanwhile, after
     * {@link #SERVER_IDLE_IN_TRANSACTION}), the next poll (20 ms) and one batch; a margin for three JVMs
     * and PostgreSQL on two cores.
     */
    private static final Duration FAIL_OVER_BOUND = LEASE.plusSeconds(3);

    private enum Blow {
        SIGKILL,
        SIGSTOP
    }

    /** The projection's row in {@code ec_checkpoints}. */
    private record LeaseRow(String owner, long epoch, String position) {}

    @Test
    void three_nodes_one_killed_or_frozen_each_round_advance_the_projection_one_at_a_time_and_lose_nothing()
            throws Exception {
        // rounds 0 and 1 strike the holder (SIGSTOP, then SIGKILL), 2 and 3 another node, and so on
        int rounds = FaultReport.scale(2, 40);
        String url = TestDatabases.createDatabase();
        try (Connection admin = TestDatabases.adminConnection(url);
                Statement s = admin.createStatement()) {
            s.execute("alter database " + TestDatabases.databaseName(url)
                    + " set idle_in_transaction_session_timeout = '" + SERVER_IDLE_IN_TRANSACTION.toMillis() + "ms'");
        }
        LedgerNode.createReadModel(url);
        Set<CommandId> acknowledged = ConcurrentHashMap.newKeySet();
        List<NodeProcess> everyNode = new ArrayList<>();
        List<NodeProcess> live = new ArrayList<>();
        List<Long> failOvers = new ArrayList<>();
        int[] blows = new int[Blow.values().length];
        int holderBlows = 0;
        List<NodeProcess> frozenHolders = new ArrayList<>();
        long started = System.nanoTime();
        try (Ledger ledger = Ledger.connect(url, 2);
                Connection admin = TestDatabases.adminConnection(url)) {
            ledger.open(PREFIX, ACCOUNTS);
            List<CompletableFuture<NodeProcess>> starting = new ArrayList<>();
            for (int n = 1; n <= NODES; n++) {
                String name = "trio-" + n;
                starting.add(CompletableFuture.supplyAsync(() -> {
                    try {
                        return NodeProcess.start(url, name, PREFIX, ACCOUNTS, acknowledged);
                    } catch (Exception e) {
                        throw new IllegalStateException("starting " + name, e);
                    }
                }));
            }
            for (CompletableFuture<NodeProcess> node : starting) {
                everyNode.add(node.get());
                live.add(node.get());
            }
            ThreadLocalRandom random = ThreadLocalRandom.current();
            for (int round = 0; round < rounds; round++) {
                Thread.sleep(random.nextLong(1_000, 2_500));
                Blow blow = round % 2 == 0 ? Blow.SIGSTOP : Blow.SIGKILL;
                LeaseRow before = lease(admin).orElseThrow(() -> new AssertionError("no lease row yet"));
                Optional<NodeProcess> holder = live.stream()
                        .filter(n -> n.node().equals(before.owner()))
                        .findFirst();
                boolean atHolder = (round / 2) % 2 == 0 && holder.isPresent();
                NodeProcess victim = atHolder
                        ? holder.get()
                        : live.stream()
                                .filter(n -> !n.node().equals(before.owner()))
                                .skip(random.nextInt(NODES - 1))
                                .findFirst()
                                .orElse(live.get(0));
                atHolder = victim.node().equals(before.owner());
                blows[blow.ordinal()]++;
                long struck = System.nanoTime();
                long thawAt = struck + LEASE.toNanos() + TimeUnit.MILLISECONDS.toNanos(random.nextLong(1_000, 2_000));
                if (blow == Blow.SIGKILL) {
                    victim.kill();
                } else {
                    victim.freeze();
                }
                boolean frozen = blow == Blow.SIGSTOP;
                long failOver = -1;
                // the checkpoint when the lease first showed another owner: the holder may have saved a
                // batch after `before` was read, so only a later position is the new holder's progress
                String takenOverAt = null;
                long deadline = struck + FAIL_OVER_BOUND.toNanos() + TimeUnit.SECONDS.toNanos(10);
                while (frozen || (atHolder && failOver < 0)) {
                    long now = System.nanoTime();
                    assertThat(now)
                            .as(
                                    "round %s: %s of %s (the holder: %s); lease before %s, now %s",
                                    round, blow, victim.node(), atHolder, before, lease(admin))
                            .isLessThan(deadline);
                    if (frozen && now >= thawAt) {
                        victim.thaw();
                        frozen = false;
                    }
                    if (atHolder && failOver < 0) {
                        Optional<LeaseRow> row = lease(admin);
                        if (row.isPresent()
                                && row.get().owner() != null
                                && !victim.node().equals(row.get().owner())) {
                            if (takenOverAt == null) {
                                takenOverAt = row.get().position();
                            } else if (!takenOverAt.equals(row.get().position())) {
                                failOver = TimeUnit.NANOSECONDS.toMillis(now - struck);
                            }
                        }
                    }
                    Thread.sleep(10);
                }
                if (atHolder) {
                    holderBlows++;
                    failOvers.add(failOver);
                    if (blow == Blow.SIGSTOP) {
                        frozenHolders.add(victim);
                    }
                }
                if (blow == Blow.SIGKILL) {
                    live.remove(victim);
                }
                if (blow == Blow.SIGKILL && round < rounds - 1) {
                    NodeProcess replacement =
                            NodeProcess.start(url, "trio-" + (everyNode.size() + 1), PREFIX, ACCOUNTS, acknowledged);
                    everyNode.add(replacement);
                    live.add(replacement);
                }
            }
            Thread.sleep(1_000);
            for (NodeProcess node : live) {
                node.kill();
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);

            assertThat(failOvers)
                    .as("the holder was struck in some rounds")
                    .isNotEmpty()
                    .allSatisfy(ms -> assertThat(Duration.ofMillis(ms))
                            .as("fail-over (holder struck to another node's saved progress)")
                            .isLessThanOrEqualTo(FAIL_OVER_BOUND));
            Invariants.Found found = Invariants.check(url, ledger.store, ACCOUNTS, acknowledged);
            Optional<GlobalPosition> checkpoint = ledger.jpa.execute(
                    a -> JpaCheckpointStore.create(ledger.jpa).load(LedgerNode.PROJECTION));
            GlobalPosition upTo = checkpoint.orElseThrow();
            Invariants.Fold folded = Invariants.fold(ledger.store, upTo);
            assertThat(JvmKillIT.readModel(url))
                    .as("read model = log folded up to the checkpoint %s (balance, events)", upTo)
                    .usingRecursiveComparison()
                    .isEqualTo(folded.accounts());
            HandledEvents.Found handled = HandledEvents.check(url, upTo, folded.events());
            long refused = 0;
            for (NodeProcess node : everyNode) {
                refused += node.logLinesContaining("EC1600") + node.logLinesContaining("EC1616");
            }
            for (NodeProcess holder : frozenHolders) {
                assertThat(holder.logLinesContaining("EC1600") + holder.logLinesContaining("EC1616"))
                        .as(
                                "%s, thawed after another node took its lease, was refused its renewal (EC1616) or its"
                                        + " fenced save (EC1600): see %s",
                                holder.node(), holder.log())
                        .isPositive();
            }
            FaultReport.row(
                    NODES + " JVMs with transfers (4 threads each) and the same durable projection; each round one"
                            + " killed with SIGKILL (and replaced) or frozen with SIGSTOP for the lease + 1-2 s, then"
                            + " SIGCONT (ThreeNodesIT)",
                    rounds,
                    blows[Blow.SIGKILL.ordinal()] + " SIGKILL, " + blows[Blow.SIGSTOP.ordinal()] + " SIGSTOP, "
                            + holderBlows + " of them at the lease holder; fail-over " + summary(failOvers) + "; "
                            + everyNode.size() + " nodes in " + seconds + " s; " + found.commandsStored()
                            + " commands stored, " + acknowledged.size() + " acknowledged, " + found.events()
                            + " events; " + handled.rows() + " handled by " + handled.epochs() + " leases of "
                            + handled.nodes() + " nodes; " + refused + " stale saves or renewals refused",
                    "fail-over within " + FAIL_OVER_BOUND.toSeconds() + " s (lease " + LEASE.toSeconds()
                            + " s); each event handled once, by the lease's owner, leases in order (one node at a"
                            + " time); read model = log folded to the checkpoint; I1, I2, I4, I8, money",
                    "held");
        } finally {
            for (NodeProcess node : live) {
                node.thawQuietly();
                node.killQuietly();
            }
        }
    }

    private static String summary(List<Long> millis) {
        List<Long> sorted = millis.stream().sorted().toList();
        return sorted.isEmpty()
                ? "not measured"
                : sorted.get(0) + "-" + sorted.get(sorted.size() - 1) + " ms (median " + sorted.get(sorted.size() / 2)
                        + " ms)";
    }

    private static Optional<LeaseRow> lease(Connection admin) throws Exception {
        try (Statement s = admin.createStatement();
                ResultSet r = s.executeQuery("select lease_owner, fencing_epoch, log_position from ec_checkpoints"
                        + " where projection_name = '" + LedgerNode.PROJECTION + "'")) {
            return r.next()
                    ? Optional.of(new LeaseRow(r.getString(1), r.getLong(2), r.getString(3)))
                    : Optional.empty();
        }
    }
}
