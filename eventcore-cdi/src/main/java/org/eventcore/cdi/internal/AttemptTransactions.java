package org.eventcore.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.function.Supplier;

/**
 * Runs one attempt in a new JTA transaction. A separate bean, called through its proxy, because a
 * library interceptor cannot wrap the container's {@code @Transactional} interceptor on the same
 * method: this way every attempt of the bus's retry loop gets a fresh transaction.
 */
@ApplicationScoped
public class AttemptTransactions {

    /** Runs {@code work} in a new transaction, committed when it returns. */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public <T> T inNewTransaction(Supplier<T> work) {
        return work.get();
    }
}
