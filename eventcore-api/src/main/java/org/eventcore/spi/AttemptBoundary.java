package org.eventcore.spi;

/**
 * The unit of work around one attempt of a command: in a database store, one transaction. The
 * executor's single retry loop calls {@link #execute} once per attempt, so a retry never reuses a
 * failed transaction.
 *
 * <p>Contract: entering {@code execute} begins a fresh unit of work; when {@code work} returns, the
 * boundary runs the {@linkplain Attempt#beforeCommit before-commit} hooks, commits, runs the
 * {@linkplain Attempt#afterCommit after-commit} hooks and returns the work's result; when
 * {@code work} or a before-commit hook throws, or the commit fails, it rolls back, runs the
 * {@linkplain Attempt#afterRollback after-rollback} hooks and throws. A commit failure is reported as
 * an {@link org.eventcore.EventCoreException}: {@link org.eventcore.CommitOutcomeUnknownException}
 * when it cannot tell whether the commit happened. Exceptions of after-commit hooks are logged, not
 * thrown: the attempt has committed.
 *
 * <p>Implementations: {@link #direct()} for stores whose append is itself the commit (the in-memory
 * store); a resource-local JPA transaction; a JTA transaction (in CDI, a separate
 * {@code @Transactional} bean called through its proxy). Implementations are thread-safe.
 */
public interface AttemptBoundary {

    /** Runs {@code work} as one attempt, committed if it returns, rolled back if it throws. */
    <T> T execute(AttemptWork<T> work);

    /**
     * Whether this boundary runs attempts inside the caller's own transaction instead of beginning one
     * of its own: then nothing may be written in a unit of work of its own through it after the
     * attempt (the caller's transaction has not committed yet), and the executor stores no snapshot
     * after such an attempt (the next command of the key in a transaction of its own does). False by
     * default.
     */
    default boolean joinsCallerTransaction() {
        return false;
    }

    /**
     * A boundary without a transaction, for stores whose append commits by itself: it only runs the
     * hooks. Nothing can be rolled back, so the executor makes the append the last step of an
     * attempt.
     */
    static AttemptBoundary direct() {
        return DirectAttemptBoundary.INSTANCE;
    }

    /** The work of one attempt. */
    @FunctionalInterface
    interface AttemptWork<T> {

        /** Does the attempt's work; {@code attempt} takes hooks for the attempt's end. */
        T run(Attempt attempt);
    }

    /** One running attempt: a place to register what must happen at its end. Not thread-safe. */
    interface Attempt {

        /** Runs {@code hook} after the work returned and before the commit; a failure rolls back. */
        void beforeCommit(Runnable hook);

        /** Runs {@code hook} after a successful commit. */
        void afterCommit(Runnable hook);

        /** Runs {@code hook} after a roll back. */
        void afterRollback(Runnable hook);
    }
}
