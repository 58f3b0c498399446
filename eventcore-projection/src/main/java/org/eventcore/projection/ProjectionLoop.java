package org.eventcore.projection;

import java.lang.System.Logger.Level;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.projection.messages.ProjectionMessages;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.projection.spi.LeaseLostException;
import org.eventcore.projection.spi.ProjectionControl;
import org.eventcore.projection.spi.ProjectionControls;
import org.eventcore.projection.spi.ProjectionLeases;
import org.eventcore.projection.spi.ProjectionLeases.Lease;
import org.eventcore.projection.spi.SkippedEvent;
import org.eventcore.projection.spi.SkippedEventLog;
import org.eventcore.spi.AttemptBoundary;
import org.eventcore.spi.Failures;
import org.eventcore.spi.GlobalLogReader;

/**
 * One run of a projection, from start to stop, on one executor thread: hold the lease, then run
 * batches (each one unit of work: load checkpoint, read, handle, fenced save, commit) while there is
 * work, wait for the poll interval or a poke when there is none, and apply the error policy to
 * failures. Only {@link #run()} touches the lease and the pending skip; the rest goes through
 * {@link RunnerState}.
 */
final class ProjectionLoop implements Runnable {

    private static final System.Logger LOG = System.getLogger(ProjectionLoop.class.getName());

    /** The collaborators of a runner. */
    public record Parts(
            ProjectionDefinition definition,
            GlobalLogReader log,
            CheckpointStore checkpoints,
            AttemptBoundary boundary,
            ProjectionLeases leases,
            String owner,
            Optional<java.util.function.Function<GlobalPosition, Runnable>> reset) {

        /** Where skipped events are recorded: the leases' durable record, when they keep one. */
        public Optional<SkippedEventLog> skipLog() {
            return leases.skippedEventLog();
        }
    }

    /** A poison event to leave out of the next batches until one records it. */
    private record Skip(StoredEvent<Object> event, String error) {}

    /**
     * What a committed batch did: the events it read, where its checkpoint stands now, the checkpoint it
     * started from, and the skips it recorded.
     */
    private record Batch(int read, GlobalPosition last, GlobalPosition from, List<SkippedEvent> recorded) {}

    private final Parts parts;
    private final ProjectionDefinition definition;
    private final RunnerState state;
    private final CountDownLatch done = new CountDownLatch(1);
    private Lease lease;
    private long renewedAt;
    /**
     * Poison events to skip, by position. Each stays until a committed batch recorded it with the
     * checkpoint that passes it; a batch that fails (or whose commit outcome is unknown) keeps them all,
     * and another handler failure adds to them rather than replacing one.
     */
    private final java.util.TreeMap<GlobalPosition, Skip> pendingSkips = new java.util.TreeMap<>();

    private boolean failed;

    public ProjectionLoop(Parts parts, RunnerState state) {
        this.parts = parts;
        this.definition = parts.definition();
        this.state = state;
    }

    /** Counted down when the loop has ended and released its lease. */
    public CountDownLatch done() {
        return done;
    }

    private volatile boolean began;

    /** Whether the executor gave this loop a thread. */
    public boolean began() {
        return began;
    }

