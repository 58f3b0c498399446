package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import org.eventcore.EventId;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.jpa.JpaCheckpointStore;
import org.eventcore.jpa.JpaProjectionLeases;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.projection.ErrorPolicy;
import org.eventcore.projection.ProjectionDefinition;
import org.eventcore.projection.ProjectionHandler;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.projection.ProjectionState;
import org.eventcore.projection.ProjectionStatus;
import org.eventcore.projection.spi.SkippedEvent;
import org.eventcore.testkit.contract.ContractEvent;
import org.eventcore.testkit.contract.StoreFixture;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A durable projection catching up over a long log while another connection terminates its database
 * connections every few hundred milliseconds ({@code pg_terminate_backend}: in a handler's statement,
 * idle in the batch's transaction, and during COMMIT), and while its node is restarted twice. Under
 * every error policy the projection must end at the head of the log with its read model equal to the
 * log folded to its checkpoint (every event once, none lost), and only the poison events (there are
 * some under {@code SKIP_AND_RECORD} only) on record as skipped: a connection that died is never
 * taken for a poison event, and {@code STOP} does not stop for it.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ProjectionKillIT {

    private static final String NAME = "killed-totals";

    /** Handler calls whose read-model writes failed (a killed connection), in the running test. */
    private static final java.util.concurrent.atomic.AtomicLong HANDLER_FAILURES =
            new java.util.concurrent.atomic.AtomicLong();

    private static final int STREAMS = 20;
    private static final int PER_APPEND = 100;

    /** The read model: one row per event (a second application of an event would violate the key). */
    private static final String SEEN = "insert into kill_seen (log_epoch, log_offset, number) values (?1, ?2, ?3)";

    private static final String TOTAL = "insert into kill_totals (stream, total, events) values (?1, ?2, 1)"
            + " on conflict (stream) do update set total = kill_totals.total + excluded.total,"
            + " events = kill_totals.events + 1";

    @ParameterizedTest
    @EnumSource(ErrorPolicy.class)
    void killed_connections_and_restarts_lose_no_event_and_skip_only_poison_events(ErrorPolicy policy)
            throws Exception {
        int events = FaultReport.scale(30_000, 100_000);
        HANDLER_FAILURES.set(0);
        String url = TestDatabases.createDatabase();
        String database = TestDatabases.databaseName(url);
        try (Connection admin = TestDatabases.adminConnection(url);
                Statement s = admin.createStatement()) {
            s.execute("create table kill_seen (log_epoch bigint, log_offset bigint, number bigint not null,"
                    + " primary key (log_epoch, log_offset))");
            s.execute("create table kill_totals (stream varchar(255) primary key, total bigint not null,"
                    + " events bigint not null)");
            s.execute("grant select, insert, update on kill_seen, kill_totals to eventcore_app");
        }
        // the poison events exist under SKIP_AND_RECORD only: under the other policies they would block
        boolean withPoison = policy == ErrorPolicy.SKIP_AND_RECORD;
        GlobalPosition head;
        try (Ledger writer = Ledger.connect(url, 2)) {
            head = write(writer, events, withPoison);
        }

        try (Ledger node = Ledger.connect(url, 4)) {
            List<StoredEvent<Object>> log = node.store.readLog(GlobalPosition.start(), Integer.MAX_VALUE);
            assertThat(log).hasSize(events);
            Set<EventId> poison = log.stream()
                    .filter(e -> ((ContractEvent) e.payload()).text().equals("poison"))
                    .map(StoredEvent::id)
                    .collect(Collectors.toSet());
            assertThat(poison).hasSize(withPoison ? events / 2_500 : 0);

            Map<String, Long> kills = new TreeMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> killer =
                    CompletableFuture.runAsync(() -> new ConnectionKiller(database, 50, 150, 200).run(stop, kills));
            ExecutorService pool = Executors.newCachedThreadPool();
            long started = System.nanoTime();
            ProjectionStatus last;
            int restarts = 0;
            try {
                ProjectionRunner runner = start(node, policy, pool, "node-1");
                // two restarts of the node while it catches up: at a third and at two thirds of the log
                for (int third = 1; third <= 2; third++) {
                    GlobalPosition mark = log.get(events * third / 3).position();
                    awaitCheckpoint(runner, mark);
                    runner.stop(Duration.ofSeconds(20));
                    restarts++;
                    runner = start(node, policy, pool, "node-" + (third + 1));
                }
                last = awaitCheckpoint(runner, head);
            } finally {
                stop.set(true);
                killer.get(1, TimeUnit.MINUTES);
            }
            long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
            ProjectionRunner reader = start(node, policy, pool, "node-reader");
            List<SkippedEvent> skipped = reader.status().skipped();
            reader.stop(Duration.ofSeconds(10));
            pool.shutdownNow();

            long killed = kills.values().stream().mapToLong(Long::longValue).sum();
            assertThat(killed).as("connections killed (%s)", kills).isGreaterThan(10);
            assertThat(HANDLER_FAILURES.get())
                    .as("connections died inside handlers, where they looked like the handler failing")
                    .isPositive();
            assertThat(last.state())
                    .as("%s: not stopped by a connection that died", policy)
                    .isNotEqualTo(ProjectionState.FAILED);
            assertThat(last.checkpoint()).isEqualTo(head);
            assertThat(last.skipped())
                    .extracting(SkippedEvent::eventId)
                    .as("%s: the last node shows only poison events as skipped", policy)
                    .isSubsetOf(poison);
            assertThat(skipped)
                    .extracting(SkippedEvent::eventId)
                    .as("%s: on record as skipped: the poison events, and nothing else", policy)
                    .containsExactlyInAnyOrderElementsOf(poison);
            assertThat(skipped).allSatisfy(e -> assertThat(e.error()).contains("cannot project event"));
            ReadModel expected = ReadModel.fold(log, poison);
            ReadModel actual = ReadModel.load(url);
            assertThat(actual.seen)
                    .as("%s: every event but the poison ones, once", policy)
                    .isEqualTo(expected.seen);
            assertThat(actual.totals)
                    .as("%s: the totals are the log's fold", policy)
                    .isEqualTo(expected.totals);

            FaultReport.row(
                    "projection connections killed (pg_terminate_backend every 100-400 ms, alternately a random"
                            + " busy one and one in COMMIT) while it catches up, 2 node restarts, " + policy,
                    killed,
                    events + " events (" + poison.size() + " poison) in " + seconds + " s; kills " + kills + "; "
                            + HANDLER_FAILURES.get() + " handler calls failed on a dead connection",
                    "read model = log folded to the checkpoint (every event once), checkpoint = head,"
                            + " skipped = the poison events only, not stopped",
                    "held: " + actual.seen.size() + " events in the read model, " + skipped.size() + " skipped");
        }
    }

    /** Appends {@code events} events over {@value #STREAMS} streams; returns the head of the log. */
    private static GlobalPosition write(Ledger writer, int events, boolean withPoison) {
        Map<StreamId, Long> versions = new HashMap<>();
        GlobalPosition last = GlobalPosition.start();
        for (int from = 1; from <= events; from += PER_APPEND) {
            StreamId stream = StreamId.of("kill-" + (from / PER_APPEND) % STREAMS);
            long version = versions.getOrDefault(stream, 0L);
            StoreFixture.RequestBuilder request = StoreFixture.request().expect(stream, version);
            for (int n = from; n < from + PER_APPEND && n <= events; n++) {
                boolean poison = withPoison && n % 2_500 == 1_234;
                request.write(stream, new ContractEvent(poison ? "poison" : "fine", n));
                version++;
            }
            versions.put(stream, version);
            last = writer.jpa.execute(a -> request.appendTo(writer.store)).lastPosition();
        }
        return last;
    }

    private static ProjectionRunner start(Ledger node, ErrorPolicy policy, ExecutorService pool, String owner) {
        ProjectionHandler handler = event -> {
            ContractEvent e = (ContractEvent) event.payload();
            try {
                node.jpa.withEntityManager(em -> em.createNativeQuery(SEEN)
                        .setParameter(1, event.position().epoch())
                        .setParameter(2, event.position().offset())
                        .setParameter(3, e.number())
                        .executeUpdate());
                node.jpa.withEntityManager(em -> em.createNativeQuery(TOTAL)
                        .setParameter(1, event.streamId().value())
                        .setParameter(2, e.number())
                        .executeUpdate());
            } catch (RuntimeException dead) {
                HANDLER_FAILURES.incrementAndGet(); // the read model's writes failed: the connection died
                throw dead;
            }
            if (e.text().equals("poison")) {
                throw new IllegalStateException("cannot project event " + e.number());
            }
        };
        ProjectionRunner runner = ProjectionRunner.builder(ProjectionDefinition.of(NAME, handler)
                        .withErrorPolicy(policy)
                        .withBatchSize(100)
                        .withPollInterval(Duration.ofMillis(20))
                        .withRetryDelays(Duration.ofMillis(10), Duration.ofMillis(200))
                        .withLeaseDuration(Duration.ofSeconds(2)))
                .log(node.store)
                .checkpoints(JpaCheckpointStore.create(node.jpa))
                .leases(JpaProjectionLeases.create(node.jpa, Clock.systemUTC()))
                .boundary(node.jpa)
                .executor(pool)
                .owner(owner)
                .build();
        runner.start();
        return runner;
    }

    /** Waits until the runner's checkpoint reaches {@code position}; fails if it fails or takes 5 minutes. */
    private static ProjectionStatus awaitCheckpoint(ProjectionRunner runner, GlobalPosition position)
            throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
        while (true) {
            ProjectionStatus s = runner.status();
            assertThat(s.state()).as("the projection failed: %s", s.lastError()).isNotEqualTo(ProjectionState.FAILED);
            if (s.checkpoint().compareTo(position) >= 0) {
                return s;
            }
            assertThat(System.nanoTime())
                    .as("waiting for %s, now %s", position, s)
                    .isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** The read model's content: the positions it saw with their numbers, and the totals per stream. */
    private record ReadModel(Map<String, Long> seen, Map<String, List<Long>> totals) {

        /** What the read model must hold: the log without the poison events, folded. */
        static ReadModel fold(List<StoredEvent<Object>> log, Set<EventId> poison) {
            Map<String, Long> seen = new TreeMap<>();
            Map<String, List<Long>> totals = new TreeMap<>();
            for (StoredEvent<Object> e : log) {
                if (poison.contains(e.id())) {
                    continue;
                }
                long number = ((ContractEvent) e.payload()).number();
                seen.put(e.position().encode(), number);
                totals.merge(
                        e.streamId().value(),
                        List.of(number, 1L),
                        (a, b) -> List.of(a.get(0) + b.get(0), a.get(1) + 1));
            }
            return new ReadModel(seen, totals);
        }

        static ReadModel load(String url) throws Exception {
            Map<String, Long> seen = new TreeMap<>();
            Map<String, List<Long>> totals = new TreeMap<>();
            try (Connection c = TestDatabases.adminConnection(url);
                    Statement s = c.createStatement()) {
                try (ResultSet r = s.executeQuery("select log_epoch, log_offset, number from kill_seen")) {
                    while (r.next()) {
                        seen.put(GlobalPosition.of(r.getLong(1), r.getLong(2)).encode(), r.getLong(3));
                    }
                }
                try (ResultSet r = s.executeQuery("select stream, total, events from kill_totals")) {
                    while (r.next()) {
                        totals.put(r.getString(1), List.of(r.getLong(2), r.getLong(3)));
                    }
                }
            }
            return new ReadModel(seen, totals);
        }
    }
}
