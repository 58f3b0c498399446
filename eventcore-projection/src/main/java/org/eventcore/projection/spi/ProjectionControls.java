package org.eventcore.projection.spi;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.eventcore.projection.messages.ProjectionMessages;
import org.eventcore.projection.spi.ProjectionControl.Action;
import org.eventcore.projection.spi.ProjectionControl.Status;

/**
 * Changes of durable projections asked for on any node and carried out by the node that holds the projection's
 * lease: a store shared by all nodes (the JPA store's table {@code ec_projection_controls}, schema version 7).
 * Offered by {@link ProjectionLeases#controls()}; a runner whose leases offer it checks for pending changes as it
 * polls, while it holds the lease.
 *
 * <p>Every method runs in the caller's unit of work.
 */
public interface ProjectionControls {

    /** The most pending changes {@link #pending} returns at once. */
    int MAX_PENDING = 20;

    /**
     * Records a change of {@code projection} asked by {@code requestedBy}; returns its id.
     *
     * @param from the position a rebuild starts from (empty: the start of the log); empty for other actions
     * @throws IllegalArgumentException (EC1601) if the name is not valid, or a position is given for another action
     */
    long request(String projection, Action action, Optional<GlobalPosition> from, String requestedBy);

    /** The changes of {@code projection} not yet settled, oldest first, at most {@link #MAX_PENDING}. */
    List<ProjectionControl> pending(String projection);

    /**
     * Settles a pending change: {@code status} {@link Status#DONE} or {@link Status#REFUSED}, with what was done or
     * why not, by {@code node} under the lease's {@code epoch}. Returns false (and changes nothing) when the change
     * was settled already.
     */
    boolean settle(long id, Status status, String outcome, String node, long epoch);

    /** Whether {@code projection} is paused: the last pause or resume carried out was a pause. */
    boolean paused(String projection);

    /** The changes of {@code projection}, newest first, at most {@code limit}. */
    List<ProjectionControl> history(String projection, int limit);

    /**
     * Checks what {@link #request} takes: a position for a rebuild only, a user of 1 to
     * {@link ProjectionControl#MAX_USER_LENGTH} characters without control characters.
     *
     * @throws IllegalArgumentException (EC1628) naming what is wrong
     */
    static void requireValid(ProjectionControl.Action action, Optional<GlobalPosition> from, String user) {
        if (action == null) {
            throw new IllegalArgumentException(ProjectionMessages.invalidControl("no action"));
        }
        if (from == null || (from.isPresent() && action != ProjectionControl.Action.REBUILD)) {
            throw new IllegalArgumentException(
                    ProjectionMessages.invalidControl("only a rebuild has a position to start from, not a "
                            + action.name().toLowerCase(Locale.ROOT)));
        }
        if (user == null || user.isBlank() || user.length() > ProjectionControl.MAX_USER_LENGTH) {
            throw new IllegalArgumentException(ProjectionMessages.invalidControl(
                    "the user who asks is 1 to " + ProjectionControl.MAX_USER_LENGTH + " characters"));
        }
        if (user.chars().anyMatch(Character::isISOControl)) {
            throw new IllegalArgumentException(
                    ProjectionMessages.invalidControl("the user who asks has a control character"));
        }
    }
}
