package org.eventcore.sample.web.banking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eventcore.cdi.EventContext;
import org.eventcore.cdi.Projection;
import org.eventcore.cdi.ProjectionOptions;
import org.eventcore.cdi.ProjectionReset;
import org.eventcore.projection.ErrorPolicy;
import org.eventcore.sample.banking.AccountEvent.AccountOpened;
import org.eventcore.sample.banking.AccountEvent.MoneyDeposited;
import org.eventcore.sample.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.sample.banking.BalanceRow;

/** The durable projection "balances": one row per account, in the runner's transaction. */
@ApplicationScoped
@ProjectionOptions(projection = "balances", errorPolicy = ErrorPolicy.RETRY, pollIntervalMillis = 200)
public class BalancesProjection {

    @Inject
    EntityManager em;

    void opened(@Observes @Projection("balances") AccountOpened opened, EventContext context) {
        em.persist(new BalanceRow(context.streamId().value(), opened.owner()));
    }

    void deposited(@Observes @Projection("balances") MoneyDeposited deposited, EventContext context) {
        row(context).add(deposited.cents());
    }

    void withdrawn(@Observes @Projection("balances") MoneyWithdrawn withdrawn, EventContext context) {
        row(context).add(-withdrawn.cents());
    }

    /**
     * The reset of a rebuild asked through the console: the balances are sums over each account's whole stream, so
     * they are rebuilt from the start of the log only.
     */
    void reset(@Observes @Projection("balances") ProjectionReset reset) {
        if (!reset.fromStart()) {
            throw new IllegalArgumentException("balances are rebuilt from the start of the log only");
        }
        em.createQuery("delete from BalanceRow").executeUpdate();
    }

    private BalanceRow row(EventContext context) {
        BalanceRow row = em.find(BalanceRow.class, context.streamId().value());
        if (row == null) {
            throw new IllegalStateException("no balance row for " + context.streamId() + " at " + context.position());
        }
        return row;
    }
}
