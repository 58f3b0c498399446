package org.eventcore.projection;

import java.time.Duration;
import java.util.Objects;
import org.eventcore.projection.messages.ProjectionMessages;
import org.eventcore.projection.spi.CheckpointStore;
import org.eventcore.projection.spi.ProjectionLeases;

/**
 * A durable projection: its name (the key of its checkpoint and lease), its handler, and how the
 * runner drives it. {@link #of(String, ProjectionHandler)} gives the defaults; {@code withX} methods
 * give changed copies. (There is no {@code DEFAULT} constant: a projection has no default name or
 * handler.)
 *
 * <pre>{@code
 * ProjectionDefinition balances = ProjectionDefinition.of("balances", handler)
 *         .withBatchSize(200)
 *         .withErrorPolicy(ErrorPolicy.SKIP_AND_RECORD);
 * }</pre>
 *
 * <p>Immutable and thread-safe if the handler is. No component is {@code null}.
 *
 * @param name 1 to 200 characters without control characters ({@link CheckpointStore#requireValidName})
 * @param handler called for each event in log order
 * @param batchSize events per unit of work, 1 to 10,000 (default 100)
 * @param errorPolicy what a handler failure does (default {@link ErrorPolicy#STOP})
 * @param pollInterval how long an idle or standby runner waits before looking again, positive
 *     (default 500 ms); {@link ProjectionRunner#poke()} wakes it earlier
 * @param retryBaseDelay the first wait after a failed batch, positive (default 100 ms)
 * @param retryMaxDelay the longest wait, at least {@code retryBaseDelay} (default 30 s)
 * @param leaseDuration how long a lease lasts without renewal (default 30 s); the runner renews it
 *     every third of it, so a batch must take less than two thirds of it
 */
public record ProjectionDefinition(
        String name,
        ProjectionHandler handler,
        int batchSize,
        ErrorPolicy errorPolicy,
        Duration pollInterval,
        Duration retryBaseDelay,
        Duration retryMaxDelay,
        Duration leaseDuration) {

    /** The largest batch size. */
    public static final int MAX_BATCH_SIZE = 10_000;

    /** @throws IllegalArgumentException (EC1620) naming a component out of range */
    public ProjectionDefinition {
        CheckpointStore.requireValidName(name);
        Objects.requireNonNull(handler, "handler");
        Objects.requireNonNull(errorPolicy, "errorPolicy");
        if (batchSize < 1 || batchSize > MAX_BATCH_SIZE) {
            throw new IllegalArgumentException(ProjectionMessages.invalidDefinition(
                    "batchSize", "must be 1 to " + MAX_BATCH_SIZE + ", was " + batchSize));
        }
        positive("pollInterval", pollInterval);
        positive("retryBaseDelay", retryBaseDelay);
        positive("retryMaxDelay", retryMaxDelay);
        ProjectionLeases.requirePositive(leaseDuration);
        if (retryMaxDelay.compareTo(retryBaseDelay) < 0) {
            throw new IllegalArgumentException(ProjectionMessages.invalidDefinition(
                    "retryMaxDelay",
                    "(" + retryMaxDelay + ") must not be less than retryBaseDelay (" + retryBaseDelay + ")"));
        }
    }

    /** Projection {@code name} with {@code handler} and the default settings. */
    public static ProjectionDefinition of(String name, ProjectionHandler handler) {
        return new ProjectionDefinition(
                name,
                handler,
                100,
                ErrorPolicy.STOP,
                Duration.ofMillis(500),
                Duration.ofMillis(100),
                Duration.ofSeconds(30),
                Duration.ofSeconds(30));
    }

    /** A copy with {@code batchSize}. */
    public ProjectionDefinition withBatchSize(int batchSize) {
        return new ProjectionDefinition(
                name, handler, batchSize, errorPolicy, pollInterval, retryBaseDelay, retryMaxDelay, leaseDuration);
    }

    /** A copy with {@code errorPolicy}. */
    public ProjectionDefinition withErrorPolicy(ErrorPolicy errorPolicy) {
        return new ProjectionDefinition(
                name, handler, batchSize, errorPolicy, pollInterval, retryBaseDelay, retryMaxDelay, leaseDuration);
    }

    /** A copy with {@code pollInterval}. */
    public ProjectionDefinition withPollInterval(Duration pollInterval) {
        return new ProjectionDefinition(
                name, handler, batchSize, errorPolicy, pollInterval, retryBaseDelay, retryMaxDelay, leaseDuration);
    }

    /** A copy retrying after {@code baseDelay}, doubling up to {@code maxDelay}. */
    public ProjectionDefinition withRetryDelays(Duration baseDelay, Duration maxDelay) {
        return new ProjectionDefinition(
                name, handler, batchSize, errorPolicy, pollInterval, baseDelay, maxDelay, leaseDuration);
    }

    /** A copy with {@code leaseDuration}. */
    public ProjectionDefinition withLeaseDuration(Duration leaseDuration) {
        return new ProjectionDefinition(
                name, handler, batchSize, errorPolicy, pollInterval, retryBaseDelay, retryMaxDelay, leaseDuration);
    }

    /** The wait before retry number {@code retry} (1 for the first): base doubling, capped at the max. */
    public Duration retryDelay(int retry) {
        int doublings = Math.max(0, Math.min(retry - 1, 30));
        Duration d = retryBaseDelay.multipliedBy(1L << doublings);
        return d.compareTo(retryMaxDelay) > 0 || d.isNegative() ? retryMaxDelay : d;
    }

    private static void positive(String component, Duration value) {
        Objects.requireNonNull(value, component);
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(
                    ProjectionMessages.invalidDefinition(component, "must be positive, was " + value));
        }
    }
}
