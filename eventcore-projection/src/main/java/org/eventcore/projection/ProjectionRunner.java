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
import org.eventcore.projection.messages.ProjectionMessages;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.projection.spi.ProjectionLeases;
import org.eventcore.projection.spi.SkippedEvent;
import org.eventcore.projection.spi.SkippedEventLog;
import org.eventcore.spi.AttemptBoundary;
import org.eventcore.spi.GlobalLogReader;
import org.eventcore.spi.LogLag;

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
 * ProjectionRunner runner = ProjectionRunner.builder(ProjectionDefinition.of("balances", balances::apply))
 *         .log(store)
 *         .checkpoints(checkpoints)
 *         .leases(leases)
 *         .boundary(boundary)
 *         .executor(executor)
 *         .owner("node-1")
 *         .build();
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

    private static final System.Logger LOG = System.getLogger(ProjectionRunner.class.getName());

    private final ProjectionLoop.Parts parts;
    private final Executor executor;
    private final RunnerState state = new RunnerState();
    private volatile ProjectionLoop loop;
    /** The skipped events as last read from the durable log. */
    private volatile Skips skips = new Skips(List.of(), 0);

    private record Skips(List<SkippedEvent> recent, long count) {}

    /** The lag the last status read, shown again when the store cannot be read. */
    private volatile LogLag lag = LogLag.none();

    private ProjectionRunner(ProjectionLoop.Parts parts, Executor executor) {
        this.parts = parts;
        this.executor = executor;
    }

    /**
     * Begins the description of a runner for {@code definition}; {@link Builder#build()} makes it,
     * stopped.
     *
     * <pre>{@code
     * ProjectionRunner runner = ProjectionRunner.builder(ProjectionDefinition.of("balances", balances::apply))
     *         .log(store)                  // the global log to follow
     *         .checkpoints(checkpoints)    // where its checkpoint is kept
     *         .leases(leases)              // which node may commit progress
     *         .boundary(jpa)               // one unit of work per batch (default: none, for memory)
     *         .executor(executor)          // the thread the runner occupies
     *         .owner("node-1")             // this node's lease owner id (default: unique per JVM)
     *         .build();
     * }</pre>
     */
    public static Builder builder(ProjectionDefinition definition) {
        return new Builder(Objects.requireNonNull(definition, "definition"));
    }

    /**
     * The parts of a runner. {@link #log}, {@link #checkpoints}, {@link #leases} and {@link #executor}
     * must be given; {@link #boundary} defaults to {@link AttemptBoundary#direct()} (stores without
     * transactions, such as the in-memory ones) and {@link #owner} to an id unique to this JVM (give
     * each node a stable one, so that a restarted node takes its own lease back at once). Not
     * thread-safe; build once.
     */
    public static final class Builder {
        private final ProjectionDefinition definition;
        private GlobalLogReader log;
        private CheckpointStore checkpoints;
        private ProjectionLeases leases;
        private AttemptBoundary boundary = AttemptBoundary.direct();
        private Executor executor;
        private java.util.function.Function<GlobalPosition, Runnable> reset;
        private String owner = "node-" + ProcessHandle.current().pid() + "-" + java.util.UUID.randomUUID();

        private Builder(ProjectionDefinition definition) {
            this.definition = definition;
        }

        /** The global log the projection follows. */
        public Builder log(GlobalLogReader log) {
            this.log = Objects.requireNonNull(log, "log");
            return this;
        }

        /** Where the projection's checkpoint is loaded from; fenced saves through the leases land there too. */
        public Builder checkpoints(CheckpointStore checkpoints) {
            this.checkpoints = Objects.requireNonNull(checkpoints, "checkpoints");
            return this;
        }

        /** How the nodes agree on the one that commits progress; {@code InMemoryProjectionLeases} for one JVM. */
        public Builder leases(ProjectionLeases leases) {
            this.leases = Objects.requireNonNull(leases, "leases");
            return this;
        }

        /** The unit of work of one batch: the read model's transaction. */
        public Builder boundary(AttemptBoundary boundary) {
            this.boundary = Objects.requireNonNull(boundary, "boundary");
            return this;
        }

        /** Runs the runner's loop, which occupies one of its threads from start to stop. */
        public Builder executor(Executor executor) {
            this.executor = Objects.requireNonNull(executor, "executor");
            return this;
        }

        /** This node's id for the lease: 1 to 200 characters, unique per node. */
        /**
         * How to reset the read model for a rebuild asked through the projection controls (the console): given the
         * position the rebuild starts from, the work to run in the unit of work that moves the checkpoint there.
         * The work may refuse a position it cannot rebuild from with an {@link IllegalArgumentException} or
         * {@link IllegalStateException}: the change is then refused with that reason and nothing changes. Without a
         * reset, such rebuilds are refused.
         */
        public Builder reset(java.util.function.Function<GlobalPosition, Runnable> reset) {
            this.reset = Objects.requireNonNull(reset, "reset");
            return this;
        }

        public Builder owner(String ownerId) {
            this.owner = ProjectionLeases.requireValidOwner(ownerId);
            return this;
        }

        /**
         * The runner, stopped.
         *
         * @throws IllegalStateException (EC1623) naming the parts not given
         * @throws IllegalArgumentException (EC1622) if the definition skips and records poison events and
         *     the leases keep no record of skipped events
         */
        public ProjectionRunner build() {
            List<String> missing = new java.util.ArrayList<>();
            if (log == null) {
                missing.add("log(...)");
            }
            if (checkpoints == null) {
                missing.add("checkpoints(...)");
            }
            if (leases == null) {
                missing.add("leases(...)");
            }
            if (executor == null) {
                missing.add("executor(...)");
            }
            if (!missing.isEmpty()) {
                throw new IllegalStateException(ProjectionMessages.runnerMissingParts(definition.name(), missing));
            }
            if (definition.errorPolicy() == ErrorPolicy.SKIP_AND_RECORD
                    && leases.skippedEventLog().isEmpty()) {
                throw new IllegalArgumentException(ProjectionMessages.noSkippedEventLog(
                        definition.name(), leases.getClass().getName()));
            }
            return new ProjectionRunner(
                    new ProjectionLoop.Parts(
                            definition, log, checkpoints, boundary, leases, owner, Optional.ofNullable(reset)),
                    executor);
        }
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
        submittedAt = System.nanoTime();
        starvationReported = false;
        loop = next; // published after the time it is measured from
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
            throw new IllegalStateException(ProjectionMessages.interruptedAwaitingPreviousRun(), e);
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
    /** How long a loop may wait for a thread of the executor before its status says so. */
    static final Duration STARVED_AFTER = Duration.ofSeconds(10);

    /** {@link #STARVED_AFTER}, shorter in tests. */
    volatile Duration starvedAfter = STARVED_AFTER;

    private volatile long submittedAt;
    private volatile boolean starvationReported;

    /**
     * Reports, once per start, a loop that waited {@link #STARVED_AFTER} for a thread: each durable projection holds
     * one thread of the executor for as long as it runs, and an executor with fewer threads than projections leaves
     * the last ones waiting for ever, looking as if they ran.
     */
    private void reportStarvation() {
        ProjectionLoop current = loop;
        if (current == null || current.began() || starvationReported) {
            return;
        }
        long waited = System.nanoTime() - submittedAt;
        if (waited >= starvedAfter.toNanos()) {
            starvationReported = true;
            String message = ProjectionMessages.waitingForThread(name(), waited / 1_000_000_000L);
            state.error(message);
            LOG.log(System.Logger.Level.WARNING, message);
        }
    }

    public ProjectionStatus status() {
        reportStarvation();
        Optional<GlobalPosition> stored = Optional.empty();
        if (!state.holdsLease()) {
            try {
                stored = parts.boundary().execute(a -> parts.checkpoints().load(name()));
            } catch (RuntimeException e) {
                statusReadFailed("its stored checkpoint", e); // shows the last checkpoint committed here
            }
        }
        GlobalPosition head;
        try {
            head = parts.boundary().execute(a -> parts.log().head());
        } catch (RuntimeException e) {
            statusReadFailed("the head of the log", e);
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
                statusReadFailed("its skipped events", e); // shows the skipped events read last
            }
        }
        Skips shown = skips;
        GlobalPosition at = stored.orElseGet(state::checkpoint);
        if (at.compareTo(head) >= 0) {
            lag = LogLag.none();
        } else {
            try {
                lag = parts.boundary().execute(a -> parts.log().lag(at, ProjectionStatus.LAG_COUNTED));
            } catch (RuntimeException e) {
                statusReadFailed("its lag", e); // shows the lag read last
            }
        }
        return state.snapshot(name(), stored, head, shown.recent(), shown.count(), lag);
    }

    /** When a failed read of the status was last logged at WARNING (System.nanoTime), or 0. */
    private volatile long statusFailureWarnedAt;

    /**
     * A status read the store refused: the status shows what was known before, and the failure is
     * logged, at WARNING at most once a minute (health checks may ask every second), else at DEBUG.
     */
    private void statusReadFailed(String what, RuntimeException e) {
        long now = System.nanoTime();
        long last = statusFailureWarnedAt;
        boolean warn = last == 0 || now - last > TimeUnit.MINUTES.toNanos(1);
        if (warn) {
            statusFailureWarnedAt = now;
        }
        LOG.log(
                warn ? System.Logger.Level.WARNING : System.Logger.Level.DEBUG,
                ProjectionMessages.statusReadFailed(name(), what, e),
                e);
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
