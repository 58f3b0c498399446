package org.eventcore.projection;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.eventcore.GlobalPosition;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.projection.spi.ProjectionLeases;
import org.eventcore.projection.spi.SkippedEvent;
import org.eventcore.projection.spi.SkippedEventLog;
import org.eventcore.spi.AttemptBoundary;
import org.eventcore.spi.GlobalLogReader;

/**
 * Drives one durable projection along the global log: plain Java, on an {@link Executor} you give
 * it (in a Jakarta EE server a managed executor, outside one any executor).
 *
 * <p>Each batch is one {@link AttemptBoundary#execute unit of work}: load the checkpoint, read up to
 * {@link ProjectionDefinition#batchSize()} events after it, call the handler for each in order, save
 * the checkpoint at the last one through {@link ProjectionLeases#saveFenced}, commit. A read model in
 * the same database as the checkpoint therefore changes exactly once per event; a batch that fails
 * leaves both unchanged, and its events are handled again. The runner works only while it holds
 * the projection's lease; a runner on another node (another owner id) waits in
 * {@link ProjectionState#STANDBY} and takes over when the lease is released or expires. A runner
 * whose lease was taken over cannot commit: its batch rolls back and it goes to standby.
 *
 * <pre>{@code
 * ProjectionRunner runner = ProjectionRunner.create(
 *         store, checkpoints, boundary, executor, leases,
 *         ProjectionDefinition.of("balances", balances::apply), "node-1");
 * runner.start();
 * GlobalPosition written = executor.execute(command).lastPosition().orElseThrow();
 * if (runner.awaitPosition(written, Duration.ofSeconds(2))) {
 *     // the read model includes the command's events
 * }
 * runner.stop(Duration.ofSeconds(10));
 * }</pre>
 *
 * <p>The runner occupies one executor thread from {@link #start()} to {@link #stop}, sleeping
 * between polls. Runners are independent: several over the same log, one per projection, each keep
 * their own checkpoint. Thread-safe; no method accepts or returns {@code null}.
 */
public final class ProjectionRunner {

    private final ProjectionLoop.Parts parts;
    private final Executor executor;
    private final RunnerState state = new RunnerState();
    private ProjectionLoop loop;
    /** The skipped events as last read from the durable log. */
    private volatile Skips skips = new Skips(List.of(), 0);

    private record Skips(List<SkippedEvent> recent, long count) {}

    private ProjectionRunner(ProjectionLoop.Parts parts, Executor executor) {
        this.parts = parts;
        this.executor = executor;
    }

    /**
     * A stopped runner for {@code definition}.
     *
     * @param log the global log to follow
     * @param checkpoints where the projection's checkpoint is loaded from; fenced saves through
     *     {@code leases} must land in the same place
     * @param boundary the unit of work of one batch (the read model's transaction)
     * @param executor runs the runner's loop
     * @param leases coordinates the nodes; {@code InMemoryProjectionLeases} for a single JVM
     * @param definition the projection
     * @param ownerId this node's id for the lease, unique per node (1 to 200 characters)
     */
    public static ProjectionRunner create(
            GlobalLogReader log,
            CheckpointStore checkpoints,
            AttemptBoundary boundary,
            Executor executor,
            ProjectionLeases leases,
            ProjectionDefinition definition,
            String ownerId) {
        Objects.requireNonNull(definition, "definition");
        if (definition.errorPolicy() == ErrorPolicy.SKIP_AND_RECORD
                && Objects.requireNonNull(leases, "leases").skippedEventLog().isEmpty()) {
            throw new IllegalArgumentException("EC1622 Projection " + definition.name()
                    + " skips and records poison events, but its leases ("
                    + leases.getClass().getName()
                    + ") keep no durable record of skipped events (ProjectionLeases.skippedEventLog() is empty):"
                    + " give it JpaProjectionLeases or InMemoryProjectionLeases, or another error policy");
        }
        return new ProjectionRunner(
                new ProjectionLoop.Parts(
                        Objects.requireNonNull(definition, "definition"),
                        Objects.requireNonNull(log, "log"),
                        Objects.requireNonNull(checkpoints, "checkpoints"),
                        Objects.requireNonNull(boundary, "boundary"),
                        Objects.requireNonNull(leases, "leases"),
                        ProjectionLeases.requireValidOwner(ownerId)),
                Objects.requireNonNull(executor, "executor"));
    }

    /** The projection's name. */
    public String name() {
        return parts.definition().name();
    }

    /**
     * Starts following the log from the stored checkpoint. Does nothing if already running; after a
     * {@link ProjectionState#FAILED failure} or a stop, starts again from the checkpoint (waiting for
     * a stopping run to finish its batch first).
     *
     * @throws java.util.concurrent.RejectedExecutionException if the executor refuses the loop
     */
    public synchronized void start() {
        if (loop != null && loop.done().getCount() > 0) {
            if (!state.ending()) {
                return;
            }
            awaitEnd(loop); // a stopping or failed loop ends after its batch; then start afresh
        }
        ProjectionLoop next = new ProjectionLoop(parts, state);
        state.starting();
        loop = next;
        try {
            executor.execute(next);
        } catch (RuntimeException e) {
            loop = null;
            state.stopped();
            throw e;
        }
    }

