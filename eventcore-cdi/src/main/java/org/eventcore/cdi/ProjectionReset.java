package org.eventcore.cdi;

import java.util.Objects;
import org.eventcore.GlobalPosition;

/**
 * Asks a durable projection's read model to forget what it holds after a position, so that the events after it are
 * handled again: fired, qualified with the projection's {@link Projection}, when an operator rebuilds the projection
 * through the console (or {@code ProjectionControls}). Observe it beside the projection's handlers:
 *
 * <pre>{@code
 * void reset(@Observes @Projection("balances") ProjectionReset reset) {
 *     if (!reset.fromStart()) {
 *         throw new IllegalArgumentException("balances rebuild from the start of the log only");
 *     }
 *     em.createQuery("delete from BalanceRow").executeUpdate();
 * }
 * }</pre>
 *
 * <p>The observer runs on the node that holds the projection's lease, in the transaction that moves the checkpoint
 * back to {@link #from()}: the reset and the move commit together or not at all. To refuse a position it cannot
 * rebuild from, it throws {@link IllegalArgumentException} or {@link IllegalStateException}: nothing changes and the
 * console shows the reason. A projection without such an observer cannot be rebuilt from the console (a rebuild
 * without a reset would handle events twice); {@link DurableProjections#rebuild} takes the reset as an argument
 * instead.
 *
 * @param projection the projection's name
 * @param from the position the rebuild starts from: events after it are handled again
 */
public record ProjectionReset(String projection, GlobalPosition from) {

    public ProjectionReset {
        Objects.requireNonNull(projection, "projection");
        Objects.requireNonNull(from, "from");
    }

    /** Whether the rebuild starts at the start of the log: the read model forgets everything. */
    public boolean fromStart() {
        return from.isStart();
    }
}
