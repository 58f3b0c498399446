package org.eventcore.sample.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.eventcore.cdi.DurableProjections;
import org.eventcore.sample.banking.BalanceRow;
import org.eventcore.sample.banking.StatementLine;
import org.eventcore.sample.shop.InventoryRow;
import org.eventcore.sample.shop.LoyaltyRow;

/** Reads the sample's read models, optionally after waiting until a projection has passed a position. */
@ApplicationScoped
public class ReadModels {

    /** The longest a reader waits for its own write to reach a read model. */
    public static final Duration MAX_WAIT = Duration.ofSeconds(10);

    @Inject
    EntityManager em;

    @Inject
    DurableProjections projections;

    /**
     * Waits until projection {@code name} has passed {@code after} (an encoded global position, or null
     * for no wait), so that a caller reads its own write.
     *
     * @throws jakarta.ws.rs.ServiceUnavailableException (503) if it did not within {@link #MAX_WAIT}
     */
    public void awaitOrUnavailable(String name, String after) {
        if (after != null && !projections.awaitPosition(name, GlobalPosition.decode(after), MAX_WAIT)) {
            throw new jakarta.ws.rs.ServiceUnavailableException("the read model \"" + name + "\" has not reached "
                    + after + " within " + MAX_WAIT.toSeconds() + " s; try again");
        }
    }

    public Optional<BalanceRow> balance(String account) {
        return Optional.ofNullable(em.find(BalanceRow.class, account));
    }

    public List<BalanceRow> balances() {
        return em.createQuery("select b from BalanceRow b order by b.account", BalanceRow.class)
                .getResultList();
    }

    public List<StatementLine> statement(String account) {
        return em.createQuery(
                        "select l from StatementLine l where l.account = :account order by l.version",
                        StatementLine.class)
                .setParameter("account", account)
                .getResultList();
    }

    public Optional<InventoryRow> inventory(String product) {
        return Optional.ofNullable(em.find(InventoryRow.class, product));
    }

    public Optional<LoyaltyRow> loyalty(String customer) {
        return Optional.ofNullable(em.find(LoyaltyRow.class, customer));
    }
}
