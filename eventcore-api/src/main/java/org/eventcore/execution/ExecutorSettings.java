package org.eventcore.execution;

import java.time.Clock;
import java.util.Objects;
import org.eventcore.spi.AttemptBoundary;

/**
 * Settings of a {@link CommandExecutor}.
 *
 * <pre>{@code
 * ExecutorSettings settings = ExecutorSettings.DEFAULT
 *         .withRetryPolicy(RetryPolicy.DEFAULT.withMaxAttempts(12))
 *         .withListener(metrics);
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param retryPolicy how conflicts and transient failures are retried
 * @param boundary the unit of work around each attempt (one transaction per attempt)
 * @param listener observer of attempts and outcomes
 * @param clock the time source for event metadata
 * @param maxDiscoveryRounds how many times a command may add streams in
 *     {@link org.eventcore.Command#discover} before the executor gives up, at least 1
 * @param appendListener takes part in each attempt after its append, before its commit
 */
public record ExecutorSettings(
        RetryPolicy retryPolicy,
        AttemptBoundary boundary,
        ExecutionListener listener,
        Clock clock,
        int maxDiscoveryRounds,
        AppendListener appendListener) {

    /** Default retry policy, no transaction, no listeners, the UTC system clock, 8 discovery rounds. */
    public static final ExecutorSettings DEFAULT = new ExecutorSettings(
            RetryPolicy.DEFAULT,
            AttemptBoundary.direct(),
            ExecutionListener.none(),
            Clock.systemUTC(),
            8,
            AppendListener.none());

    public ExecutorSettings {
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(boundary, "boundary");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(appendListener, "appendListener");
        if (maxDiscoveryRounds < 1) {
            throw new IllegalArgumentException(
                    "EC1021 maxDiscoveryRounds must be at least 1, was " + maxDiscoveryRounds);
        }
    }

    public ExecutorSettings withRetryPolicy(RetryPolicy retryPolicy) {
        return new ExecutorSettings(retryPolicy, boundary, listener, clock, maxDiscoveryRounds, appendListener);
    }

    public ExecutorSettings withBoundary(AttemptBoundary boundary) {
        return new ExecutorSettings(retryPolicy, boundary, listener, clock, maxDiscoveryRounds, appendListener);
    }

    public ExecutorSettings withListener(ExecutionListener listener) {
        return new ExecutorSettings(retryPolicy, boundary, listener, clock, maxDiscoveryRounds, appendListener);
    }

    public ExecutorSettings withClock(Clock clock) {
        return new ExecutorSettings(retryPolicy, boundary, listener, clock, maxDiscoveryRounds, appendListener);
    }

    public ExecutorSettings withAppendListener(AppendListener appendListener) {
        return new ExecutorSettings(retryPolicy, boundary, listener, clock, maxDiscoveryRounds, appendListener);
    }

    public ExecutorSettings withMaxDiscoveryRounds(int maxDiscoveryRounds) {
        return new ExecutorSettings(retryPolicy, boundary, listener, clock, maxDiscoveryRounds, appendListener);
    }
}
