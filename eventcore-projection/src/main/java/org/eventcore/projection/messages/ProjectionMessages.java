package org.eventcore.projection.messages;

import java.util.List;
import org.eventcore.Identifiers;
import org.eventcore.messages.MessageId;

/**
 * The message catalogue of eventcore-projection: one method per message id, each returning the whole
 * text of the message, starting with its id. Not API: methods may change, ids and meanings stay; the
 * manual lists them (messages page).
 */
public final class ProjectionMessages {

    private ProjectionMessages() {}

    /** A projection name is missing, blank, longer than 200 characters or contains a control character. */
    @MessageId(1013)
    public static String invalidProjectionName(String projection, String problem) {
        if (projection == null) {
            return "EC1013 Invalid projection name: null";
        }
        return "EC1013 Invalid projection name " + Identifiers.quote(projection) + ": " + problem;
    }

    /**
     * A node tried to save a projection's progress with a lease whose fencing epoch is no longer current,
     * because another node took the projection over.
     */
    @MessageId(1600)
    public static String leaseLost(String projection, long heldEpoch, long currentEpoch) {
        return "EC1600 Projection " + Identifiers.quote(projection) + ": the lease of fencing epoch " + heldEpoch
                + " was lost, epoch " + currentEpoch
                + " is current (another node took over); this node's progress is not saved";
    }

    /** A lease owner id is missing, blank, longer than 200 characters or contains a control character. */
    @MessageId(1601)
    public static String invalidLeaseOwner(String owner, String problem) {
        if (owner == null) {
            return "EC1601 Invalid lease owner: null";
        }
        return "EC1601 Invalid lease owner " + Identifiers.quote(owner) + ": " + problem;
    }

    /** A lease was given a fencing epoch below 1 or a duration that is not positive. */
    @MessageId(1602)
    public static String invalidLease(String requirement, Object value) {
        return "EC1602 " + requirement + ", was " + value;
    }

    /** A durable projection stopped under the error policy STOP because its handler failed on an event. */
    @MessageId(1610)
    public static String handlerFailedProjectionStopped(
            String projection, String eventId, String payloadType, String position, String streamId, String failure) {
        return "EC1610 Projection " + Identifiers.quote(projection) + " stopped: its handler failed on event "
                + eventId + " (" + payloadType + ") at position " + position + " of stream " + streamId + ": "
                + failure;
    }

    /** A durable projection stopped on a failure that a retry cannot fix: a permanent store failure, or an error. */
    @MessageId(1611)
    public static String projectionStopped(String projection, String failure) {
        if (failure == null) {
            // the log record of the runner's thread ending on an error; the failure is logged with it
            return "EC1611 Projection " + projection + " stopped";
        }
        return "EC1611 Projection " + Identifiers.quote(projection) + " stopped on a failure that a retry cannot fix: "
                + failure;
    }

    /** A projection's handler failed on an event, and the runner retries the batch or skips the event. */
    @MessageId(1612)
    public static String handlerFailed(
            String projection, String eventId, String payloadType, String position, String failure) {
        return "EC1612 Projection " + Identifiers.quote(projection) + ": handler failed on event " + eventId + " ("
                + payloadType + ") at position " + position + ": " + failure;
    }

    /** A projection under the error policy SKIP_AND_RECORD skipped a poison event and recorded it. */
    @MessageId(1613)
    public static String eventSkipped(
            String projection, String eventId, String position, boolean recordedEarlier, String error) {
        return "EC1613 Projection " + projection + " skipped event " + eventId + " at position " + position
                + (recordedEarlier ? " (recorded by an earlier batch)" : "") + ": " + error;
    }

    /** A projection met a transient failure of the store, the database or the network, and retries. */
    @MessageId(1614)
    public static String transientFailure(String projection, String action, String failure) {
        return "EC1614 Projection " + projection + ": "
                + (action == null || action.isEmpty() ? "" : action + " failed: ") + failure;
    }

    /** A projection's rebuild started: it replays the log from a position up to the head at the reset. */
    @MessageId(1615)
    public static String rebuildStarted(String projection, String from, String target) {
        return "EC1615 Projection " + projection + " rebuilds from " + from + " to " + target;
    }

