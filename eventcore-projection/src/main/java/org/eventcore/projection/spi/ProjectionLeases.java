package org.eventcore.projection.spi;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.eventcore.Identifiers;
import org.eventcore.projection.messages.ProjectionMessages;

/**
 * Coordinates which node may commit the progress of a durable projection: a lease per projection
 * name, held by one owner until a time, and a fencing epoch that grows with every grant. A node
 * saves its checkpoint only through {@link #saveFenced}, which refuses when a newer epoch exists,
 * so at most one node commits progress for a projection, even when a node wakes from a long pause
 * still believing it holds the lease.
 *
 * <p>Contract: {@link #acquire} grants a lease when the projection has no holder, the holder's lease
 * has expired, or the holder is the same owner; every grant increments the projection's fencing
 * epoch (the first grant has epoch 1). {@link #renew} extends a lease whose epoch is still the
 * current one. {@link #release} frees the lease if its epoch is current, keeping the epoch.
 * {@link #saveFenced} saves the checkpoint in the caller's unit of work when the lease's epoch is
 * current and throws {@link LeaseLostException} otherwise; expiry alone does not stop a save, only
 * a newer grant does. Lease times come from the implementation's injectable clock, so the clocks
 * of the nodes must agree to well within a lease's duration.
 *
 * <pre>{@code
 * Optional<ProjectionLeases.Lease> lease = leases.acquire("balances", "node-1", Duration.ofSeconds(30));
 * lease.ifPresent(l -> boundary.execute(attempt -> {
 *     // ... update the read model ...
 *     leases.saveFenced(l, lastHandled);
 *     return null;
 * }));
 * }</pre>
 *
 * <p>Implementations are thread-safe. No method accepts or returns {@code null}.
 */
public interface ProjectionLeases {

    /**
     * Takes the lease of {@code projection} for {@code owner}, if it is free, expired or already
     * held by {@code owner}; every grant increments the fencing epoch.
     *
     * @param projection a valid projection name (see {@link CheckpointStore#requireValidName})
     * @param owner the node, 1 to 200 characters without control characters
     * @param duration how long the lease lasts without renewal, positive
     * @return the granted lease, or empty if another owner holds an unexpired lease
     */
    Optional<Lease> acquire(String projection, String owner, Duration duration);

    /**
     * Extends {@code lease} by its duration from now, if its epoch is still the current one.
     *
     * @return the extended lease, or empty if a newer epoch was granted
     */
    Optional<Lease> renew(Lease lease);

    /** Gives {@code lease} up, if its epoch is still the current one; otherwise does nothing. */
    void release(Lease lease);

    /**
     * Saves {@code position} as the checkpoint of the lease's projection, in the caller's unit of
     * work, if the lease's epoch is still the current one.
     *
     * @throws LeaseLostException (not retriable) if a newer epoch was granted: the caller must roll
     *     its unit of work back
     */
    void saveFenced(Lease lease, GlobalPosition position);

    /**
     * Where these leases keep, durably, the events projections skipped under
     * {@link org.eventcore.projection.ErrorPolicy#SKIP_AND_RECORD}, in the same place as the fenced
     * checkpoints; empty when they keep none (the default). The leases EventCore ships return
     * themselves. A runner asks through this method rather than by testing the type, so that it also
     * finds the record behind a CDI client proxy of {@code ProjectionLeases}.
     */
    default Optional<SkippedEventLog> skippedEventLog() {
        return Optional.empty();
    }

    /**
     * The changes asked of projections on any node, when these leases keep them where every node sees them; empty
     * (the default) when they do not: then projections are paused, resumed and rebuilt only through the node's
     * own runner.
     */
    default Optional<ProjectionControls> controls() {
        return Optional.empty();
    }

    /**
     * The lease of {@code projection} as the store holds it now, whichever node holds it; empty when no node
     * holds an unexpired one, or when these leases cannot tell (the default).
     */
    default Optional<Lease> current(String projection) {
        return Optional.empty();
    }

    /**
     * A granted lease. Immutable.
     *
     * @param projection the projection's name
     * @param epoch the fencing epoch of this grant, at least 1
     * @param owner the node holding the lease
     * @param until when the lease expires unless renewed
     * @param duration the length of the lease, used again by {@link #renew}
     */
    record Lease(String projection, long epoch, String owner, Instant until, Duration duration) {

        /** @throws IllegalArgumentException if a component is out of range */
        public Lease {
            CheckpointStore.requireValidName(projection);
            requireValidOwner(owner);
            Objects.requireNonNull(until, "until");
            requirePositive(duration);
            if (epoch < 1) {
                throw new IllegalArgumentException(
                        ProjectionMessages.invalidLease("A lease's fencing epoch starts at 1", epoch));
            }
        }
    }

    /**
     * Checks a lease owner id (1 to 200 characters, no control characters); returns it.
     *
     * @throws IllegalArgumentException (EC1601) naming the bad input
     */
    static String requireValidOwner(String owner) {
        if (owner == null) {
            throw new IllegalArgumentException(ProjectionMessages.invalidLeaseOwner(null, null));
        }
        Optional<String> problem = Identifiers.problem(owner, CheckpointStore.MAX_NAME_LENGTH);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(ProjectionMessages.invalidLeaseOwner(owner, problem.get()));
        }
        return owner;
    }

    /**
     * Checks a lease duration (positive); returns it.
     *
     * @throws IllegalArgumentException (EC1602) if it is zero or negative
     */
    static Duration requirePositive(Duration duration) {
        Objects.requireNonNull(duration, "duration");
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(
                    ProjectionMessages.invalidLease("A lease duration must be positive", duration));
        }
        return duration;
    }
}
