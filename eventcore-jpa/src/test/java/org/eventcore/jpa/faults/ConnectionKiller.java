package org.eventcore.jpa.faults;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eventcore.jpa.TestDatabases;

/**
 * Terminates the application role's connections to one database ({@code pg_terminate_backend}) until
 * told to stop: after a random pause, in turn a random busy connection (in a statement, or idle in a
 * transaction) and one caught in {@code COMMIT} (polled for a while). Counts the kills by what the
 * connection was doing.
 *
 * @param database the database whose connections are killed
 * @param minPauseMillis the shortest pause between two kills
 * @param maxPauseMillis the longest pause
 * @param huntMillis how long to poll for a connection in {@code COMMIT}
 */
record ConnectionKiller(String database, int minPauseMillis, int maxPauseMillis, int huntMillis) {

    /** Kills until {@code stop} is set; adds each kill to {@code kills} under what the connection was doing. */
    void run(AtomicBoolean stop, Map<String, Long> kills) {
        String busy = "select pid, state, query from pg_stat_activity where usename = ? and datname = ?"
                + " and pid <> pg_backend_pid() and state in ('active', 'idle in transaction')";
        try (Connection admin = TestDatabases.adminConnection();
                PreparedStatement any = admin.prepareStatement(busy + " order by random() limit 1");
                PreparedStatement committing =
                        admin.prepareStatement(busy + " and state = 'active' and query ilike 'commit%' limit 1");
                PreparedStatement terminate = admin.prepareStatement("select pg_terminate_backend(?)")) {
            for (PreparedStatement s : List.of(any, committing)) {
                s.setString(1, TestDatabases.APP_USER);
                s.setString(2, database);
            }
            for (long round = 0; !stop.get(); round++) {
                Thread.sleep(minPauseMillis + ThreadLocalRandom.current().nextInt(maxPauseMillis - minPauseMillis + 1));
                boolean hunt = round % 2 == 1;
                long giveUp = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(huntMillis);
                do {
                    try (ResultSet r = (hunt ? committing : any).executeQuery()) {
                        if (r.next()) {
                            String doing = r.getString(2).equals("active")
                                    ? r.getString(3).strip().split("\\s+", 2)[0].toUpperCase(Locale.ROOT)
                                    : "idle in transaction";
                            terminate.setInt(1, r.getInt(1));
                            try (ResultSet t = terminate.executeQuery()) {
                                if (t.next() && t.getBoolean(1)) {
                                    synchronized (kills) {
                                        kills.merge(doing, 1L, Long::sum);
                                    }
                                }
                            }
                            break;
                        }
                    }
                } while (hunt && System.nanoTime() < giveUp && !stop.get());
            }
        } catch (Exception e) {
            throw new IllegalStateException("the killer failed", e);
        }
    }
}
