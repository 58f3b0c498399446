package org.eventcore.internal;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.eventcore.spi.AttemptBoundary;

/** The attempt boundary without a transaction: runs the work and the hooks in order. */
public final class DirectAttemptBoundary implements AttemptBoundary {

    public static final DirectAttemptBoundary INSTANCE = new DirectAttemptBoundary();
    private static final System.Logger LOG = System.getLogger(DirectAttemptBoundary.class.getName());

    private DirectAttemptBoundary() {}

    @Override
    public <T> T execute(AttemptWork<T> work) {
        Hooks hooks = new Hooks();
        T result;
        try {
            result = work.run(hooks);
            runAll(hooks.beforeCommit);
        } catch (RuntimeException | Error e) {
            runQuietly(hooks.afterRollback, "after-rollback");
            throw e;
        }
        runQuietly(hooks.afterCommit, "after-commit");
        return result;
    }

    private static void runAll(List<Runnable> hooks) {
        for (int i = 0; i < hooks.size(); i++) {
            hooks.get(i).run();
        }
    }

    /** Runs every hook; a failing hook is logged and does not stop the others. */
    public static void runQuietly(List<Runnable> hooks, String phase) {
        for (int i = 0; i < hooks.size(); i++) {
            try {
                hooks.get(i).run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "EC1900 An " + phase + " hook failed; the attempt's outcome stands", e);
            }
        }
    }

    /** Hook lists of one attempt. */
    public static final class Hooks implements Attempt {
        final List<Runnable> beforeCommit = new ArrayList<>(2);
        final List<Runnable> afterCommit = new ArrayList<>(2);
        final List<Runnable> afterRollback = new ArrayList<>(2);

        @Override
        public void beforeCommit(Runnable hook) {
            beforeCommit.add(hook);
        }

        @Override
        public void afterCommit(Runnable hook) {
            afterCommit.add(hook);
        }

        @Override
        public void afterRollback(Runnable hook) {
            afterRollback.add(hook);
        }
    }
}
