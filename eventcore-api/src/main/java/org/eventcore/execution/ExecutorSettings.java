package org.eventcore.execution;

import java.time.Clock;
import java.util.Objects;
import org.eventcore.messages.ApiMessages;
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
 * @param maxStreamsPerCommand how many streams one command may read, declared and discovered together,
 *     at least 1 (default {@value #DEFAULT_MAX_STREAMS_PER_COMMAND}); a command over more fails with
 *     {@link org.eventcore.CommandDefinitionException} (EC1111) before anything is read
 */
public record ExecutorSettings(
        RetryPolicy retryPolicy,
        AttemptBoundary boundary,
        ExecutionListener listener,
        Clock clock,
        int maxDiscoveryRounds,
        AppendListener appendListener,
        int maxStreamsPerCommand) {

    /** The default of {@link #maxStreamsPerCommand}. */
    public static final int DEFAULT_MAX_STREAMS_PER_COMMAND = 1_000;

    /**
     * Default retry policy, no transaction, no listeners, the UTC system clock, 8 discovery rounds, at
     * most 1,000 streams per command.
     */
    public static final ExecutorSettings DEFAULT = new ExecutorSettings(
            RetryPolicy.DEFAULT,
            AttemptBoundary.direct(),
            ExecutionListener.none(),
            Clock.systemUTC(),
            8,
            AppendListener.none(),
            DEFAULT_MAX_STREAMS_PER_COMMAND);

    public ExecutorSettings {
        Objects.requireNonNull(retryPolicy, "retryPolicy");
        Objects.requireNonNull(boundary, "boundary");
        Objects.requireNonNull(listener, "listener");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(appendListener, "appendListener");
        if (maxDiscoveryRounds < 1) {
            throw new IllegalArgumentException(ApiMessages.invalidMaxDiscoveryRounds(maxDiscoveryRounds));
        }
        if (maxStreamsPerCommand < 1) {
            throw new IllegalArgumentException(ApiMessages.invalidMaxStreamsPerCommand(maxStreamsPerCommand));
        }
    }

    public ExecutorSettings withRetryPolicy(RetryPolicy retryPolicy) {
        return new ExecutorSettings(
                retryPolicy, boundary, listener, clock, maxDiscoveryRounds, appendListener, maxStreamsPerCommand);
    }

    public ExecutorSettings withBoundary(AttemptBoundary boundary) {
        return new ExecutorSettings(
                retryPolicy, boundary, listener, clock, maxDiscoveryRounds, appendListener, maxStreamsPerCommand);
    }

    public ExecutorSettings withListener(ExecutionListener listener) {
        return new ExecutorSettings(
                retryPolicy, boundary, listener, clock, maxDiscoveryRounds, appendListener, maxStreamsPerCommand);
    }

    public ExecutorSettings withClock(Clock clock) {
        return new ExecutorSettings(
                retryPolicy, boundary, listener, clock, maxDiscoveryRounds, appendListener, maxStreamsPerCommand);
    }

    public ExecutorSettings withAppendListener(AppendListener appendListener) {
        return new ExecutorSettings(
                retryPolicy, boundary, listener, clock, maxDiscoveryRounds, appendListener, maxStreamsPerCommand);
    }

    public ExecutorSettings withMaxStreamsPerCommand(int maxStreamsPerCommand) {
        return new ExecutorSettings(
                retryPolicy, boundary, listener, clock, maxDiscoveryRounds, appendListener, maxStreamsPerCommand);
    }

    public ExecutorSettings withMaxDiscoveryRounds(int maxDiscoveryRounds) {
        return new ExecutorSettings(
                retryPolicy, boundary, listener, clock, maxDiscoveryRounds, appendListener, maxStreamsPerCommand);
    }
}
