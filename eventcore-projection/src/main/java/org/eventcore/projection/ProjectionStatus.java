package org.eventcore.projection;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.eventcore.GlobalPosition;
import org.eventcore.projection.spi.ProjectionLeases.Lease;
import org.eventcore.projection.spi.SkippedEvent;

/**
 * A snapshot of one projection as its {@link ProjectionRunner} sees it, for health checks and
 * dashboards. Lag is {@code head} against {@code checkpoint}.
 *
 * <pre>{@code
 * ProjectionStatus s = runner.status();
 * if (s.state() == ProjectionState.FAILED) alert(s.lastError().orElseThrow());
 * }</pre>
 *
 * <p>Immutable. No component is {@code null}; absent values are empty.
 *
 * @param name the projection's name
 * @param state where the runner is
 * @param checkpoint the last position the projection committed (start if none)
 * @param head the last position of the global log when the status was taken
 * @param caughtUp whether {@code checkpoint} has reached {@code head}
 * @param eventsHandled events this runner handled in committed batches since it was created
 * @param lastError the last failure, as {@code ExceptionClass: message}, also after recovery
 * @param retries the failed batches in a row since the last success (0 when healthy)
 * @param retryingSince when the current run of failed batches began (empty when healthy): a transient
 *     failure that keeps recurring is retried without end, and this says for how long
 * @param skipped the newest events skipped under {@link ErrorPolicy#SKIP_AND_RECORD} (at most
 *     {@value #SKIPPED_SHOWN}), newest first, as the durable {@link org.eventcore.projection.spi.SkippedEventLog}
 *     has them
 * @param skippedCount how many events the projection has skipped in all
 * @param rebuildTarget during a rebuild, the head the rebuild replays up to
 * @param lease the lease this runner holds (fencing epoch, owner, expiry), empty when it holds none
 * @param lagEvents the events after {@code checkpoint} that the log holds now, counted up to
 *     {@value #LAG_COUNTED} (more show as {@value #LAG_COUNTED}); 0 when caught up
 * @param lag how long the earliest of those events has waited since its command's time
 *     ({@link org.eventcore.EventMetadata#time()}); {@link Duration#ZERO} when caught up
 * @param failures the batches that failed since this runner was created, on a handler's exception
 *     (retried, skipped or stopping the projection) or a store failure; a lost lease is not one
 */
public record ProjectionStatus(
        String name,
        ProjectionState state,
        GlobalPosition checkpoint,
        GlobalPosition head,
        boolean caughtUp,
        long eventsHandled,
        Optional<String> lastError,
        int retries,
        Optional<Instant> retryingSince,
        List<SkippedEvent> skipped,
        long skippedCount,
        Optional<GlobalPosition> rebuildTarget,
        Optional<Lease> lease,
        long lagEvents,
        Duration lag,
        long failures) {

    /** The most skipped events a status lists; {@link #skippedCount()} counts them all. */
    public static final int SKIPPED_SHOWN = 100;

    /** The most events {@link #lagEvents()} counts: a status never scans further into a long lag. */
    public static final int LAG_COUNTED = 100_000;

    public ProjectionStatus {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(checkpoint, "checkpoint");
        Objects.requireNonNull(head, "head");
        Objects.requireNonNull(lastError, "lastError");
        Objects.requireNonNull(retryingSince, "retryingSince");
        skipped = List.copyOf(skipped);
        Objects.requireNonNull(rebuildTarget, "rebuildTarget");
        Objects.requireNonNull(lease, "lease");
        Objects.requireNonNull(lag, "lag");
    }
}
