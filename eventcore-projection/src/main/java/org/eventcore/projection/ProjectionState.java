package org.eventcore.projection;

/** Where a {@link ProjectionRunner} is; see {@link ProjectionStatus#state()}. */
public enum ProjectionState {
    /** Handling events: the last batch was not empty. */
    RUNNING,
    /** Caught up: the last batch was empty; the runner polls, or wakes on {@link ProjectionRunner#poke()}. */
    IDLE,
    /** Not started, or stopped by {@link ProjectionRunner#stop}. */
    STOPPED,
    /** Stopped by an error (policy {@link ErrorPolicy#STOP}, or a permanent store error). */
    FAILED,
    /** Replaying after {@link ProjectionRunner#rebuild}, until it reaches the head seen when the rebuild began. */
    REBUILDING,
    /** Holds the lease and handles no event: paused through {@link org.eventcore.projection.spi.ProjectionControls}. */
    PAUSED,
    /** Another node holds the projection's lease; this runner waits to take over. */
    STANDBY
}
