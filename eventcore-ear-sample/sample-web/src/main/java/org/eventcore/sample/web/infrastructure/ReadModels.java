package org.eventcore.sample.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.List;
import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.eventcore.jpa.entity.EventRecord;
import org.eventcore.sample.banking.BalanceRow;
import org.eventcore.sample.banking.StatementLine;
import org.eventcore.sample.shop.InventoryRow;
import org.eventcore.sample.shop.LoyaltyRow;

/** Reads the sample's read models; who may see which rows is decided by the resources. */
@ApplicationScoped
public class ReadModels {

    @Inject
    EntityManager em;

    public Optional<BalanceRow> balance(String account) {
        return Optional.ofNullable(em.find(BalanceRow.class, account));
    }

    /** Every account's balance. */
    public List<BalanceRow> balances() {
        return em.createQuery("select b from BalanceRow b order by b.account", BalanceRow.class)
                .getResultList();
    }

    /** The balances of the accounts {@code owner} owns. */
    public List<BalanceRow> balancesOf(String owner) {
        return em.createQuery("select b from BalanceRow b where b.owner = :owner order by b.account", BalanceRow.class)
                .setParameter("owner", owner)
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

    /**
     * The position of the newest event stored, committed or not yet readable by the log's followers
     * (whose head waits for older transactions still in flight): the JPA store's positions are the
     * (transaction id, position) columns of its public entity {@link EventRecord}.
     */
    public GlobalPosition newestStored() {
        List<Object[]> newest = em.createQuery(
                        "select e.txId, e.globalPosition from EventRecord e order by e.txId desc, e.globalPosition desc",
                        Object[].class)
                .setMaxResults(1)
                .getResultList();
        return newest.isEmpty()
                ? GlobalPosition.start()
                : GlobalPosition.of(((Number) newest.get(0)[0]).longValue(), ((Number) newest.get(0)[1]).longValue());
    }

    public Optional<LoyaltyRow> loyalty(String customer) {
        return Optional.ofNullable(em.find(LoyaltyRow.class, customer));
    }
}
