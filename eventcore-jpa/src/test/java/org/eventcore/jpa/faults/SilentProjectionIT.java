package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.jpa.JpaCheckpointStore;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.projection.ProjectionState;
import org.eventcore.projection.ProjectionStatus;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A node running a durable projection is cut off from PostgreSQL by a silent network (packets dropped,
 * nothing reset) while it holds the projection's lease: in the middle of a batch (after it sent a
 * handler's statement), right after it sent the batch's fenced checkpoint save, right after it sent a
 * COMMIT, or while it holds the lease between batches. A second node, which reaches the database, takes
 * the lease over once it expires and the server has ended the silent node's sessions (their transaction,
 * row locks and all); it handles everything, also the events appended during and after the silence. When
 * the network heals, the cut-off node learns it lost the lease (its renewal or its fenced save is
 * refused) and waits in standby: it commits no progress once the other node holds the lease. Checked:
 * each event in the read model handled once, by the lease's owner, the leases in order, the read model
 * equal to the log folded, the checkpoint at the head.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SilentProjectionIT {

    /** The projection's lease ({@link LedgerNode#projection}). */
    private static final Duration LEASE = Duration.ofSeconds(2);

    /** How long the network stays silent: longer than the lease and the server's idle timeout together. */
    private static final Duration SILENCE = Duration.ofSeconds(10);

    /**
     * From the silence to the other node's lease: the rest of the cut-off node's lease, or, when the
     * silence caught it holding the checkpoint row's lock (its fenced save sent), until the server ends
     * its session ({@link SilentNetworkIT#SERVER_IDLE_IN_TRANSACTION}); a margin.
     */
    private static final Duration TAKE_OVER_BOUND =
            SilentNetworkIT.SERVER_IDLE_IN_TRANSACTION.plus(LEASE).plusSeconds(1);

    private static final String WHILE_IDLE = "while it holds the lease between batches";

    /**
     * Where the silence falls. CI runs the one that holds the most: the fenced save sent, its row lock
     * held by the silent session until the server ends it.
     */
    static List<String> points() {
        return FaultReport.FULL
                ? List.of("insert into fault_handled", "set log_position", "COMMIT", WHILE_IDLE)
                : List.of("set log_position");
    }

    @ParameterizedTest(name = "silent {0}")
    @MethodSource("points")
    void a_projection_node_cut_off_by_a_silent_network_loses_its_lease_and_commits_nothing_once_another_holds_it(
            String point) throws Exception {
        String direct = SilentNetworkIT.databaseThatEndsSilentSessions();
        LedgerNode.createReadModel(direct);
        URI target = URI.create(direct.substring("jdbc:".length()));
        boolean idle = point.equals(WHILE_IDLE);
        try (SilentProxy proxy = new SilentProxy(target.getHost(), target.getPort());
                Ledger writer = Ledger.connect(direct, 2)) {
            List<StreamId> names = writer.open("fence", 6);
            TransferLoad load = new TransferLoad(writer.executor(RetryPolicy.DEFAULT), names);
            transfers(load, idle ? 100 : FaultReport.scale(600, 1_500));
            // every statement sent with its text, so that the proxy finds the one it waits for
            String proxied = SilentNetworkIT.throughProxy(proxy, target) + "&prepareThreshold=0";
            try (Ledger cutOffNode =
                            Ledger.connect(proxied, 3, SilentNetworkIT.ACQUISITION, SilentNetworkIT.STATEMENT_TIMEOUT);
                    Ledger survivorNode =
                            Ledger.connect(direct, 3, SilentNetworkIT.ACQUISITION, SilentNetworkIT.STATEMENT_TIMEOUT)) {
                ProjectionRunner cutOff = LedgerNode.runner(cutOffNode, "cut-off");
                ProjectionRunner survivor = LedgerNode.runner(survivorNode, "survivor");
                try {
                    cutOff.start();
                    long silent;
                    if (idle) {
                        assertThat(cutOff.awaitPosition(writer.store.head(), Duration.ofSeconds(60)))
                                .as("caught up: %s", cutOff.status())
                                .isTrue();
                        Thread.sleep(300); // idle, renewing its lease
                        proxy.goSilent();
                        silent = System.nanoTime();
                    } else {
                        await("the cut-off node holds the lease and handles events: " + cutOff.status(), () -> {
                            ProjectionStatus s = cutOff.status();
                            return s.lease().isPresent() && s.eventsHandled() >= 100;
                        });
                        proxy.goSilentAfterClientSends(point, SILENCE);
                        await("the network went silent after the cut-off node sent " + point, proxy::isSilent);
                        silent = System.nanoTime();
                    }
                    survivor.start();
                    await(
                            "the survivor took the lease over: " + survivor.status(),
                            () -> survivor.status().lease().isPresent());
                    long takeOver = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silent);
                    assertThat(Duration.ofMillis(takeOver))
                            .as("from the silence to the survivor's lease")
                            .isLessThanOrEqualTo(TAKE_OVER_BOUND);
                    transfers(load, 100); // appended while the cut-off node is silent
                    assertThat(survivor.awaitPosition(writer.store.head(), Duration.ofSeconds(60)))
                            .as("the survivor handled everything: %s", survivor.status())
                            .isTrue();
                    long caughtUp = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - silent);
                    if (idle) {
                        Thread.sleep(Math.max(0, SILENCE.toMillis() - caughtUp));
                        proxy.heal();
                    } else {
                        await("the network healed by itself", () -> !proxy.isSilent());
                    }
                    long healed = System.nanoTime();
                    await("the cut-off node learned it lost the lease: " + cutOff.status(), () -> {
                        ProjectionStatus s = cutOff.status();
                        return s.lease().isEmpty() && s.state() == ProjectionState.STANDBY;
                    });
                    long learned = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - healed);
                    String why = cutOff.status().lastError().orElse("");
                    transfers(load, 100); // after the heal: the cut-off node may try, only the survivor may commit
                    GlobalPosition head = writer.store.head();
                    assertThat(survivor.awaitPosition(head, Duration.ofSeconds(60)))
                            .as("the survivor handled the events after the heal: %s", survivor.status())
                            .isTrue();
                    Thread.sleep(1_000);
                    assertThat(cutOff.status().lease())
                            .as("the cut-off node stays in standby: %s", cutOff.status())
                            .isEmpty();

                    // nothing is appended any more, but the head read above may lag the last commits: the log
                    // shows a commit only once every transaction that began before it ended (the gap-free
                    // horizon), and the healed node's connections may still hold one open; read it again
                    // until it stands still and the survivor's checkpoint is on it
                    head = settledHead(writer, survivor);
                    long survivorEpoch = survivor.status().lease().orElseThrow().epoch();
                    java.util.Optional<GlobalPosition> checkpoint = writer.jpa.execute(
                            a -> JpaCheckpointStore.create(writer.jpa).load(LedgerNode.PROJECTION));
                    assertThat(checkpoint).as("the checkpoint").contains(head);
                    Invariants.Fold folded = Invariants.fold(writer.store, head);
                    assertThat(JvmKillIT.readModel(direct))
                            .as("read model = the log folded")
                            .usingRecursiveComparison()
                            .isEqualTo(folded.accounts());
                    HandledEvents.Found handled = HandledEvents.check(direct, head, folded.events());
                    long[] cutOffWork = work(direct, "cut-off");
                    assertThat(cutOffWork[1])
                            .as("the cut-off node's newest committed lease precedes the survivor's")
                            .isLessThan(survivorEpoch);
                    long survivorEvents = work(direct, "survivor")[0];
                    assertThat(survivorEvents).as("the survivor did work").isPositive();
                    FaultReport.row(
                            "A projection node's network to PostgreSQL silent "
                                    + (idle ? point : "right after it sent " + "`" + point + "`") + ", "
                                    + SILENCE.toSeconds() + " s; a second node beside it"
                                    + " (SilentProjectionIT)",
                            1,
                            folded.events() + " events: " + cutOffWork[0] + " handled by the cut-off node, "
                                    + survivorEvents + " by the survivor; lease taken over " + takeOver + " ms after"
                                    + " the silence, survivor caught up after " + caughtUp + " ms; the cut-off node in"
                                    + " standby " + learned + " ms after the heal (" + abbreviate(why) + ")",
                            "take-over within " + TAKE_OVER_BOUND.toSeconds() + " s; the cut-off node commits nothing"
                                    + " once the survivor holds the lease; each event handled once, by the lease's"
                                    + " owner, leases in order; read model = log folded; checkpoint = head",
                            "held: " + handled.rows() + " events handled by " + handled.epochs() + " leases");
                } finally {
                    survivor.stop(Duration.ofSeconds(10));
                    proxy.heal();
                    cutOff.stop(Duration.ofSeconds(10));
                }
            } finally {
                SilentNetworkIT.resetServerTimeout(direct);
            }
        }
    }

    /** The log's head once it has stood still for 500 ms with the survivor's checkpoint on it. */
    private static GlobalPosition settledHead(Ledger writer, ProjectionRunner survivor) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            GlobalPosition head = writer.store.head();
            assertThat(survivor.awaitPosition(head, Duration.ofSeconds(30)))
                    .as("the survivor reaches the head %s: %s", head, survivor.status())
                    .isTrue();
            Thread.sleep(500);
            if (writer.store.head().equals(head)) {
                return head;
            }
            assertThat(System.nanoTime()).as("the log's head stands still").isLessThan(deadline);
        }
    }

    private static void transfers(TransferLoad load, int count) {
        for (int i = 0; i < count; i++) {
            load.record(load.transferOnce());
        }
    }

    /** Events the node handled in committed batches, and its newest lease's epoch (0: none). */
    private static long[] work(String url, String node) throws Exception {
        try (Connection c = TestDatabases.adminConnection(url);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select count(*), coalesce(max(fencing_epoch), 0) from fault_handled"
                        + " where node = '" + node + "'")) {
            r.next();
            return new long[] {r.getLong(1), r.getLong(2)};
        }
    }

    private static void await(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as(what).isLessThan(deadline);
            Thread.sleep(10);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 160) + "...";
    }
}
