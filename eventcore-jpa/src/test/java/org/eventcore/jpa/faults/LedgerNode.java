package org.eventcore.jpa.faults;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.eventcore.StreamId;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.jpa.JpaCheckpointStore;
import org.eventcore.jpa.JpaProjectionLeases;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.projection.ProjectionDefinition;
import org.eventcore.projection.ProjectionHandler;
import org.eventcore.projection.ProjectionRunner;
import org.eventcore.testkit.contract.ContractEvent;

/**
 * One application node, run as a child process by {@link JvmKillIT} and killed with SIGKILL: four
 * threads transfer money between the accounts, and the durable projection {@value #PROJECTION} keeps
 * {@code fault_balances} (balance and event count per account) in the same transaction as its
 * checkpoint. Prints {@code ACK <command id>} for every command it was told succeeded, flushed before
 * the next command starts, and {@code READY} after the first (the node is warm).
 *
 * <p>Arguments: the database URL, this node's id, the number of accounts, and the accounts' stream
 * prefix (by default {@value JvmKillIT#PREFIX}).
 */
public final class LedgerNode {

    /** The projection's name. */
    static final String PROJECTION = "fault-balances";

    /** The read model's upsert: not idempotent, so an event applied twice would show. */
    static final String UPSERT = "insert into fault_balances (account, balance, events) values (?1, ?2, 1)"
            + " on conflict (account) do update set balance = fault_balances.balance + excluded.balance,"
            + " events = fault_balances.events + 1";

    private LedgerNode() {}

    /**
     * Records who handled an event, in the handler's transaction: the node, and the lease's epoch and
     * owner as the checkpoint row shows them at that moment. Not unique on purpose (an event handled
     * twice would show as two rows). A batch commits only if its fenced save finds its own epoch, so
     * on every committed row the owner is the node itself and the epoch is the one that saved.
     */
    static final String HANDLED = "insert into fault_handled (log_epoch, log_offset, node, fencing_epoch,"
            + " lease_owner) select ?1, ?2, ?3, fencing_epoch, lease_owner from ec_checkpoints"
            + " where projection_name = ?4";

    /** Creates the read model's tables in the database at {@code url}, for the application's role. */
    static void createReadModel(String url) throws Exception {
        try (Connection admin = TestDatabases.adminConnection(url);
                Statement s = admin.createStatement()) {
            s.execute("create table fault_balances (account varchar(255) primary key, balance bigint not null,"
                    + " events bigint not null)");
            s.execute("create table fault_handled (log_epoch bigint not null, log_offset bigint not null,"
                    + " node varchar(200) not null, fencing_epoch bigint not null, lease_owner varchar(200))");
            s.execute("grant select, insert, update, delete on fault_balances, fault_handled to eventcore_app");
        }
    }

    /** The projection of the read model over {@code ledger}'s entity managers, run by node {@code node}. */
    static ProjectionDefinition projection(Ledger ledger, String node) {
        ProjectionHandler handler = event -> ledger.jpa.withEntityManager(em -> {
            em.createNativeQuery(UPSERT)
                    .setParameter(1, event.streamId().value())
                    .setParameter(2, Move.signed((ContractEvent) event.payload()))
                    .executeUpdate();
            return em.createNativeQuery(HANDLED)
                    .setParameter(1, event.position().epoch())
                    .setParameter(2, event.position().offset())
                    .setParameter(3, node)
                    .setParameter(4, PROJECTION)
                    .executeUpdate();
        });
        return ProjectionDefinition.of(PROJECTION, handler)
                .withBatchSize(50)
                .withPollInterval(Duration.ofMillis(20))
                .withLeaseDuration(Duration.ofSeconds(2));
    }

    /** A runner of the projection on node {@code node}. */
    static ProjectionRunner runner(Ledger ledger, String node) {
        return ProjectionRunner.builder(projection(ledger, node))
                .log(ledger.store)
                .checkpoints(JpaCheckpointStore.create(ledger.jpa))
                .leases(JpaProjectionLeases.create(ledger.jpa, Clock.systemUTC()))
                .boundary(ledger.jpa)
                .executor(Executors.newCachedThreadPool())
                .owner(node)
                .build();
    }

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String node = args[1];
        int accounts = Integer.parseInt(args[2]);
        String prefix = args.length > 3 ? args[3] : JvmKillIT.PREFIX;
        List<StreamId> names = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            names.add(StreamId.of(prefix + "-account-" + i));
        }
        PrintStream out = System.out;
        Ledger ledger = Ledger.connect(url, 8);
        runner(ledger, node).start();
        boolean[] ready = {false};
        new TransferLoad(ledger.executor(RetryPolicy.DEFAULT), names).start(4, id -> {
            synchronized (out) {
                out.println("ACK " + id.value());
                if (!ready[0]) {
                    ready[0] = true;
                    out.println("READY");
                }
                out.flush();
            }
        });
        Thread.sleep(Long.MAX_VALUE);
    }
}
