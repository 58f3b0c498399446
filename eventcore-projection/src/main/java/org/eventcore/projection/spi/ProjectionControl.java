package org.eventcore.projection.spi;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import org.eventcore.GlobalPosition;

/**
 * A change of a durable projection that someone asked for (through the console or
 * {@link ProjectionControls#request}), and what became of it: the node holding the projection's lease carries it out
 * on its next poll, under its fencing epoch, and records the outcome. The rows are also the audit of every change.
 *
 * @param id the change's number, increasing in the order changes were asked for
 * @param projection the projection's name
 * @param action what was asked
 * @param from for {@link Action#REBUILD}: the position to rebuild from (empty: the start of the log)
 * @param requestedBy who asked (the authenticated user)
 * @param requestedAt when
 * @param status pending until the lease holder carried it out or refused it
 * @param outcome what the lease holder did, or why it refused
 * @param settledBy the node that settled it
 * @param settledAt when it was settled
 * @param epoch the fencing epoch of the lease under which it was settled
 */
public record ProjectionControl(
        long id,
        String projection,
        Action action,
        Optional<GlobalPosition> from,
        String requestedBy,
        Instant requestedAt,
        Status status,
        Optional<String> outcome,
        Optional<String> settledBy,
        Optional<Instant> settledAt,
        Optional<Long> epoch) {

    /** The longest user name a change records. */
    public static final int MAX_USER_LENGTH = 255;

    /** What a change asks. */
    public enum Action {
        /** Stop handling events on every node, holding the lease, until resumed; survives restarts. */
        PAUSE,
        /** Handle events again after a pause. */
        RESUME,
        /** Reset the read model (the application's reset) and handle the events after a position again. */
        REBUILD
    }

    /** Where a change is. */
    public enum Status {
        /** Asked for; the lease holder has not taken it yet. */
        PENDING,
        /** Carried out by the lease holder. */
        DONE,
        /** Refused by the lease holder, with the reason (for example: a rebuild the projection has no reset for). */
        REFUSED
    }

    public ProjectionControl {
        CheckpointStore.requireValidName(projection);
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(requestedBy, "requestedBy");
        Objects.requireNonNull(requestedAt, "requestedAt");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(settledBy, "settledBy");
        Objects.requireNonNull(settledAt, "settledAt");
        Objects.requireNonNull(epoch, "epoch");
        if (from.isPresent() && action != Action.REBUILD) {
            throw new IllegalArgumentException("only a rebuild has a position to start from");
        }
    }
}
