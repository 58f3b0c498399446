package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eventcore.CommandId;
import org.eventcore.StreamId;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.jpa.TestDatabases;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * I8 under connection loss: while threads transfer money, another connection terminates the
 * application's server processes at random moments ({@code pg_terminate_backend}) — in the middle
 * of a statement, between the statements of a transaction, and during COMMIT. No command may be
 * stored in part, and every command a caller was told succeeded must be stored exactly once.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConnectionKillIT {

    @ParameterizedTest
    @ValueSource(strings = {"resource-local", "JTA"})
    void connections_killed_at_random_moments_leave_no_partial_command_and_every_acknowledged_one_stored_once(
            String transactions) throws Exception {
        String url = TestDatabases.createDatabase();
        String database = TestDatabases.databaseName(url);
        Duration load = Duration.ofSeconds(FaultReport.scale(6, 60));
        int accounts = 12;
        try (Ledger ledger = Ledger.connect(url, 8);
                Ledger.Jta jta = ledger.jta(8)) {
            List<StreamId> names = ledger.open("kill", accounts);
            RetryPolicy policy = RetryPolicy.DEFAULT
                    .withMaxAttempts(12)
                    .withBaseDelay(Duration.ofMillis(2))
                    .withMaxDelay(Duration.ofMillis(200));
            CommandExecutor executor = transactions.equals("JTA") ? jta.executor(policy) : ledger.executor(policy);
            TransferLoad transfers = new TransferLoad(executor, names).start(6, id -> {});
            Map<String, Long> kills = new TreeMap<>();
            AtomicBoolean stop = new AtomicBoolean();
            CompletableFuture<Void> killer =
                    CompletableFuture.runAsync(() -> new ConnectionKiller(database, 0, 40, 100).run(stop, kills));
            Thread.sleep(load.toMillis());
            stop.set(true);
            killer.get(1, TimeUnit.MINUTES);
            Map<CommandId, TransferLoad.Call> calls = transfers.stop();

            Set<CommandId> acknowledged = TransferLoad.acknowledged(calls);
            Invariants.Found found =
                    Invariants.check(url, ledger.store, accounts, acknowledged, TransferLoad.mayBeStored(calls));
            long killed = kills.values().stream().mapToLong(Long::longValue).sum();
            Map<TransferLoad.Outcome, Long> outcomes = TransferLoad.count(calls);
            assertThat(kills.getOrDefault("COMMIT", 0L))
                    .as("some connections were killed while committing (%s)", kills)
                    .isPositive();
            assertThat(acknowledged.size())
                    .as("the load made progress between the kills (%s)", outcomes)
                    .isGreaterThan(calls.size() / 2);
            FaultReport.row(
                    "connection killed (pg_terminate_backend) every 0-40 ms during transfers, 6 threads, "
                            + transactions + " transactions",
                    killed,
                    calls.size() + " transfers in " + load.toSeconds() + " s; kills " + kills + "; outcomes " + outcomes
                            + "; failures " + TransferLoad.failures(calls),
                    "I1 none partial, I2 gapless, I4 log complete, I8 every acknowledged one stored once"
                            + " (by command id), money conserved",
                    "held: " + found.commandsStored() + " commands stored, " + found.events() + " events");
        }
    }
}
