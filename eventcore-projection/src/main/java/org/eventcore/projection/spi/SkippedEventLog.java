package org.eventcore.projection.spi;

import java.util.List;
import org.eventcore.GlobalPosition;
import org.eventcore.projection.messages.ProjectionMessages;

/**
 * Keeps, durably, the events a durable projection skipped under
 * {@link org.eventcore.projection.ErrorPolicy#SKIP_AND_RECORD}. A runner records a skip in the same
 * unit of work as the fenced checkpoint save that passes the event, so the record exists exactly
 * when the checkpoint is past the event: whatever the outcome of the commit, and across restarts and
 * fail-overs. A projection under {@code SKIP_AND_RECORD} needs {@link ProjectionLeases} whose
 * {@link ProjectionLeases#skippedEventLog()} returns one; the leases EventCore ships implement this
 * interface and return themselves ({@code JpaProjectionLeases}, {@code InMemoryProjectionLeases}).
 *
 * <p>Contract: {@link #record} joins the caller's unit of work (it is rolled back with it), and a
 * second record of the same event of the same projection changes nothing; {@link #recent} returns
 * the newest records first; {@link #forgetAfter} removes the records after a position, in the
 * caller's unit of work, when a rebuild moves the checkpoint back before them (the rebuild handles
 * those events again and records them again if they still fail). Implementations are thread-safe.
 */
public interface SkippedEventLog {

    /** Records that {@code projection} skipped {@code skipped}, in the caller's unit of work. */
    void record(String projection, SkippedEvent skipped);

    /** The newest {@code limit} records of {@code projection}, newest (highest position) first. */
    List<SkippedEvent> recent(String projection, int limit);

    /** How many events {@code projection} has skipped. */
    long count(String projection);

    /** Removes the records of {@code projection} whose position is after {@code position}, in the caller's unit of work. */
    void forgetAfter(String projection, GlobalPosition position);

    /**
     * Checks the {@code limit} of a {@link #recent} call; returns it. Implementations call it first.
     *
     * @throws IllegalArgumentException (EC1621) if {@code limit} is negative
     */
    static int requireValidLimit(int limit) {
        if (limit < 0) {
            throw new IllegalArgumentException(ProjectionMessages.negativeSkippedLimit(limit));
        }
        return limit;
    }
}
