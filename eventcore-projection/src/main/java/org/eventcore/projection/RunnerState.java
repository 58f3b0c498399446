package org.eventcore.projection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.eventcore.GlobalPosition;
import org.eventcore.projection.spi.ProjectionLeases.Lease;
import org.eventcore.projection.spi.SkippedEvent;

/**
 * What one runner knows about its projection, shared between its loop and its callers under one
 * lock: the state, the committed checkpoint, errors and retries, the lease, and the signals
 * (poke, stop, progress). Thread-safe.
 */
final class RunnerState {

    /** A rebuild asked for and not yet begun. */
    public record RebuildRequest(GlobalPosition from, Runnable reset) {}

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private ProjectionState state = ProjectionState.STOPPED;
    private GlobalPosition checkpoint = GlobalPosition.start();
    private long handled;
    private long failures;
    private String lastError;
    private int retries;
    /** When the current run of failed batches began; null when the last batch succeeded. */
    private java.time.Instant retryingSince;

    private GlobalPosition rebuildTarget;
    private RebuildRequest pendingRebuild;
    private Lease lease;
    private boolean poked;
    /** Paused through the projection controls: holds the lease, handles nothing. */
    private boolean paused;

    private boolean stopRequested;

    /** A caller waiting, without a thread, for the checkpoint to reach {@code position}. */
    private record Waiter(GlobalPosition position, long deadline, CompletableFuture<Boolean> result) {}

    /** A waiter taken off the list, and whether its position was reached. */
    private record Settled(CompletableFuture<Boolean> result, boolean reached) {}

    private final List<Waiter> waiters = new ArrayList<>();
    /** Waiters settled by a change, to be completed by the loop outside any unit of work. */
    private final List<Settled> ready = new ArrayList<>();

    private interface Change {
        void apply();
    }

    /**
     * Applies a change under the lock. Waiters the change settles are not completed here, since a change
     * may be made inside a transaction's completion (an after-commit hook): the loop completes them
     * between its steps ({@link #completeSettled()}).
     */
    private void change(Change c) {
        lock.lock();
        try {
            c.apply();
            changed.signalAll();
            ready.addAll(settle(
                    checkpoint,
                    System.nanoTime(),
                    state == ProjectionState.STOPPED || state == ProjectionState.FAILED));
        } finally {
            lock.unlock();
        }
    }

    /** Completes the waiters settled by earlier changes; called by the loop outside any unit of work. */
    public void completeSettled() {
        List<Settled> settled;
        lock.lock();
        try {
            if (ready.isEmpty()) {
                return;
            }
            settled = new ArrayList<>(ready);
            ready.clear();
        } finally {
            lock.unlock();
        }
        complete(settled);
    }

    /**
     * Removes, under the lock, the waiters that {@code at} satisfies, that expired at {@code now}, or
     * all of them when {@code ended}; returns them with their results set aside for {@link #complete}.
     */
    private List<Settled> settle(GlobalPosition at, long now, boolean ended) {
        if (waiters.isEmpty()) {
            return List.of();
        }
        List<Settled> settled = new ArrayList<>();
        for (java.util.Iterator<Waiter> i = waiters.iterator(); i.hasNext(); ) {
            Waiter w = i.next();
            boolean reached = at.compareTo(w.position()) >= 0;
            if (reached || ended || now - w.deadline() >= 0) {
                settled.add(new Settled(w.result(), reached));
                i.remove();
            }
        }
        return settled;
    }

    /** Completes settled waiters outside the lock: their callbacks run on this thread. */
    private static void complete(List<Settled> settled) {
        for (Settled w : settled) {
            w.result().complete(w.reached());
        }
    }

    /**
     * A result that becomes true once the checkpoint reaches {@code target}, false at
     * {@code deadlineNanos} ({@link System#nanoTime()} based) or when the runner stops or fails; no
     * thread waits for it. The loop settles expired waiters whenever it wakes.
     */
    public CompletableFuture<Boolean> whenCheckpoint(GlobalPosition target, long deadlineNanos) {
        CompletableFuture<Boolean> result = new CompletableFuture<>();
        lock.lock();
        try {
            if (checkpoint.compareTo(target) >= 0) {
                result.complete(true);
            } else if (state == ProjectionState.STOPPED || state == ProjectionState.FAILED) {
                result.complete(false);
            } else {
                waiters.add(new Waiter(target, deadlineNanos, result));
            }
        } finally {
            lock.unlock();
        }
        return result;
    }

