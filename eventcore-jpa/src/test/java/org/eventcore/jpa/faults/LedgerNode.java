package org.eventcore.jpa.faults;

import java.io.PrintStream;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import org.eventcore.StreamId;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.jpa.JpaCheckpointStore;
import org.eventcore.jpa.JpaProjectionLeases;
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
 * <p>Arguments: the database URL, this node's id, the number of accounts.
 */
public final class LedgerNode {

    /** The projection's name. */
    static final String PROJECTION = "fault-balances";

    /** The read model's upsert: not idempotent, so an event applied twice would show. */
    static final String UPSERT = "insert into fault_balances (account, balance, events) values (?1, ?2, 1)"
            + " on conflict (account) do update set balance = fault_balances.balance + excluded.balance,"
            + " events = fault_balances.events + 1";

    private LedgerNode() {}

    /** The projection of the read model over {@code ledger}'s entity managers. */
    static ProjectionDefinition projection(Ledger ledger) {
        ProjectionHandler handler = event -> ledger.jpa.withEntityManager(em -> em.createNativeQuery(UPSERT)
                .setParameter(1, event.streamId().value())
                .setParameter(2, Move.signed((ContractEvent) event.payload()))
                .executeUpdate());
        return ProjectionDefinition.of(PROJECTION, handler)
                .withBatchSize(50)
                .withPollInterval(Duration.ofMillis(20))
                .withLeaseDuration(Duration.ofSeconds(2));
    }

    /** A runner of the projection on node {@code node}. */
    static ProjectionRunner runner(Ledger ledger, String node) {
        return ProjectionRunner.builder(projection(ledger))
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
        List<StreamId> names = new ArrayList<>();
        for (int i = 0; i < accounts; i++) {
            names.add(StreamId.of(JvmKillIT.PREFIX + "-account-" + i));
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
