package org.eventcore.jpa.bench;

import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.eventcore.StreamId;
import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.testkit.contract.StoreFixture;

/**
 * Prints the PostgreSQL plans of the store's hot queries on a loaded table (20,000 streams of 10
 * events), for the manual page "PostgreSQL and JPA". A program, run by hand.
 */
public final class ExplainHotQueries {

    public static void main(String[] args) throws Exception {
        JpaEventStore store = TestDatabases.postgresStore("eventcore-hibernate");
        StoreFixture fixture = StoreFixture.withPrefix("explain");
        for (int s = 0; s < 20_000; s++) {
            StreamId id = fixture.stream("s" + s);
            StoreFixture.RequestBuilder b = request().expect(id, 0);
            for (int i = 0; i < 10; i++) {
                b.write(id, event(i));
            }
            b.appendTo(store);
        }
        String a = fixture.stream("s17").value();
        String b = fixture.stream("s4242").value();
        try (Connection c = TestDatabases.adminConnection()) {
            c.createStatement().execute("analyze");
            explain(
                    c,
                    "read streams",
                    "select * from ec_events where stream_id in (?, ?) order by stream_id, stream_version",
                    a,
                    b);
            explain(c, "stream versions", "select * from ec_streams where stream_id in (?, ?)", a, b);
            explain(c, "command look-up", "select command_id from ec_commands where command_id = ?", "some-command");
            explain(
                    c,
                    "events of a command",
                    "select * from ec_events where causation_id = ? order by tx_id, global_position",
                    "some-command");
            long tx;
            long position;
            try (ResultSet rs = c.createStatement()
                    .executeQuery("select tx_id, global_position from ec_events order by tx_id, global_position"
                            + " offset 150000 limit 1")) {
                rs.next();
                tx = rs.getLong(1);
                position = rs.getLong(2);
            }
            explain(
                    c,
                    "global log page, from the middle of the log",
                    "select * from ec_events where tx_id >= " + tx
                            + " and tx_id < cast(cast(pg_snapshot_xmin(pg_current_snapshot()) as text) as bigint)"
                            + " and (tx_id > " + tx + " or global_position > " + position + ")"
                            + " order by tx_id, global_position limit 100");
        }
        System.exit(0);
    }

    private static void explain(Connection c, String title, String sql, String... params) throws Exception {
        try (PreparedStatement ps =
                c.prepareStatement("explain (analyze, costs off, timing off, summary off) " + sql)) {
            for (int i = 0; i < params.length; i++) {
                ps.setString(i + 1, params[i]);
            }
            System.out.println("-- " + title);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    System.out.println(rs.getString(1));
                }
            }
        }
    }
}