    private static void awaitEnd(ProjectionLoop ending) {
        try {
            ending.done().await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("EC1618 Interrupted while the previous run of the projection ended", e);
        }
    }

    /**
     * Asks the runner to stop after its running batch, waits up to {@code timeout} for it, and
     * releases the lease. Returns whether the runner stopped in time (if not, it stops later).
     */
    public boolean stop(Duration timeout) {
        ProjectionLoop current;
        synchronized (this) {
            current = loop;
        }
        state.requestStop();
        if (current == null) {
            return true;
        }
        try {
            return current.done().await(timeout.toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Wakes an idle or standby runner now instead of after its poll interval, e.g. after a commit. */
    public void poke() {
        state.poke();
    }

    /**
     * Rebuilds the projection: in one unit of work the runner runs {@code resetInSameTransaction}
     * (which clears the read model, or brings it back to its state at {@code from}) and moves the
     * checkpoint to {@code from}; then it replays the log after {@code from} in state
     * {@link ProjectionState#REBUILDING}, with {@link ProjectionStatus#rebuildTarget()} the head at the
     * reset, until it reaches it. Returns at once; a stopped or standby runner rebuilds once it runs
     * and holds the lease.
     *
     * @param from {@link GlobalPosition#start()} to rebuild from zero, or the position to replay after
     */
    public void rebuild(GlobalPosition from, Runnable resetInSameTransaction) {
        state.requestRebuild(new RunnerState.RebuildRequest(
                Objects.requireNonNull(from, "from"), Objects.requireNonNull(resetInSameTransaction, "reset")));
        state.poke();
    }

    /**
     * The projection's status now: the checkpoint as committed by this runner while it holds the
     * lease, otherwise as stored (another node may be moving it); and the log's head.
     */
    public ProjectionStatus status() {
        Optional<GlobalPosition> stored = Optional.empty();
        if (!state.holdsLease()) {
            try {
                stored = parts.boundary().execute(a -> parts.checkpoints().load(name()));
            } catch (RuntimeException e) {
                // show the last checkpoint committed here
            }
        }
        GlobalPosition head;
        try {
            head = parts.boundary().execute(a -> parts.log().head());
        } catch (RuntimeException e) {
            head = stored.orElse(GlobalPosition.start());
        }
        Optional<SkippedEventLog> skipLog = parts.skipLog();
        if (skipLog.isPresent()) {
            try {
                skips = parts.boundary()
                        .execute(a -> new Skips(
                                skipLog.get().recent(name(), ProjectionStatus.SKIPPED_SHOWN),
                                skipLog.get().count(name())));
            } catch (RuntimeException e) {
                // the store is unreachable: the status shows the skipped events read last
            }
        }
        Skips shown = skips;
        return state.snapshot(name(), stored, head, shown.recent(), shown.count());
    }

    /**
     * Read your own writes: waits up to {@code timeout} until the projection's checkpoint has reached
     * {@code position} (for example the position a command execution returned), whichever node runs
     * the projection. Returns whether it did.
     */
    public boolean awaitPosition(GlobalPosition position, Duration timeout) {
        Objects.requireNonNull(position, "position");
        long deadline =
                System.nanoTime() + Objects.requireNonNull(timeout, "timeout").toNanos();
        long recheck = Math.min(parts.definition().pollInterval().toNanos(), TimeUnit.MILLISECONDS.toNanos(200));
        try {
            while (true) {
                if (state.checkpoint().compareTo(position) >= 0 || storedAtLeast(position)) {
                    return true;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                if (state.awaitCheckpoint(position, Math.min(left, recheck))) {
                    return true;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /**
     * Read your own writes without holding a thread: a result that completes with true once the
     * projection's checkpoint has reached {@code position} (also when another node runs the
     * projection), and with false when {@code timeout} has passed or the runner stops or has failed.
     * Expiry is noticed when the runner wakes, so a false result may come up to one
     * {@link ProjectionDefinition#pollInterval() poll interval} late.
     *
     * <p>The result completes on the runner's thread, between its batches and outside any transaction:
     * chain work with the {@code ...Async} methods of {@link CompletionStage} and an executor of yours
     * (a JAX-RS resource resumes its suspended response there), never blocking work on the runner's own
     * thread. (In a Jakarta EE server, not the default managed executor if the runners occupy it: they
     * hold one of its threads each for as long as they run.)
     */
    public CompletionStage<Boolean> whenPosition(GlobalPosition position, Duration timeout) {
        Objects.requireNonNull(position, "position");
        long deadline =
                System.nanoTime() + Objects.requireNonNull(timeout, "timeout").toNanos();
        CompletableFuture<Boolean> result = state.whenCheckpoint(position, deadline);
        if (!result.isDone()) {
            state.poke(); // a standby runner reads the stored checkpoint now rather than after its poll interval
        }
        return result.minimalCompletionStage();
    }

    private boolean storedAtLeast(GlobalPosition position) {
        if (state.holdsLease()) {
            return false; // this runner moves the checkpoint; a store without transactions may show it early
        }
        try {
            return parts.boundary()
                    .execute(a -> parts.checkpoints().load(name()))
                    .filter(p -> p.compareTo(position) >= 0)
                    .isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
