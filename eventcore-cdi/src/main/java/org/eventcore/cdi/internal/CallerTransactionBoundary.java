package org.eventcore.cdi.internal;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import org.eventcore.spi.AttemptBoundary;
import org.eventcore.spi.AttemptHooks;

/**
 * The attempt boundary of a command executed inside the caller's JTA transaction: it begins and
 * commits nothing; the work and the before-commit hooks run in the caller's transaction, and the
 * after-commit or after-rollback hooks run when that transaction completes, whenever the caller
 * commits it.
 */
final class CallerTransactionBoundary implements AttemptBoundary {

    private final TransactionSynchronizationRegistry registry;

    CallerTransactionBoundary(TransactionSynchronizationRegistry registry) {
        this.registry = registry;
    }

    /** The caller's transaction: a snapshot waits for a command in a transaction of its own. */
    @Override
    public boolean joinsCallerTransaction() {
        return true;
    }

    @Override
    public <T> T execute(AttemptWork<T> work) {
        AttemptHooks hooks = new AttemptHooks();
        registry.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    hooks.runAfterCommit();
                } else {
                    hooks.runAfterRollback();
                }
            }
        });
        T result = work.run(hooks);
        hooks.runBeforeCommit();
        return result;
    }
}
