package org.eventcore.internal.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eventcore.GlobalPosition;
import org.eventcore.projection.ProjectionState;
import org.eventcore.projection.ProjectionStatus;
import org.eventcore.projection.SkippedEvent;
import org.eventcore.spi.ProjectionLeases.Lease;

/**
 * What one runner knows about its projection, shared between its loop and its callers under one
 * lock: the state, the committed checkpoint, errors, skipped events, the lease, and the signals
 * (poke, stop, progress). Thread-safe.
 */
public final class RunnerState {

    /** A rebuild asked for and not yet begun. */
    public record RebuildRequest(GlobalPosition from, Runnable reset) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private ProjectionState state = ProjectionState.STOPPED;
    private GlobalPosition checkpoint = GlobalPosition.start();
    private long handled;
    private String lastError;
    private int retries;
    private final List<SkippedEvent> skipped = new ArrayList<>();
    private GlobalPosition rebuildTarget;
    private RebuildRequest pendingRebuild;
    private Lease lease;
    private boolean poked;
    private boolean stopRequested;

    private interface Change {
        void apply();
    }

    private void change(Change c) {
        lock.lock();
        try {
            c.apply();
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** A new loop begins: clears the stop request and a previous failure. */
    public void starting() {
        change(() -> {
            stopRequested = false;
            retries = 0;
            state = ProjectionState.RUNNING;
        });
    }

    public void requestStop() {
        change(() -> stopRequested = true);
    }

    public boolean stopRequested() {
        lock.lock();
        try {
            return stopRequested;
        } finally {
            lock.unlock();
        }
    }

    public void poke() {
        change(() -> poked = true);
    }

    /** Waits up to {@code wait} or until poked or asked to stop; consumes the poke. */
    public void awaitWake(Duration wait) throws InterruptedException {
        long nanos = wait.toNanos();
        lock.lock();
        try {
            while (!poked && !stopRequested && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            poked = false;
        } finally {
            lock.unlock();
        }
    }

    /** Waits up to {@code nanos} for the committed checkpoint to reach {@code target}. */
    public boolean awaitCheckpoint(GlobalPosition target, long nanos) throws InterruptedException {
        lock.lock();
        try {
            while (checkpoint.compareTo(target) < 0 && nanos > 0) {
                nanos = changed.awaitNanos(nanos);
            }
            return checkpoint.compareTo(target) >= 0;
        } finally {
            lock.unlock();
        }
    }

    /** A batch committed up to {@code last} with {@code count} events handled and {@code skips} skipped. */
    public void committed(GlobalPosition last, int count, List<SkippedEvent> skips) {
        change(() -> {
            checkpoint = last;
            handled += count;
            retries = 0;
            skipped.addAll(skips);
            if (rebuildTarget != null && last.compareTo(rebuildTarget) >= 0) {
                rebuildTarget = null;
            }
            state = rebuildTarget != null ? ProjectionState.REBUILDING : ProjectionState.RUNNING;
        });
    }

    /** A batch found nothing after {@code at}. */
    public void idle(GlobalPosition at) {
        change(() -> {
            checkpoint = at;
            retries = 0;
            rebuildTarget = null;
            state = ProjectionState.IDLE;
        });
    }

    public void requestRebuild(RebuildRequest request) {
        change(() -> pendingRebuild = request);
    }

    public Optional<RebuildRequest> pendingRebuild() {
        lock.lock();
        try {
            return Optional.ofNullable(pendingRebuild);
        } finally {
            lock.unlock();
        }
    }

    /** The reset of {@code request} committed: replay from its position up to {@code target}. */
    public void rebuildStarted(RebuildRequest request, GlobalPosition target) {
        change(() -> {
            if (pendingRebuild == request) {
                pendingRebuild = null;
            }
            checkpoint = request.from();
            retries = 0;
            rebuildTarget = target.compareTo(request.from()) > 0 ? target : null;
            state = rebuildTarget != null ? ProjectionState.REBUILDING : ProjectionState.IDLE;
        });
    }

    /** A batch failed and will be tried again; returns the number of failures in a row. */
    public int retrying(String error) {
        lock.lock();
        try {
            lastError = error;
            retries++;
            changed.signalAll();
            return retries;
        } finally {
            lock.unlock();
        }
    }

    public void error(String error) {
        change(() -> lastError = error);
    }

    public void failed(String error) {
        change(() -> {
            lastError = error;
            lease = null;
            state = ProjectionState.FAILED;
        });
    }

    public void leaseHeld(Lease held) {
        change(() -> {
            lease = held;
            if (state == ProjectionState.STANDBY) {
                state = ProjectionState.RUNNING;
            }
        });
    }

    /** This runner holds no lease (another node does, or it was lost with {@code error}). */
    public void standby(Optional<String> error) {
        change(() -> {
            lease = null;
            error.ifPresent(e -> lastError = e);
            state = ProjectionState.STANDBY;
        });
    }

    /** The loop ended. */
    public void stopped() {
        change(() -> {
            lease = null;
            if (state != ProjectionState.FAILED) {
                state = ProjectionState.STOPPED;
            }
        });
    }

    /** Whether the loop is ending: asked to stop, or failed. */
    public boolean ending() {
        lock.lock();
        try {
            return stopRequested || state == ProjectionState.FAILED;
        } finally {
            lock.unlock();
        }
    }

    /** Whether this runner holds the lease: then its committed checkpoint is the authoritative one. */
    public boolean holdsLease() {
        lock.lock();
        try {
            return lease != null;
        } finally {
            lock.unlock();
        }
    }

    public ProjectionState state() {
        lock.lock();
        try {
            return state;
        } finally {
            lock.unlock();
        }
    }

    public GlobalPosition checkpoint() {
        lock.lock();
        try {
            return checkpoint;
        } finally {
            lock.unlock();
        }
    }

    /** A status with {@code stored} as checkpoint when known (else the last committed one) and {@code head}. */
    public ProjectionStatus snapshot(String name, Optional<GlobalPosition> stored, GlobalPosition head) {
        lock.lock();
        try {
            GlobalPosition at = stored.orElse(checkpoint);
            return new ProjectionStatus(
                    name,
                    state,
                    at,
                    head,
                    at.compareTo(head) >= 0,
                    handled,
                    Optional.ofNullable(lastError),
                    retries,
                    skipped,
                    Optional.ofNullable(rebuildTarget),
                    Optional.ofNullable(lease));
        } finally {
            lock.unlock();
        }
    }
}
