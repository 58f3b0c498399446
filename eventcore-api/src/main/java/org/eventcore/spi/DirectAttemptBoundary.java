package org.eventcore.spi;

/** The attempt boundary without a transaction: runs the work and the hooks in order. */
final class DirectAttemptBoundary implements AttemptBoundary {

    public static final DirectAttemptBoundary INSTANCE = new DirectAttemptBoundary();

    private DirectAttemptBoundary() {}

    @Override
    public <T> T execute(AttemptWork<T> work) {
        AttemptHooks hooks = new AttemptHooks();
        T result;
        try {
            result = work.run(hooks);
            hooks.runBeforeCommit();
        } catch (RuntimeException | Error e) {
            hooks.runAfterRollback();
            throw e;
        }
        hooks.runAfterCommit();
        return result;
    }
}
