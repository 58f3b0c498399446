package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.eventcore.CommandId;
import org.eventcore.StreamId;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.jpa.TestDatabases;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * PostgreSQL stopped ({@code pg_ctl stop -m fast}) and started again, several times, under a load of
 * two-stream transfers. While it is down every command fails fast with "store unavailable" (no call
 * takes longer than the retry policy and the pool's timeouts allow); after it is back commands
 * succeed again without restarting anything; afterwards the invariants hold.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class DatabaseRestartIT {

    /** The retry policy's time limit: no retry starts later than this after a command's start. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    /** The pool's acquisition timeout: an attempt waits at most this long for a connection. */
    private static final Duration ACQUISITION = Duration.ofSeconds(1);

    /** The store's statement timeout, which also bounds a wait for a stream's lock. */
    private static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(2);

    /**
     * No call may take longer: the time limit, then one more attempt (a wait for a connection, a wait
     * for a lock), and a margin for a busy machine.
     */
    private static final Duration FAIL_FAST =
            TIME_LIMIT.plus(ACQUISITION).plus(STATEMENT_TIMEOUT).plusSeconds(2);

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    private static EmbeddedPostgres start(Path data, int port) throws IOException {
        return EmbeddedPostgres.builder()
                .setDataDirectory(data)
                .setCleanDataDirectory(false)
                .setPort(port)
                .setServerConfig("synchronous_commit", "on")
                .start();
    }

    @Test
    void while_the_database_is_down_commands_fail_fast_and_after_it_returns_they_succeed_with_money_conserved()
            throws Exception {
        int rounds = FaultReport.scale(2, 20);
        Path data = Files.createTempDirectory(Path.of("target").toAbsolutePath(), "pg-restart-");
        int port = freePort();
        EmbeddedPostgres pg = start(data, port);
        try {
            String url = TestDatabases.createDatabase(
                    "jdbc:postgresql://localhost:" + port + "/postgres?connectTimeout=2&socketTimeout=30",
                    "postgres",
                    "");
            int accounts = 10;
            try (Ledger ledger = Ledger.connect(url, 6, ACQUISITION, STATEMENT_TIMEOUT)) {
                List<StreamId> names = ledger.open("restart", accounts);
                TransferLoad load = new TransferLoad(
                                ledger.executor(RetryPolicy.DEFAULT.withTimeLimit(TIME_LIMIT)), names)
                        .start(4, id -> {});
                List<long[]> downs = new ArrayList<>();
                List<Long> recoveries = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    Thread.sleep(2_000);
                    long stopped = System.nanoTime();
                    pg.close();
                    long down = System.nanoTime();
                    Thread.sleep(6_000);
                    long restarting = System.nanoTime();
                    pg = start(data, port);
                    long up = System.nanoTime();
                    downs.add(new long[] {down, restarting});
                    recoveries.add(load.awaitSuccessAfter(up, "PostgreSQL was back"));
                    assertThat(stopped).isLessThan(down);
                }
                Thread.sleep(1_000);
                Map<CommandId, TransferLoad.Call> calls = load.stop();

                // while down: every call that started and ended within a down window failed fast and said why
                List<TransferLoad.Call> duringDown = TransferLoad.within(calls, downs);
                assertThat(duringDown)
                        .as("calls made while the database was down")
                        .isNotEmpty();
                assertThat(duringDown)
                        .as("while down: failed with store unavailable (EC3303)")
                        .allSatisfy(c -> {
                            assertThat(c.outcome()).isEqualTo(TransferLoad.Outcome.FAILED);
                            assertThat(c.failure()).startsWith("StoreUnavailableException EC3303");
                        });
                TransferLoad.Call slowestCall = calls.values().stream()
                        .max(java.util.Comparator.comparingLong(TransferLoad.Call::nanos))
                        .orElseThrow();
                long slowest = slowestCall.nanos();
                assertThat(Duration.ofNanos(slowest))
                        .as(
                                "the slowest call, of all (no call hangs): %s, started %s ms after the first stop",
                                slowestCall,
                                TimeUnit.NANOSECONDS.toMillis(slowestCall.startedNanos() - downs.get(0)[0]))
                        .isLessThanOrEqualTo(FAIL_FAST);
                long slowestDown = duringDown.stream()
                        .mapToLong(TransferLoad.Call::nanos)
                        .max()
                        .orElseThrow();

                Set<CommandId> acknowledged = TransferLoad.acknowledged(calls);
                Invariants.Found found =
                        Invariants.check(url, ledger.store, accounts, acknowledged, TransferLoad.mayBeStored(calls));
                Map<String, Long> failures = new TreeMap<>(TransferLoad.failures(calls));
                FaultReport.row(
                        "PostgreSQL stopped (pg_ctl stop -m fast) for 6 s and started again under transfers, 4 threads",
                        rounds,
                        calls.size() + " transfers; outcomes " + TransferLoad.count(calls) + "; failures " + failures
                                + "; " + duringDown.size() + " calls while down, slowest "
                                + TimeUnit.NANOSECONDS.toMillis(slowestDown) + " ms, slowest of all "
                                + TimeUnit.NANOSECONDS.toMillis(slowest) + " ms (" + slowestCall.outcome() + ", "
                                + slowestCall.failure() + "); first success "
                                + recoveries.stream().map(r -> r + " ms").toList() + " after the restart",
                        "fail fast with EC3303 while down (retry time limit " + TIME_LIMIT.toSeconds()
                                + " s, pool wait " + ACQUISITION.toSeconds() + " s, statement timeout "
                                + STATEMENT_TIMEOUT.toSeconds() + " s: no call over "
                                + FAIL_FAST.toSeconds()
                                + " s), recovery without restarting the application, I1, I2, I4, I8, money",
                        "held: " + found.commandsStored() + " commands stored, " + found.events() + " events");
            }
        } finally {
            pg.close();
            try (var files = Files.walk(data)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(f -> f.toFile().delete());
            }
        }
    }
}
