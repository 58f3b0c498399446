package org.eventcore.spi;

import java.util.function.Supplier;

/**
 * The one way an attempt runs, for implementations of {@link AttemptBoundary}: a subclass says how to
 * run a piece of work in a new transaction ({@link #inTransaction}); the template gives the work its
 * hooks, runs the before-commit hooks inside the transaction, the after-commit or after-rollback
 * hooks once it has ended, and reports a failed commit in EventCore's error tree through
 * {@link Failures#commitFailure}, the same for every boundary.
 *
 * <pre>{@code
 * final class MyBoundary extends AttemptBoundaryTemplate {
 *     protected <T> T inTransaction(Supplier<T> body) {
 *         Tx tx = begin();
 *         T result;
 *         try {
 *             result = body.get();
 *         } catch (RuntimeException | Error e) {
 *             tx.rollback();
 *             throw e;
 *         }
 *         try {
 *             tx.commit();
 *         } catch (Exception e) {
 *             throw commitFailed(e);
 *         }
 *         return result;
 *     }
 * }
 * }</pre>
 *
 * <p>Implementations are thread-safe when their {@code inTransaction} is.
 */
public abstract class AttemptBoundaryTemplate implements AttemptBoundary {

    /** For subclasses. */
    protected AttemptBoundaryTemplate() {}

    @Override
    public final <T> T execute(AttemptWork<T> work) {
        AttemptHooks hooks = new AttemptHooks();
        T result;
        try {
            result = inTransaction(() -> {
                T r = work.run(hooks);
                hooks.runBeforeCommit();
                return r;
            });
        } catch (CommitFailure failure) {
            hooks.runAfterRollback();
            throw Failures.commitFailure(failure.getCause());
        } catch (RuntimeException failure) {
            hooks.runAfterRollback();
            throw workFailed(failure);
        } catch (Error failure) {
            hooks.runAfterRollback();
            throw failure;
        }
        hooks.runAfterCommit();
        return result;
    }

    /**
     * Runs {@code body} in a new transaction: commits when it returns and gives back its result; when
     * it throws, rolls back and throws the same. When the commit itself fails, throws
     * {@link #commitFailed commitFailed(cause)}; when the transaction cannot begin, throws what
     * {@link Failures#beginFailure} gives.
     */
    protected abstract <T> T inTransaction(Supplier<T> body);

    /** What {@link #inTransaction} throws when the commit failed with {@code cause}. */
    protected static RuntimeException commitFailed(Throwable cause) {
        return new CommitFailure(cause);
    }

    /**
     * Translates a failure of the work or of beginning the transaction, after the roll back; the
     * default throws it as it is. A JPA boundary, for example, translates persistence exceptions.
     */
    protected RuntimeException workFailed(RuntimeException failure) {
        return failure;
    }

    /** Carries a failed commit from {@link #inTransaction} to {@link #execute}; never leaves the template. */
    private static final class CommitFailure extends RuntimeException {
        private static final long serialVersionUID = 1L;

        CommitFailure(Throwable cause) {
            super(cause);
        }
    }
}
