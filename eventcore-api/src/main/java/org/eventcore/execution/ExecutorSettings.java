package org.eventcore.execution;

import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
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
 * @param stateCacheSize how many folded states of {@link org.eventcore.CachedState} command types the
 *     executor keeps, at least 0 (0: none; default {@value #DEFAULT_STATE_CACHE_SIZE}); each executor
 *     has a cache of its own
 * @param snapshots where states of command types with {@link org.eventcore.CachedState#snapshotEvery()}
 *     are stored; empty by default (no snapshots)
 */
public record ExecutorSettings(
        RetryPolicy retryPolicy,
        AttemptBoundary boundary,
        ExecutionListener listener,
        Clock clock,
        int maxDiscoveryRounds,
        AppendListener appendListener,
        int maxStreamsPerCommand,
        int stateCacheSize,
        Optional<Snapshots> snapshots) {

    /** The default of {@link #maxStreamsPerCommand}. */
    public static final int DEFAULT_MAX_STREAMS_PER_COMMAND = 1_000;

    /** The default of {@link #stateCacheSize}. */
    public static final int DEFAULT_STATE_CACHE_SIZE = 10_000;

    /**
     * Default retry policy, no transaction, no listeners, the UTC system clock, 8 discovery rounds, at
     * most 1,000 streams per command, a state cache of 10,000 entries (used by {@link
     * org.eventcore.CachedState} command types only), no snapshots.
     */
    public static final ExecutorSettings DEFAULT = new ExecutorSettings(
            RetryPolicy.DEFAULT,
            AttemptBoundary.direct(),
            ExecutionListener.none(),
            Clock.systemUTC(),
            8,
            AppendListener.none(),
            DEFAULT_MAX_STREAMS_PER_COMMAND,
            DEFAULT_STATE_CACHE_SIZE,
            Optional.empty());

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
        if (stateCacheSize < 0) {
            throw new IllegalArgumentException(ApiMessages.invalidStateCacheSize(stateCacheSize));
        }
        Objects.requireNonNull(snapshots, "snapshots");
    }

    public ExecutorSettings withRetryPolicy(RetryPolicy retryPolicy) {
        return new ExecutorSettings(
                retryPolicy,
                boundary,
                listener,
                clock,
                maxDiscoveryRounds,
                appendListener,
                maxStreamsPerCommand,
                stateCacheSize,
                snapshots);
    }

    public ExecutorSettings withBoundary(AttemptBoundary boundary) {
        return new ExecutorSettings(
                retryPolicy,
                boundary,
                listener,
                clock,
                maxDiscoveryRounds,
                appendListener,
                maxStreamsPerCommand,
                stateCacheSize,
                snapshots);
    }

    public ExecutorSettings withListener(ExecutionListener listener) {
        return new ExecutorSettings(
                retryPolicy,
                boundary,
                listener,
                clock,
                maxDiscoveryRounds,
                appendListener,
                maxStreamsPerCommand,
                stateCacheSize,
                snapshots);
    }

    public ExecutorSettings withClock(Clock clock) {
        return new ExecutorSettings(
                retryPolicy,
                boundary,
                listener,
                clock,
                maxDiscoveryRounds,
                appendListener,
                maxStreamsPerCommand,
                stateCacheSize,
                snapshots);
    }

    public ExecutorSettings withAppendListener(AppendListener appendListener) {
        return new ExecutorSettings(
                retryPolicy,
                boundary,
                listener,
                clock,
                maxDiscoveryRounds,
                appendListener,
                maxStreamsPerCommand,
                stateCacheSize,
                snapshots);
    }

    public ExecutorSettings withMaxStreamsPerCommand(int maxStreamsPerCommand) {
        return new ExecutorSettings(
                retryPolicy,
                boundary,
                listener,
                clock,
                maxDiscoveryRounds,
                appendListener,
                maxStreamsPerCommand,
                stateCacheSize,
                snapshots);
    }

    public ExecutorSettings withMaxDiscoveryRounds(int maxDiscoveryRounds) {
        return new ExecutorSettings(
                retryPolicy,
                boundary,
                listener,
                clock,
                maxDiscoveryRounds,
                appendListener,
                maxStreamsPerCommand,
                stateCacheSize,
                snapshots);
    }

    /**
     * With a state cache of {@code stateCacheSize} entries (0: no cache). Only commands of
     * {@link org.eventcore.CachedState} types use it.
     */
    public ExecutorSettings withStateCacheSize(int stateCacheSize) {
        return new ExecutorSettings(
                retryPolicy,
                boundary,
                listener,
                clock,
                maxDiscoveryRounds,
                appendListener,
                maxStreamsPerCommand,
                stateCacheSize,
                snapshots);
    }

    /**
     * With snapshots in {@code snapshots}: command types with {@link org.eventcore.CachedState#snapshotEvery()}
     * store their states there after commit, and a command that finds no entry in the state cache
     * starts from its snapshot. Needs a state cache ({@link #stateCacheSize()} above 0).
     */
    public ExecutorSettings withSnapshots(Snapshots snapshots) {
        return new ExecutorSettings(
                retryPolicy,
                boundary,
                listener,
                clock,
                maxDiscoveryRounds,
                appendListener,
                maxStreamsPerCommand,
                stateCacheSize,
                Optional.of(snapshots));
    }
}
