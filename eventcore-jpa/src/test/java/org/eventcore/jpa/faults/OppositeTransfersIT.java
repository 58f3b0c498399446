package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventcore.CommandId;
import org.eventcore.StreamId;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.jpa.TestDatabases;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Transfers in both directions between the same two accounts from eight threads: the store locks the
 * streams of an append in one global order, so PostgreSQL never has to break a deadlock (its own
 * counter for the database stays at zero) and every transfer ends as stored, rejected by the funds
 * rule, or a plain conflict.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class OppositeTransfersIT {

    private static long deadlocks(String database) throws Exception {
        try (Connection c = TestDatabases.adminConnection();
                PreparedStatement s = c.prepareStatement("select deadlocks from pg_stat_database where datname = ?")) {
            s.setString(1, database);
            try (ResultSet r = s.executeQuery()) {
                r.next();
                return r.getLong(1);
            }
        }
    }

    @Test
    void transfers_in_opposite_directions_between_the_same_accounts_never_deadlock() throws Exception {
        String url = TestDatabases.createDatabase();
        String database = TestDatabases.databaseName(url);
        Duration load = Duration.ofSeconds(FaultReport.scale(6, 60));
        try (Ledger ledger = Ledger.connect(url, 8)) {
            List<StreamId> two = ledger.open("opposite", 2);
            TransferLoad transfers =
                    new TransferLoad(ledger.executor(RetryPolicy.DEFAULT.withMaxAttempts(20)), two).start(8, id -> {});
            Thread.sleep(load.toMillis());
            Map<CommandId, TransferLoad.Call> calls = transfers.stop();

            Set<CommandId> acknowledged = TransferLoad.acknowledged(calls);
            Map<String, Long> failures = TransferLoad.failures(calls);
            assertThat(failures.keySet())
                    .as("only conflicts may exhaust the retries")
                    .allSatisfy(f -> assertThat(f).isEqualTo("StreamConflictException EC1200"));
            // the statistics collector reports with a delay of up to half a second
            Thread.sleep(1_000);
            assertThat(deadlocks(database)).as("deadlocks PostgreSQL detected").isZero();
            Invariants.Found found =
                    Invariants.check(url, ledger.store, 2, acknowledged, TransferLoad.mayBeStored(calls));
            FaultReport.row(
                    "transfers A to B and B to A at once between the same two accounts, 8 threads",
                    1,
                    calls.size() + " transfers in " + load.toSeconds() + " s; outcomes " + TransferLoad.count(calls)
                            + "; failures " + failures,
                    "no deadlock (pg_stat_database.deadlocks = 0), only conflicts exhaust, I1, I2, I4, I8, money",
                    "held: " + found.commandsStored() + " commands stored, " + found.events() + " events");
        }
    }
}
