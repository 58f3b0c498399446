package org.eventcore.projection.spi;

import org.eventcore.EventCoreException;
import org.eventcore.projection.messages.ProjectionMessages;

/**
 * A node tried to save the progress of a projection with a lease whose fencing epoch is no longer
 * the current one: another node acquired the projection since (this node paused past its lease, or
 * its lease expired). The unit of work must roll back, read model changes included; the node stops
 * working on the projection and may try to acquire it again later. Not retriable: running the same
 * work again with the same lease fails the same way.
 */
public final class LeaseLostException extends EventCoreException {

    private final String projection;
    private final long heldEpoch;
    private final long currentEpoch;

    private LeaseLostException(String projection, long heldEpoch, long currentEpoch) {
        super(ProjectionMessages.leaseLost(projection, heldEpoch, currentEpoch));
        this.projection = projection;
        this.heldEpoch = heldEpoch;
        this.currentEpoch = currentEpoch;
    }

    /** The standard error for a save with epoch {@code heldEpoch} while {@code currentEpoch} is current. */
    public static LeaseLostException of(String projection, long heldEpoch, long currentEpoch) {
        return new LeaseLostException(projection, heldEpoch, currentEpoch);
    }

    /** The projection's name. */
    public String projection() {
        return projection;
    }

    /** The epoch of the lease used for the save. */
    public long heldEpoch() {
        return heldEpoch;
    }

    /** The epoch current in the store when the save was refused. */
    public long currentEpoch() {
        return currentEpoch;
    }

    @Override
    public boolean isRetriable() {
        return false;
    }
}
