package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.eventcore.CommandId;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.spi.GlobalLogReader;
import org.eventcore.testkit.contract.ContractEvent;

/**
 * The invariants of the manual's Design page, checked in the database after a fault run, against what the callers were
 * told: I1 (every command's events are all there or none is), I2 (stream versions 1..n without gap,
 * the stream table agreeing), I4 (the log read from the start through the store gives every event
 * once, in increasing positions), I8 (every acknowledged command stored exactly once, checked by
 * command id), and money conserved with no account below zero.
 */
final class Invariants {

    /** What was found: the figures a report prints. */
    record Found(long events, long commandsStored, long streams, long total) {}

    private Invariants() {}

    /**
     * Checks the database at {@code url} holding {@code accounts} accounts opened with
     * {@link Ledger#OPENING_BALANCE} and transfers; {@code acknowledged} are the command ids whose
     * callers were told they succeeded.
     */
    static Found check(String url, GlobalLogReader log, int accounts, Set<CommandId> acknowledged) throws SQLException {
        return check(url, log, accounts, acknowledged, null);
    }

    /**
     * As {@link #check(String, GlobalLogReader, int, Set)}, and when every caller's answer is known
     * ({@code mayBeStored} not null): a stored command that was not acknowledged must be one whose
     * caller was told it may be stored — no caller was told "failed" about a command that was stored.
     */
    static Found check(
            String url, GlobalLogReader log, int accounts, Set<CommandId> acknowledged, Set<CommandId> mayBeStored)
            throws SQLException {
        try (Connection c = DriverManager.getConnection(url, TestDatabases.APP_USER, TestDatabases.APP_PASSWORD)) {
            // I1 and I8: per command id, the events stored
            Map<String, long[]> perCommand = new HashMap<>();
            try (PreparedStatement s = c.prepareStatement("select causation_id, count(*), count(distinct stream_id)"
                            + " from ec_events group by causation_id");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    perCommand.put(r.getString(1), new long[] {r.getLong(2), r.getLong(3)});
                }
            }
            List<String> partial = new ArrayList<>();
            perCommand.forEach((id, counts) -> {
                long expected = id.startsWith("open-") ? 1 : 2;
                if (counts[0] != expected || counts[1] != expected) {
                    partial.add(id + " has " + counts[0] + " events in " + counts[1] + " streams");
                }
            });
            assertThat(partial)
                    .as("I1: every command stored whole (a transfer: 2 events in 2 streams)")
                    .isEmpty();
            Set<String> missing = new HashSet<>();
            for (CommandId id : acknowledged) {
                if (!perCommand.containsKey(id.value())) {
                    missing.add(id.value());
                }
            }
            assertThat(missing)
                    .as(
                            "I8: acknowledged commands that are not stored; their attempts: %s",
                            AttemptHistory.ALL.describe(missing))
                    .isEmpty();
            if (mayBeStored != null) {
                Set<String> toldFailed = new HashSet<>();
                for (String id : perCommand.keySet()) {
                    CommandId command = CommandId.of(id);
                    if (!id.startsWith("open-") && !acknowledged.contains(command) && !mayBeStored.contains(command)) {
                        toldFailed.add(id);
                    }
                }
                assertThat(toldFailed)
                        .as(
                                "stored commands whose callers were told they failed, without a warning that they"
                                        + " may be stored; their attempts: %s",
                                AttemptHistory.ALL.describe(toldFailed))
                        .isEmpty();
            }
            long commandRows = single(c, "select count(*) from ec_commands");
            long withoutRow = single(
                    c,
                    "select count(distinct e.causation_id) from ec_events e"
                            + " left join ec_commands k on k.command_id = e.causation_id where k.command_id is null");
            assertThat(withoutRow)
                    .as("every stored command has its idempotency key")
                    .isZero();
            assertThat(commandRows).as("one idempotency key per stored command").isEqualTo(perCommand.size());

            // I2: versions 1..n, no gap, no duplicate (count = max, min = 1); the stream table agrees
            List<String> gaps = new ArrayList<>();
            try (PreparedStatement s = c.prepareStatement("select e.stream_id, count(*), min(e.stream_version),"
                            + " max(e.stream_version), max(s.stream_version) from ec_events e"
                            + " left join ec_streams s on s.stream_id = e.stream_id group by e.stream_id");
                    ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (r.getLong(2) != r.getLong(4) || r.getLong(3) != 1 || r.getLong(5) != r.getLong(4)) {
                        gaps.add(r.getString(1) + ": " + r.getLong(2) + " events, versions " + r.getLong(3) + ".."
                                + r.getLong(4) + ", stream table " + r.getLong(5));
                    }
                }
            }
            assertThat(gaps).as("I2: stream versions gapless").isEmpty();
            long streams = single(c, "select count(*) from ec_streams");
            assertThat(streams).as("accounts").isEqualTo(accounts);

            // money conserved, no account below zero, the log complete
            Fold fold = fold(log, null);
            Map<String, Long> balances = fold.balances();
            long events = single(c, "select count(*) from ec_events");
            assertThat(fold.events())
                    .as("I4: the log read from the start holds every stored event once")
                    .isEqualTo(events);
            assertThat(balances.values())
                    .as("no account overdrawn")
                    .allSatisfy(b -> assertThat(b).isNotNegative());
            long total = balances.values().stream().mapToLong(Long::longValue).sum();
            assertThat(total).as("money conserved").isEqualTo(accounts * Ledger.OPENING_BALANCE);
            return new Found(events, perCommand.size(), streams, total);
        }
    }

    /**
     * Per account, folded from the log: {@code {balance, number of events}}; and the number of events
     * folded in all.
     */
    record Fold(Map<String, long[]> accounts, long events) {

        /** The balance of every account. */
        Map<String, Long> balances() {
            Map<String, Long> balances = new TreeMap<>();
            accounts.forEach((account, row) -> balances.put(account, row[0]));
            return balances;
        }
    }

    /**
     * The accounts folded from the log read through {@code log} from the start up to and including
     * {@code upTo} (all of it when null), checking on the way that positions increase (I4).
     */
    static Fold fold(GlobalLogReader log, GlobalPosition upTo) {
        Map<String, long[]> accounts = new TreeMap<>();
        long events = 0;
        GlobalPosition after = GlobalPosition.start();
        GlobalPosition previous = null;
        while (true) {
            List<StoredEvent<Object>> page = log.readLog(after, 1_000);
            if (page.isEmpty()) {
                return new Fold(accounts, events);
            }
            for (StoredEvent<Object> e : page) {
                if (upTo != null && e.position().compareTo(upTo) > 0) {
                    return new Fold(accounts, events);
                }
                events++;
                assertThat(previous == null || e.position().compareTo(previous) > 0)
                        .as("I4: log positions increase (%s after %s)", e.position(), previous)
                        .isTrue();
                previous = e.position();
                long[] row = accounts.computeIfAbsent(e.streamId().value(), k -> new long[2]);
                row[0] += Move.signed((ContractEvent) e.payload());
                row[1]++;
            }
            after = page.get(page.size() - 1).position();
        }
    }

    static long single(Connection c, String sql) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet r = s.executeQuery()) {
            r.next();
            return r.getLong(1);
        }
    }
}
