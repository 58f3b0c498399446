package org.eventcore.cdi.internal;

import jakarta.transaction.TransactionalException;
import java.util.function.Supplier;
import org.eventcore.spi.AttemptBoundaryTemplate;
import org.eventcore.spi.Failures;

/**
 * The bus's attempt boundary: each attempt in a new JTA transaction, begun and committed by the
 * container's {@code @Transactional(REQUIRES_NEW)} on {@link AttemptTransactions} (called through its
 * proxy). The template runs the hooks and reports a failed commit like every other boundary.
 */
final class JtaCdiBoundary extends AttemptBoundaryTemplate {

    private final AttemptTransactions transactions;

    JtaCdiBoundary(AttemptTransactions transactions) {
        this.transactions = transactions;
    }

    @Override
    protected <T> T inTransaction(Supplier<T> body) {
        boolean[] bodyReturned = {false};
        try {
            return transactions.inNewTransaction(() -> {
                T result = body.get();
                bodyReturned[0] = true;
                return result;
            });
        } catch (TransactionalException e) {
            // the container's interceptor reports begin and commit failures this way; the body's own
            // failures pass through unwrapped
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw bodyReturned[0] ? commitFailed(cause) : Failures.beginFailure(cause);
        }
    }
}