    @Override
    public void run() {
        began = true;
        state.clearError(ProjectionMessages.WAITING_FOR_THREAD); // it has a thread now
        try {
            while (!failed && !state.stopRequested()) {
                Duration wait = step();
                state.completeSettled(); // outside any unit of work: callers' callbacks may do their own
                if (!wait.isZero() && !failed) {
                    state.awaitWake(wait);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Throwable e) { // an Error of the handler: stop with it rather than vanish
            state.failed(
                    ProjectionFailedException.storeFailed(definition.name(), e).getMessage());
            LOG.log(Level.ERROR, ProjectionMessages.projectionStopped(definition.name(), null), e);
        } finally {
            release();
            state.stopped();
            state.completeSettled();
            done.countDown();
        }
    }

    /** One step; returns how long to wait before the next. */
    private Duration step() {
        if (!holdLease()) {
            settleWaitersFromStore();
            return definition.pollInterval();
        }
        state.settleWaiters(Optional.empty());
        try {
            if (parts.leases().controls().isPresent()) {
                applyControls(parts.leases().controls().get());
                if (state.isPaused()) {
                    return definition.pollInterval();
                }
            }
            Optional<RunnerState.RebuildRequest> rebuild = state.pendingRebuild();
            if (rebuild.isPresent()) {
                runRebuild(rebuild.get());
                return Duration.ZERO;
            }
            return runBatch().read() > 0 ? Duration.ZERO : definition.pollInterval();
        } catch (RuntimeException e) {
            return onFailure(e);
        }
    }

    /**
     * On a node without the lease, callers waiting for a position learn of another node's progress from
     * the stored checkpoint (read only while someone waits).
     */
    private void settleWaitersFromStore() {
        if (!state.hasWaiters()) {
            return;
        }
        Optional<GlobalPosition> stored;
        try {
            stored = parts.boundary().execute(a -> parts.checkpoints().load(definition.name()));
        } catch (RuntimeException e) {
            stored = Optional.empty(); // expired waiters are settled all the same
        }
        state.settleWaiters(stored);
    }

    private Batch runBatch() {
        java.util.Map<GlobalPosition, Skip> skips = new java.util.TreeMap<>(pendingSkips);
        Lease held = lease;
        Batch batch = parts.boundary().execute(attempt -> {
            GlobalPosition after = parts.checkpoints().load(definition.name()).orElse(GlobalPosition.start());
            List<StoredEvent<Object>> events = parts.log().readLog(after, definition.batchSize());
            if (events.isEmpty()) {
                attempt.afterCommit(() -> state.idle(after));
                return new Batch(0, after, after, List.of());
            }
            List<SkippedEvent> recorded = new ArrayList<>(1);
            int handled = 0;
            for (StoredEvent<Object> event : events) {
                Skip skip = skips.get(event.position());
                if (skip != null) {
                    SkippedEvent skipped = new SkippedEvent(
                            event.id(),
                            event.position(),
                            event.payload().getClass().getName(),
                            skip.error());
                    recorded.add(skipped);
                    continue;
                }
                try {
                    definition.handler().handle(event);
                } catch (RuntimeException e) {
                    throw new HandlerFailure(event, e);
                }
                handled++;
            }
            GlobalPosition last = events.get(events.size() - 1).position();
            parts.leases().saveFenced(held, last);
            // in this unit of work: the records exist exactly when the checkpoint passes them
            recorded.forEach(skipped -> parts.skipLog().orElseThrow().record(definition.name(), skipped));
            int count = handled;
            attempt.afterCommit(() -> state.committed(last, count));
            return new Batch(events.size(), last, after, recorded);
        });
        // skips at or before the checkpoint this batch started from were recorded by an earlier batch
        // whose commit outcome was unknown to this runner (it committed: the checkpoint passed them)
        java.util.Map<GlobalPosition, Skip> earlier = pendingSkips.headMap(batch.from(), true);
        earlier.values().forEach(skip -> logSkip(skip.event(), skip.error(), true));
        earlier.clear();
        for (SkippedEvent skipped : batch.recorded()) {
            Skip skip = pendingSkips.remove(skipped.position());
            logSkip(skip.event(), skip.error(), false);
        }
        return batch;
    }

    private void logSkip(StoredEvent<Object> event, String error, boolean earlier) {
        LOG.log(
                Level.WARNING,
                ProjectionMessages.eventSkipped(
                        definition.name(),
                        event.id().toString(),
                        event.position().toString(),
                        earlier,
                        error));
    }

    /** What a controls check reads, in one unit of work. */
    private record Controls(boolean paused, List<ProjectionControl> pending) {}

    /** The lease this loop's controls were last read under; the paused flag is read again under a new one. */
    private Lease controlledUnder;

    private long controlsCheckedAt;

    /**
     * Carries out the changes asked of this projection on any node, oldest first, while this loop holds the lease:
     * at most once per poll interval (once a second at most), and whenever a new lease was taken, when the paused
     * flag is read first. Each change is settled in the unit of work that carries it out, under the lease's epoch.
     */
    private void applyControls(ProjectionControls controls) {
        long now = System.nanoTime();
        Lease held = lease;
        boolean fresh = controlledUnder == null || controlledUnder.epoch() != held.epoch();
        long every = Math.min(definition.pollInterval().toNanos(), 1_000_000_000L);
        if (!fresh && now - controlsCheckedAt < every) {
            return;
        }
        controlsCheckedAt = now;
        // read on every check, not only under a new lease: a pause or resume this node carried out in a unit of work
        // whose commit it could not confirm (the after-commit step never ran) is taken from the table all the same
        Controls read = parts.boundary()
                .execute(a -> new Controls(controls.paused(definition.name()), controls.pending(definition.name())));
        boolean paused = read.paused();
        if (fresh && paused) {
            // shown while paused: the stored checkpoint, which no batch of this runner has read yet
            state.positioned(parts.boundary()
                    .execute(a -> parts.checkpoints().load(definition.name()))
                    .orElse(GlobalPosition.start()));
        }
        state.paused(paused);
        controlledUnder = held;
        for (ProjectionControl c : read.pending()) {
            switch (c.action()) {
                case PAUSE, RESUME -> {
                    boolean pause = c.action() == ProjectionControl.Action.PAUSE;
                    String outcome = (pause ? "paused" : "resumed") + " by " + parts.owner() + " under epoch "
                            + held.epoch()
                            + (state.isPaused() == pause
                                    ? " (it was " + (pause ? "paused" : "running") + " already)"
                                    : "");
                    parts.boundary().execute(attempt -> {
                        // fenced: a node that lost the lease writes nothing
                        parts.leases()
                                .saveFenced(
                                        held,
                                        parts.checkpoints()
                                                .load(definition.name())
                                                .orElse(GlobalPosition.start()));
                        if (controls.settle(
                                c.id(), ProjectionControl.Status.DONE, outcome, parts.owner(), held.epoch())) {
                            attempt.afterCommit(() -> state.paused(pause));
                        }
                        return null;
                    });
                    LOG.log(
                            Level.INFO,
                            ProjectionMessages.controlCarriedOut(definition.name(), c.id(), c.requestedBy(), outcome));
                }
                case REBUILD -> rebuildAsked(controls, c, held);
            }
        }
    }

    private void rebuildAsked(ProjectionControls controls, ProjectionControl c, Lease held) {
        GlobalPosition from = c.from().orElse(GlobalPosition.start());
        if (parts.reset().isEmpty()) {
            String why = ProjectionMessages.rebuildWithoutReset(definition.name());
            parts.boundary()
                    .execute(a -> controls.settle(
                            c.id(), ProjectionControl.Status.REFUSED, why, parts.owner(), held.epoch()));
            LOG.log(Level.WARNING, why);
            return;
        }
        GlobalPosition checkpoint = parts.boundary()
                .execute(a -> parts.checkpoints().load(definition.name()))
                .orElse(GlobalPosition.start());
        if (from.compareTo(checkpoint) > 0) {
            // forward would skip the events in between: a rebuild goes back only
            String why = ProjectionMessages.rebuildRefused(
                    definition.name(),
                    from.toString(),
                    "it is after the projection's checkpoint " + checkpoint + ": a rebuild goes back, never forward");
            parts.boundary()
                    .execute(a -> controls.settle(
                            c.id(), ProjectionControl.Status.REFUSED, why, parts.owner(), held.epoch()));
            LOG.log(Level.WARNING, why);
            return;
        }
        try {
            RunnerState.RebuildRequest request =
                    new RunnerState.RebuildRequest(from, parts.reset().get().apply(from));
            runRebuild(request, Optional.of(c));
        } catch (RuntimeException e) {
            if (Failures.classify(e) == Failures.Kind.TRANSIENT
                    || find(e, LeaseLostException.class) != null
                    || find(e, SettledElsewhere.class) != null) {
                // the database or the network, or this node lost the lease: the change stays pending for the
                // node that holds the lease (this one again, or another)
                throw e;
            }
            // the application's reset refused (a position it cannot rebuild from) or cannot work (a privilege
            // missing): the unit of work rolled back, nothing changed, and the projection runs on
            String why = ProjectionMessages.rebuildRefused(definition.name(), from.toString(), describeCause(e));
            parts.boundary()
                    .execute(a -> controls.settle(
                            c.id(), ProjectionControl.Status.REFUSED, why, parts.owner(), held.epoch()));
            LOG.log(Level.WARNING, why);
        }
    }

    /** A change settled by another node (or under another lease) meanwhile: its unit of work rolls back. */
    private static final class SettledElsewhere extends RuntimeException {
        private static final long serialVersionUID = 1L;

        SettledElsewhere() {
            super("the change was settled elsewhere", null, false, false);
        }
    }

    private static String describeCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getName() + ": " + t.getMessage();
    }

    private void runRebuild(RunnerState.RebuildRequest request) {
        runRebuild(request, Optional.empty());
    }

    private void runRebuild(RunnerState.RebuildRequest request, Optional<ProjectionControl> control) {
        GlobalPosition target = parts.boundary().execute(a -> parts.log().head());
        Lease held = lease;
        parts.boundary().execute(attempt -> {
            request.reset().run();
            control.ifPresent(c -> {
                boolean settled = parts.leases()
                        .controls()
                        .orElseThrow()
                        .settle(
                                c.id(),
                                ProjectionControl.Status.DONE,
                                "rebuilding from " + request.from() + " up to " + target + ", by " + parts.owner()
                                        + " under epoch " + held.epoch(),
                                parts.owner(),
                                held.epoch());
                if (!settled) {
                    throw new SettledElsewhere(); // rolls the reset back: the change is no longer this node's
                }
            });
            // the rebuild handles the events after its position again, and records them again if they still fail
            parts.skipLog().ifPresent(log -> log.forgetAfter(definition.name(), request.from()));
            parts.leases().saveFenced(held, request.from());
            attempt.afterCommit(() -> state.rebuildStarted(request, target));
            return null;
        });
        pendingSkips.clear();
        LOG.log(
                Level.INFO,
                ProjectionMessages.rebuildStarted(
                        definition.name(), request.from().toString(), target.toString()));
    }

    private Duration onFailure(RuntimeException e) {
        LeaseLostException lost = find(e, LeaseLostException.class);
        if (lost != null) {
            lease = null;
            state.standby(Optional.of(lost.getMessage()));
            LOG.log(Level.WARNING, lost.getMessage());
            return definition.pollInterval();
        }
        state.batchFailed();
        HandlerFailure failure = find(e, HandlerFailure.class);
        if (failure != null) {
            StoredEvent<Object> event = failure.event();
            Throwable cause = failure.getCause();
            String described = HandlerFailure.describe(definition.name(), event, cause);
            if (Failures.classify(cause) == Failures.Kind.TRANSIENT) {
                // the store, the read model's database, the transaction manager or the network failed, not
                // the handler's logic: retried under every policy, never taken for a poison event
                return retry(described + " (" + Failures.describeTransient(cause) + ")", cause);
            }
            switch (definition.errorPolicy()) {
                case STOP:
                    return fail(ProjectionFailedException.handlerFailed(definition.name(), event, cause));
                case RETRY:
                    return retry(described, cause);
                case SKIP_AND_RECORD:
                    pendingSkips.put(
                            event.position(), new Skip(event, cause.getClass().getName() + ": " + cause.getMessage()));
                    state.error(described);
                    return Duration.ZERO;
                default:
                    throw new IllegalStateException(ProjectionMessages.unhandledErrorPolicy(
                            definition.errorPolicy().toString()));
            }
        }
        if (Failures.classify(e) == Failures.Kind.TRANSIENT) {
            return retry(
                    ProjectionMessages.transientFailure(definition.name(), "", ProjectionFailedException.describe(e)),
                    e);
        }
        return fail(ProjectionFailedException.storeFailed(definition.name(), e));
    }

    private Duration retry(String error, Throwable cause) {
        int retries = state.retrying(error);
        LOG.log(Level.WARNING, error + " (retry " + retries + ")", cause);
        return definition.retryDelay(retries);
    }

    private Duration fail(ProjectionFailedException e) {
        failed = true;
        release();
        state.failed(e.getMessage());
        LOG.log(Level.ERROR, e.getMessage(), e);
        return Duration.ZERO;
    }

    /** Holds a current lease: renews it every third of its duration, or acquires one. */
    private boolean holdLease() {
        long now = System.nanoTime();
        if (lease != null && now - renewedAt >= definition.leaseDuration().toNanos() / 3) {
            try {
                Lease held = lease;
                // lease operations run in a unit of work of their own: a JPA store writes the lease row
                Optional<Lease> renewed =
                        parts.boundary().execute(a -> parts.leases().renew(held));
                if (renewed.isEmpty()) {
                    lease = null;
                    String lost = ProjectionMessages.leaseNotRenewed(definition.name());
                    state.standby(Optional.of(lost));
                    LOG.log(Level.WARNING, lost);
                    return false;
                }
                lease = renewed.get();
                renewedAt = now;
                state.leaseHeld(lease);
            } catch (RuntimeException e) {
                state.error(ProjectionMessages.transientFailure(
                        definition.name(), "renewing the lease", ProjectionFailedException.describe(e)));
            }
        }
        if (lease != null) {
            return true;
        }
        try {
            lease = parts.boundary()
                    .execute(a -> parts.leases().acquire(definition.name(), parts.owner(), definition.leaseDuration()))
                    .orElse(null);
        } catch (RuntimeException e) {
            if (Failures.classify(e) != Failures.Kind.TRANSIENT) {
                // a schema too old, a permission missing: waiting does not help, the operator must act
                fail(ProjectionFailedException.storeFailed(definition.name(), e));
                return false;
            }
            state.standby(Optional.of(ProjectionMessages.transientFailure(
                    definition.name(), "acquiring the lease", ProjectionFailedException.describe(e))));
            return false;
        }
        if (lease == null) {
            state.standby(Optional.empty());
            return false;
        }
        renewedAt = now;
        state.leaseHeld(lease);
        return true;
    }

    private void release() {
        if (lease != null) {
            try {
                Lease held = lease;
                parts.boundary().execute(a -> {
                    parts.leases().release(held);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, ProjectionMessages.leaseReleaseFailed(definition.name()), e);
            }
            lease = null;
        }
    }

    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }
}
