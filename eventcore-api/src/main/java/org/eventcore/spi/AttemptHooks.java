package org.eventcore.spi;

import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;
import org.eventcore.messages.ApiMessages;

/**
 * The hooks of one attempt, for implementers of {@link AttemptBoundary}: hand it to the work as its
 * {@link AttemptBoundary.Attempt}, then call {@link #runBeforeCommit()} before committing and
 * {@link #runAfterCommit()} or {@link #runAfterRollback()} at the end.
 *
 * <pre>{@code
 * AttemptHooks hooks = new AttemptHooks();
 * try {
 *     T result = work.run(hooks);
 *     hooks.runBeforeCommit();
 *     commit();
 * } catch (RuntimeException e) {
 *     rollback();
 *     hooks.runAfterRollback();
 *     throw e;
 * }
 * hooks.runAfterCommit();
 * }</pre>
 *
 * <p>Not thread-safe: one attempt, one thread.
 */
public final class AttemptHooks implements AttemptBoundary.Attempt {

    private static final System.Logger LOG = System.getLogger(AttemptHooks.class.getName());

    // made on the first hook: most attempts register one or two, many none of some kind
    private List<Runnable> beforeCommit = List.of();
    private List<Runnable> afterCommit = List.of();
    private List<Runnable> afterRollback = List.of();

    @Override
    public void beforeCommit(Runnable hook) {
        beforeCommit = added(beforeCommit, hook);
    }

    @Override
    public void afterCommit(Runnable hook) {
        afterCommit = added(afterCommit, hook);
    }

    @Override
    public void afterRollback(Runnable hook) {
        afterRollback = added(afterRollback, hook);
    }

    private static List<Runnable> added(List<Runnable> hooks, Runnable hook) {
        java.util.Objects.requireNonNull(hook, "hook");
        List<Runnable> list = hooks.isEmpty() ? new ArrayList<>(2) : hooks;
        list.add(hook);
        return list;
    }

    /** Runs the before-commit hooks in order; the first failure stops them and is thrown. */
    public void runBeforeCommit() {
        for (int i = 0; i < beforeCommit.size(); i++) {
            beforeCommit.get(i).run();
        }
    }

    /** Runs the after-commit hooks in order; a failure is logged and the others still run. */
    public void runAfterCommit() {
        runQuietly(afterCommit, "after-commit");
    }

    /** Runs the after-rollback hooks in order; a failure is logged and the others still run. */
    public void runAfterRollback() {
        runQuietly(afterRollback, "after-rollback");
    }

    private static void runQuietly(List<Runnable> hooks, String phase) {
        for (int i = 0; i < hooks.size(); i++) {
            try {
                hooks.get(i).run();
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, ApiMessages.hookFailed(phase), e);
            }
        }
    }
}