    /** Whether callers wait for the checkpoint. */
    public boolean hasWaiters() {
        lock.lock();
        try {
            return !waiters.isEmpty();
        } finally {
            lock.unlock();
        }
    }

    /**
     * Settles the waiters that {@code stored} (the checkpoint another node committed) satisfies and
     * those that expired; {@code stored} may be empty when it could not be read.
     */
    public void settleWaiters(Optional<GlobalPosition> stored) {
        lock.lock();
        try {
            GlobalPosition at = stored.filter(p -> p.compareTo(checkpoint) > 0).orElse(checkpoint);
            ready.addAll(settle(at, System.nanoTime(), false));
        } finally {
            lock.unlock();
        }
        completeSettled();
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

    /** A batch committed up to {@code last} with {@code count} events handled. */
    public void committed(GlobalPosition last, int count) {
        change(() -> {
            checkpoint = last;
            handled += count;
            retries = 0;
            retryingSince = null;
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
            retryingSince = null;
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

    /** The stored checkpoint, read without handling a batch (a paused runner that took the lease). */
    public void positioned(GlobalPosition at) {
        change(() -> checkpoint = at);
    }

    /** Pauses or resumes handling (a control carried out, or the paused flag read when the lease was taken). */
    public void paused(boolean pause) {
        change(() -> paused = pause);
    }

    public boolean isPaused() {
        lock.lock();
        try {
            return paused;
        } finally {
            lock.unlock();
        }
    }

    /** The state shown: {@link ProjectionState#PAUSED} while paused and otherwise working. */
    private ProjectionState shown() {
        return paused
                        && (state == ProjectionState.RUNNING
                                || state == ProjectionState.IDLE
                                || state == ProjectionState.REBUILDING)
                ? ProjectionState.PAUSED
                : state;
    }

    /** A batch failed (a handler's exception or a store failure), whatever follows. */
    public void batchFailed() {
        lock.lock();
        try {
            failures++;
        } finally {
            lock.unlock();
        }
    }

    /** A batch failed and will be tried again; returns the number of failures in a row. */
    public int retrying(String error) {
        lock.lock();
        try {
            lastError = error;
            retries++;
            if (retryingSince == null) {
                retryingSince = java.time.Instant.now();
            }
            changed.signalAll();
            return retries;
        } finally {
            lock.unlock();
        }
    }

    public void error(String error) {
        change(() -> lastError = error);
    }

    /** Clears the last error if it is the message with id {@code messageId} (no longer true). */
    public void clearError(String messageId) {
        change(() -> {
            if (lastError != null && lastError.startsWith(messageId)) {
                lastError = null;
            }
        });
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
            return shown();
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

    /**
     * A status with {@code stored} as checkpoint when known (else the last committed one), {@code head},
     * the skipped events the durable log holds, and the lag after that checkpoint.
     */
    public ProjectionStatus snapshot(
            String name,
            Optional<GlobalPosition> stored,
            GlobalPosition head,
            List<SkippedEvent> skipped,
            long skippedCount,
            org.eventcore.spi.LogLag lag) {
        lock.lock();
        try {
            GlobalPosition at = stored.orElse(checkpoint);
            return new ProjectionStatus(
                    name,
                    shown(),
                    at,
                    head,
                    at.compareTo(head) >= 0,
                    handled,
                    Optional.ofNullable(lastError),
                    retries,
                    Optional.ofNullable(retryingSince),
                    skipped,
                    skippedCount,
                    Optional.ofNullable(rebuildTarget),
                    Optional.ofNullable(lease),
                    lag.events(),
                    lag.waited(java.time.Instant.now()),
                    failures);
        } finally {
            lock.unlock();
        }
    }
}
