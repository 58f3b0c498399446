package org.eventcore.jpa;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.HeuristicMixedException;
import jakarta.transaction.HeuristicRollbackException;
import jakarta.transaction.NotSupportedException;
import jakarta.transaction.RollbackException;
import jakarta.transaction.Status;
import jakarta.transaction.SystemException;
import jakarta.transaction.TransactionManager;
import java.lang.System.Logger.Level;
import java.util.Objects;
import java.util.function.Supplier;
import org.eventcore.CommitOutcomeUnknownException;
import org.eventcore.StoreUnavailableException;
import org.eventcore.jpa.internal.SqlFailures;
import org.eventcore.jpa.messages.JpaMessages;
import org.eventcore.spi.AttemptBoundary;
import org.eventcore.spi.AttemptBoundaryTemplate;
import org.eventcore.spi.Failures;

/**
 * One JTA transaction per attempt of a command: the executor's {@link AttemptBoundary} over a
 * {@link TransactionManager}, for a store reached through {@link JtaJpa} (or a container-managed
 * entity manager). Each attempt begins a new transaction, runs the work and the before-commit hooks
 * and commits; when the work or a hook throws, it rolls back. A retry therefore never reuses the
 * transaction of a failed attempt.
 *
 * <pre>{@code
 * TransactionManager tm = ...; // the server's, or com.arjuna.ats.jta.TransactionManager.transactionManager()
 * JpaEventStore store = JpaEventStore.create(JtaJpa.create(emf, registry), serializer, JpaStoreSettings.DEFAULT);
 * CommandExecutor executor = CommandExecutor.create(store,
 *         ExecutorSettings.DEFAULT.withBoundary(JtaAttemptBoundary.create(tm)));
 * }</pre>
 *
 * <p>Contract: the calling thread must not be in a transaction; an attempt refuses to start inside
 * one (an {@link IllegalStateException}, EC3011) rather than join it, because an attempt that fails
 * must be rolled back alone. Running a command inside the caller's transaction is the CDI layer's
 * job. A failed commit is reported in EventCore's error tree: a lost connection, a heuristic mixed
 * outcome or a failure of the transaction manager leaves the outcome unknown
 * ({@link CommitOutcomeUnknownException}, so the executor looks the command up before running it
 * again); a transaction rolled back instead of committed (timed out, marked for rollback) is a
 * transient {@link StoreUnavailableException}; other database failures are classified by SQL state.
 * After-commit and after-rollback hooks run once the transaction has ended, outside of any
 * transaction; their failures are logged, not thrown.
 *
 * <p>Thread-safe: the transaction manager associates each transaction with the thread that began it;
 * one boundary serves any number of threads.
 */
public final class JtaAttemptBoundary extends AttemptBoundaryTemplate {

    private static final System.Logger LOG = System.getLogger(JtaAttemptBoundary.class.getName());

    private final TransactionManager transactionManager;

    private JtaAttemptBoundary(TransactionManager transactionManager) {
        this.transactionManager = Objects.requireNonNull(transactionManager, "transactionManager");
    }

    /** A boundary that begins the transactions of its attempts with {@code transactionManager}. */
    public static JtaAttemptBoundary create(TransactionManager transactionManager) {
        return new JtaAttemptBoundary(transactionManager);
    }

    @Override
    protected <T> T inTransaction(Supplier<T> body) {
        begin();
        T result;
        try {
            result = body.get();
        } catch (RuntimeException | Error e) {
            rollback();
            throw e;
        }
        try {
            transactionManager.commit();
        } catch (RollbackException
                | HeuristicMixedException
                | HeuristicRollbackException
                | SystemException
                | RuntimeException e) {
            leaveTransaction();
            throw commitFailed(e);
        }
        return result;
    }

    @Override
    protected RuntimeException workFailed(RuntimeException failure) {
        return failure instanceof PersistenceException p ? SqlFailures.translate(p, "attempt") : failure;
    }

    private void begin() {
        int status;
        try {
            status = transactionManager.getStatus();
        } catch (SystemException e) {
            throw cannotBegin(e);
        }
        if (status != Status.STATUS_NO_TRANSACTION) {
            throw new IllegalStateException(JpaMessages.jtaTransactionAlreadyPresent(JtaJpa.statusName(status)));
        }
        try {
            transactionManager.begin();
        } catch (NotSupportedException | SystemException e) {
            throw cannotBegin(e);
        }
    }

    private static StoreUnavailableException cannotBegin(Exception e) {
        return Failures.beginFailure(e);
    }

    /** Rolls the attempt's transaction back; whatever happens, the thread leaves it. */
    private void rollback() {
        try {
            transactionManager.rollback();
        } catch (SystemException | RuntimeException e) {
            LOG.log(Level.WARNING, JpaMessages.jtaRollbackFailed(false), e);
        }
        leaveTransaction();
    }

    /** Makes sure the thread is no longer associated with the attempt's transaction. */
    private void leaveTransaction() {
        try {
            if (transactionManager.getStatus() != Status.STATUS_NO_TRANSACTION) {
                transactionManager.suspend();
            }
        } catch (SystemException | RuntimeException e) {
            LOG.log(Level.WARNING, JpaMessages.jtaRollbackFailed(true), e);
        }
    }
}
