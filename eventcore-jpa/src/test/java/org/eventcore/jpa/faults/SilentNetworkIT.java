package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The network between the application and PostgreSQL goes silent (packets dropped, nothing reset)
 * under a load of transfers, round after round, at any point of a command: in a read, in the append,
 * in the commit, between them, while a connection is being opened. Every call ends within the bound
 * that the timeouts give (the socket timeout ends a wait for an answer that will not come; the
 * retry policy's time limit ends the retries), a commit whose answer was lost is reported as "may be
 * stored" and never as failed, the server ends the sessions it no longer hears from (their
 * transactions and stream locks with them), commands succeed again soon after the network heals,
 * and afterwards every invariant holds.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SilentNetworkIT {

    /** The retry policy's time limit: no retry starts later than this after a command's start. */
    private static final Duration TIME_LIMIT = Duration.ofSeconds(2);

    /** The pool's acquisition timeout. */
    static final Duration ACQUISITION = Duration.ofSeconds(1);

    /** The store's statement timeout, and the server's (statement_timeout on the connections). */
    static final Duration STATEMENT_TIMEOUT = Duration.ofSeconds(2);

    /** PgJDBC's socketTimeout: the longest a connection waits for an answer. */
    static final Duration SOCKET_TIMEOUT = Duration.ofSeconds(3);

    /**
     * The server's idle_in_transaction_session_timeout: a session whose client went silent inside a
     * transaction is ended after this, and its stream locks are released.
     */
    static final Duration SERVER_IDLE_IN_TRANSACTION = Duration.ofSeconds(4);

    /**
     * How long each silence lasts: long enough for calls that start and end inside it (each waits a
     * socket timeout or the login timeout), and longer than the server's idle timeout.
     */
    private static final Duration SILENCE = Duration.ofSeconds(8);

    /**
     * No call may take longer: an attempt in flight when the network went silent waits one socket
     * timeout; one more may start before the time limit and wait another (opening a connection is
     * bounded by loginTimeout, 3 s, on the caller's thread); a margin for a busy machine.
     */
    private static final Duration BOUND =
            TIME_LIMIT.plus(SOCKET_TIMEOUT.multipliedBy(2)).plus(ACQUISITION).plusSeconds(2);

    /**
     * A new database whose server ends a session idle inside a transaction after
     * {@link #SERVER_IDLE_IN_TRANSACTION}: the session of a client that went silent, with its stream locks.
     */
    static String databaseThatEndsSilentSessions() throws Exception {
        String direct = TestDatabases.createDatabase();
        try (Connection admin = TestDatabases.adminConnection(direct);
                Statement s = admin.createStatement()) {
            s.execute("alter database " + TestDatabases.databaseName(direct)
                    + " set idle_in_transaction_session_timeout = '" + SERVER_IDLE_IN_TRANSACTION.toMillis() + "ms'");
        }
        return direct;
    }

    static void resetServerTimeout(String direct) throws Exception {
        try (Connection admin = TestDatabases.adminConnection(direct);
                Statement s = admin.createStatement()) {
            s.execute("alter database " + TestDatabases.databaseName(direct)
                    + " reset idle_in_transaction_session_timeout");
        }
    }

    /**
     * The database at {@code target} through {@code proxy}, with the manual's connection settings:
     * PostgreSQL bounds the statements (statement_timeout), so the driver arms no JDBC query timeout.
     * With one, a timed-out statement's cancel request, sent by the driver's timer thread over a new
     * connection into the silent network, holds the connection's lock for up to PgJDBC's
     * cancelSignalTimeout (10 s) and the statement's thread waits for it (found here: calls of 12 s).
     */
    static String throughProxy(SilentProxy proxy, URI target) {
        return "jdbc:postgresql://127.0.0.1:" + proxy.port() + target.getPath() + "?connectTimeout=2"
                + "&loginTimeout=3&socketTimeout=" + SOCKET_TIMEOUT.toSeconds()
                + "&options=-c%20statement_timeout%3D" + STATEMENT_TIMEOUT.toMillis();
    }

    @Test
    void calls_end_within_their_bounds_while_the_network_is_silent_and_every_invariant_holds_after_it_heals()
            throws Exception {
        int rounds = FaultReport.scale(2, 20);
        String direct = databaseThatEndsSilentSessions();
        URI target = URI.create(direct.substring("jdbc:".length()));
        int accounts = 10;
        try (SilentProxy proxy = new SilentProxy(target.getHost(), target.getPort())) {
            String proxied = throughProxy(proxy, target);
            try (Ledger ledger = Ledger.connect(proxied, 6, ACQUISITION, STATEMENT_TIMEOUT)) {
                List<StreamId> names = ledger.open("silent", accounts);
                TransferLoad load = new TransferLoad(
                                ledger.executor(RetryPolicy.DEFAULT.withTimeLimit(TIME_LIMIT)), names)
                        .start(4, id -> {});
                List<long[]> silences = new ArrayList<>();
                List<Long> recoveries = new ArrayList<>();
                for (int round = 0; round < rounds; round++) {
                    Thread.sleep(1_000 + (round % 4) * 350L); // the silence falls at a different point each round
                    long silent = System.nanoTime();
                    proxy.goSilent();
                    Thread.sleep(SILENCE.toMillis());
                    proxy.heal();
                    long healed = System.nanoTime();
                    silences.add(new long[] {silent, healed});
                    recoveries.add(load.awaitSuccessAfter(healed, "the network healed"));
                }
                Thread.sleep(1_000);
                Map<CommandId, TransferLoad.Call> calls = load.stop();

                TransferLoad.Call slowest = calls.values().stream()
                        .max(Comparator.comparingLong(TransferLoad.Call::nanos))
                        .orElseThrow();
                assertThat(Duration.ofNanos(slowest.nanos()))
                        .as("the slowest call (no call hangs): %s", slowest)
                        .isLessThanOrEqualTo(BOUND);
                List<TransferLoad.Call> duringSilence = TransferLoad.within(calls, silences);
                assertThat(duringSilence)
                        .as("calls made while the network was silent")
                        .isNotEmpty()
                        .allSatisfy(c -> assertThat(c.outcome()).isEqualTo(TransferLoad.Outcome.FAILED));
                assertThat(proxy.brokenConnections())
                        .as("connections that lost bytes to a silence")
                        .isPositive();

                Set<CommandId> acknowledged = TransferLoad.acknowledged(calls);
                Invariants.Found found =
                        Invariants.check(direct, ledger.store, accounts, acknowledged, TransferLoad.mayBeStored(calls));
                resetServerTimeout(direct);
                Map<String, Long> failures = new TreeMap<>(TransferLoad.failures(calls));
                FaultReport.row(
                        "The network to PostgreSQL silent (packets dropped, nothing reset) for " + SILENCE.toSeconds()
                                + " s under transfers, 4 threads (SilentNetworkIT)",
                        rounds,
                        calls.size() + " transfers; outcomes " + TransferLoad.count(calls) + "; failures " + failures
                                + "; " + duringSilence.size() + " calls while silent; "
                                + proxy.brokenConnections() + " connections broken; slowest call "
                                + TimeUnit.NANOSECONDS.toMillis(slowest.nanos()) + " ms; first success "
                                + recoveries.stream().map(r -> r + " ms").toList() + " after the network healed",
                        "no call over " + BOUND.toSeconds() + " s (socket timeout " + SOCKET_TIMEOUT.toSeconds()
                                + " s, retry time limit " + TIME_LIMIT.toSeconds() + " s, pool wait "
                                + ACQUISITION.toSeconds() + " s), every call during a silence failed, the server"
                                + " ends silent sessions (idle_in_transaction_session_timeout "
                                + SERVER_IDLE_IN_TRANSACTION.toSeconds() + " s), I1, I2, I4, I8, a stored command"
                                + " never reported failed without the warning, money",
                        "held: " + found.commandsStored() + " commands stored, " + found.events() + " events");
            }
        }
    }

    /**
     * The network goes silent right after the client sent a chosen message, so the server did the work
     * and its answer is lost, and heals a second later. After a COMMIT the command is stored but the
     * caller's connection never hears it: the executor must find it by its command id and report it
     * acknowledged, stored once. After the append (ec_append) the server's session holds the streams'
     * locks, idle in its transaction, until the server ends it: the retry must wait for that, then
     * store the command once.
     */
    @ParameterizedTest
    @ValueSource(strings = {"COMMIT", "ec_append("})
    void a_command_whose_answer_the_silence_swallowed_is_stored_once_and_reported_rightly(String lostAfter)
            throws Exception {
        String direct = databaseThatEndsSilentSessions();
        URI target = URI.create(direct.substring("jdbc:".length()));
        int accounts = 4;
        try (SilentProxy proxy = new SilentProxy(target.getHost(), target.getPort())) {
            // every statement sent with its text (a server-prepared one is sent by name only), so that
            // the proxy finds the message it waits for
            String proxied = throughProxy(proxy, target) + "&prepareThreshold=0";
            try (Ledger ledger = Ledger.connect(proxied, 2, ACQUISITION, STATEMENT_TIMEOUT)) {
                List<StreamId> names =
                        ledger.open("lost-" + (lostAfter.startsWith("ec") ? "append" : "commit"), accounts);
                // long enough to outlast the lost answer (a socket timeout) and the server's end of the session
                TransferLoad load = new TransferLoad(
                        ledger.executor(RetryPolicy.DEFAULT.withTimeLimit(Duration.ofSeconds(15))), names);
                proxy.goSilentAfterClientSends(lostAfter, Duration.ofSeconds(1));
                TransferLoad.Call call = load.transferOnce();
                load.record(call);
                assertThat(proxy.brokenConnections())
                        .as("the silence fell on the command's connection")
                        .isPositive();
                if (lostAfter.equals("COMMIT")) {
                    assertThat(call.outcome())
                            .as("stored by the lost COMMIT, found by its command id: %s", call)
                            .isEqualTo(TransferLoad.Outcome.ACKNOWLEDGED_AFTER_LOOK_UP);
                } else {
                    assertThat(call.outcome())
                            .as("the lost append rolled back with its session; the retry stored it: %s", call)
                            .isEqualTo(TransferLoad.Outcome.ACKNOWLEDGED);
                }
                Map<CommandId, TransferLoad.Call> calls = Map.of(call.id(), call);
                Invariants.Found found = Invariants.check(
                        direct,
                        ledger.store,
                        accounts,
                        TransferLoad.acknowledged(calls),
                        TransferLoad.mayBeStored(calls));
                assertThat(found.commandsStored())
                        .as("the openings and the one transfer")
                        .isEqualTo(accounts + 1);
                FaultReport.row(
                        "The network silent right after the client sent " + lostAfter
                                + " (the server did the work, its answer lost), healed 1 s later (SilentNetworkIT)",
                        1,
                        "1 transfer: " + call.outcome() + " after " + TimeUnit.NANOSECONDS.toMillis(call.nanos())
                                + " ms (" + call.failure() + ")",
                        "reported acknowledged, stored once (I1, I2, I4, I8), money",
                        "held: " + found.commandsStored() + " commands stored, " + found.events() + " events");
            } finally {
                resetServerTimeout(direct);
            }
        }
    }
}
