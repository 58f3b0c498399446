package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.eventcore.GlobalPosition;
import org.eventcore.jpa.TestDatabases;

/**
 * Checks {@code fault_handled}, where {@link LedgerNode}'s projection records who handled each event:
 * every event up to the checkpoint handled exactly once, and by one lease holder at a time. On every
 * committed row the lease owner seen in the handler's transaction is the handling node itself (a batch
 * run by a node that had lost its lease never committed); in the log's order the fencing epochs never
 * go back and each epoch belongs to one node, so no two nodes advanced the projection in turns within
 * one lease, and a node never committed after a newer lease was granted.
 */
final class HandledEvents {

    /** What the table showed: rows, leases (epochs) that committed work, nodes that did, hand-overs. */
    record Found(long rows, int epochs, int nodes, int handOvers) {}

    private HandledEvents() {}

    /** Checks the table against {@code expectedEvents}, the number of events up to {@code checkpoint}. */
    static Found check(String url, GlobalPosition checkpoint, long expectedEvents) throws Exception {
        List<Object[]> rows = new ArrayList<>();
        try (Connection c = TestDatabases.adminConnection(url);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select log_epoch, log_offset, node, fencing_epoch, lease_owner"
                        + " from fault_handled order by log_epoch, log_offset, fencing_epoch")) {
            while (r.next()) {
                rows.add(new Object[] {
                    GlobalPosition.of(r.getLong(1), r.getLong(2)), r.getString(3), r.getLong(4), r.getString(5)
                });
            }
        }
        List<String> twice = new ArrayList<>();
        List<String> notOwner = new ArrayList<>();
        List<String> backwards = new ArrayList<>();
        Map<Long, String> nodeOfEpoch = new HashMap<>();
        List<String> shared = new ArrayList<>();
        GlobalPosition previous = null;
        long previousEpoch = Long.MIN_VALUE;
        int handOvers = 0;
        for (Object[] row : rows) {
            GlobalPosition position = (GlobalPosition) row[0];
            String node = (String) row[1];
            long epoch = (Long) row[2];
            if (position.equals(previous)) {
                twice.add(position + " (again by " + node + ", epoch " + epoch + ")");
            }
            if (!node.equals(row[3])) {
                notOwner.add(position + " by " + node + " while the lease was " + row[3] + "'s");
            }
            if (epoch < previousEpoch) {
                backwards.add(position + " by epoch " + epoch + " after epoch " + previousEpoch);
            } else if (previous != null && epoch > previousEpoch) {
                handOvers++;
            }
            String first = nodeOfEpoch.putIfAbsent(epoch, node);
            if (first != null && !first.equals(node)) {
                shared.add("epoch " + epoch + ": " + first + " and " + node);
            }
            previous = position;
            previousEpoch = Math.max(previousEpoch, epoch);
        }
        assertThat(twice).as("events handled twice in the read model").isEmpty();
        assertThat(notOwner)
                .as("work committed by a node that did not hold the lease")
                .isEmpty();
        assertThat(backwards)
                .as("work committed under an older lease after a newer one had committed")
                .isEmpty();
        assertThat(shared).as("one lease, one node").isEmpty();
        assertThat(rows)
                .as("every event up to the checkpoint %s handled (once)", checkpoint)
                .hasSize((int) expectedEvents);
        if (!rows.isEmpty()) {
            assertThat((GlobalPosition) rows.get(rows.size() - 1)[0])
                    .as("nothing handled past the checkpoint")
                    .isEqualTo(checkpoint);
        }
        return new Found(rows.size(), nodeOfEpoch.size(), new TreeSet<>(nodeOfEpoch.values()).size(), handOvers);
    }
}