    /** A runner could not renew its projection's lease because another node took it over, so it waits in standby. */
    @MessageId(1616)
    public static String leaseNotRenewed(String projection) {
        return "EC1616 Projection " + projection + ": the lease could not be renewed, another node took over";
    }

    /** A stopping runner could not release its projection's lease, which then expires by itself. */
    @MessageId(1617)
    public static String leaseReleaseFailed(String projection) {
        return "EC1617 Projection " + projection + ": releasing the lease failed; it expires by itself";
    }

    /** A start of a runner was interrupted while it waited for the previous run to end. */
    @MessageId(1618)
    public static String interruptedAwaitingPreviousRun() {
        return "EC1618 Interrupted while the previous run of the projection ended";
    }

    /** The runner met an error policy it has no handling for (an EventCore bug). */
    @MessageId(1619)
    public static String unhandledErrorPolicy(String errorPolicy) {
        return "EC1619 Error policy " + errorPolicy + " has no handling in the projection runner";
    }

    /** A component of a projection definition is out of range. */
    @MessageId(1620)
    public static String invalidDefinition(String component, String problem) {
        return "EC1620 ProjectionDefinition." + component + " " + problem;
    }

    /** A read of a projection's skipped events asked for a negative number of them. */
    @MessageId(1621)
    public static String negativeSkippedLimit(int limit) {
        return "EC1621 The number of skipped events to read must not be negative: " + limit;
    }

    /** A projection skips and records poison events, but its leases keep no durable record of skipped events. */
    @MessageId(1622)
    public static String noSkippedEventLog(String projection, String leasesClass) {
        return "EC1622 Projection " + projection + " skips and records poison events, but its leases ("
                + leasesClass
                + ") keep no durable record of skipped events (ProjectionLeases.skippedEventLog() is empty): give it"
                + " JpaProjectionLeases or InMemoryProjectionLeases, or another error policy";
    }

    /** A projection runner was built without some of the parts it needs. */
    @MessageId(1623)
    public static String runnerMissingParts(String projection, List<String> missing) {
        return "EC1623 The runner of projection " + projection + " is missing parts: call " + String.join(", ", missing)
                + " before build()";
    }

    /** A status read of a projection could not read from the store and shows what was read before. */
    @MessageId(1624)
    public static String statusReadFailed(String projection, String what, Throwable failure) {
        return "EC1624 The status of projection " + projection + " could not read " + what
                + " and shows what was read before: " + failure;
    }

    /** The lease holder carried out a change asked through the projection controls. */
    @MessageId(1625)
    public static String controlCarriedOut(String projection, long id, String user, String outcome) {
        return "EC1625 Projection " + projection + ": change " + id + " asked by " + user + " carried out: " + outcome;
    }

    /** A rebuild was asked through the projection controls, but the projection has no reset. */
    @MessageId(1626)
    public static String rebuildWithoutReset(String projection) {
        return "EC1626 Projection " + projection + " cannot be rebuilt from the console: it has no reset of its read"
                + " model (in CDI, an observer of ProjectionReset qualified @Projection(\"" + projection
                + "\"); in Java SE, ProjectionRunner.Builder.reset); nothing changed";
    }

    /** The application's reset refused a rebuild asked through the projection controls. */
    @MessageId(1627)
    public static String rebuildRefused(String projection, String from, String reason) {
        return "EC1627 Projection " + projection + " was not rebuilt from " + from + ": its reset refused (" + reason
                + "); nothing changed";
    }

    /** A change of a projection was asked with input the controls do not take. */
    @MessageId(1628)
    public static String invalidControl(String problem) {
        return "EC1628 The change of a projection is not valid: " + problem;
    }

    /** The id of {@link #waitingForThread}'s message. */
    public static final String WAITING_FOR_THREAD = "EC1629";

    /** A projection's loop has waited for a thread of its executor since it was started. */
    @MessageId(1629)
    public static String waitingForThread(String projection, long seconds) {
        return "EC1629 Projection " + projection + " has waited " + seconds + " s for a thread of its executor and"
                + " handles nothing: each durable projection holds one thread for as long as it runs. Give EventCore an"
                + " executor with more threads than projections (in CDI: a managed executor produced"
                + " @EventCoreExecutor, as the sample does; the server's default one may have as few as the cores)";
    }
}
