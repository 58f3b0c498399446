package org.eventcore.execution;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.eventcore.messages.ApiMessages;

/**
 * How the executor retries a command after a conflict or a transient store failure: at most
 * {@code maxAttempts} attempts in all, waiting before attempt n (n &ge; 2)
 * {@code min(maxDelay, baseDelay * multiplier^(n-2))}, of which a random fraction up to
 * {@code jitter} is taken off so that competing commands spread out. Business-rule rejections are
 * never retried.
 *
 * <p>{@code timeLimit} bounds the whole execution when the store is down or slow: no retry starts, and
 * no wait runs, past that time after the command began; the command then fails with
 * {@link org.eventcore.RetriesExhaustedException} whose last failure says what went wrong (for a
 * database that is down: {@link org.eventcore.StoreUnavailableException}). An attempt already running
 * is bounded by the store's own timeouts (the statement timeout, the connection pool's acquisition
 * timeout), so a command takes at most {@code timeLimit} plus one attempt.
 *
 * <pre>{@code
 * RetryPolicy policy = RetryPolicy.DEFAULT.withMaxAttempts(10).withBaseDelay(Duration.ofMillis(2));
 * RetryPolicy impatient = RetryPolicy.DEFAULT.withTimeLimit(Duration.ofSeconds(2));
 * }</pre>
 *
 * <p>Immutable and thread-safe.
 *
 * @param maxAttempts attempts in all, at least 1 (1 means no retry)
 * @param baseDelay the wait before the second attempt, zero or more
 * @param multiplier the growth of the wait per attempt, at least 1
 * @param maxDelay the longest wait, at least {@code baseDelay}
 * @param jitter the largest fraction of a wait taken off at random, 0 to 1
 * @param timeLimit how long after its start a command may still be retried, more than zero
 */
public record RetryPolicy(
        int maxAttempts, Duration baseDelay, double multiplier, Duration maxDelay, double jitter, Duration timeLimit) {

    /** The time limit of the five-argument constructor and of {@link #DEFAULT}: 30 seconds. */
    public static final Duration DEFAULT_TIME_LIMIT = Duration.ofSeconds(30);

    /** 8 attempts, 5 ms doubling up to 1 s, half jitter, no retry later than 30 s after the start. */
    public static final RetryPolicy DEFAULT = new RetryPolicy(8, Duration.ofMillis(5), 2.0, Duration.ofSeconds(1), 0.5);

    private static final Duration LONGEST_NANOS = Duration.ofNanos(Long.MAX_VALUE);

    /**
     * @throws IllegalArgumentException if a component is out of range; the message names it
     */
    public RetryPolicy {
        Objects.requireNonNull(baseDelay, "baseDelay");
        Objects.requireNonNull(maxDelay, "maxDelay");
        Objects.requireNonNull(timeLimit, "timeLimit");
        if (timeLimit.isNegative() || timeLimit.isZero()) {
            throw new IllegalArgumentException(
                    ApiMessages.invalidRetryPolicy("timeLimit", "must be more than zero, was " + timeLimit));
        }
        if (maxAttempts < 1) {
            throw new IllegalArgumentException(
                    ApiMessages.invalidRetryPolicy("maxAttempts", "must be at least 1, was " + maxAttempts));
        }
        if (baseDelay.isNegative()) {
            throw new IllegalArgumentException(
                    ApiMessages.invalidRetryPolicy("baseDelay", "must not be negative, was " + baseDelay));
        }
        if (!(multiplier >= 1.0) || Double.isInfinite(multiplier)) {
            throw new IllegalArgumentException(
                    ApiMessages.invalidRetryPolicy("multiplier", "must be at least 1, was " + multiplier));
        }
        if (maxDelay.compareTo(baseDelay) < 0) {
            throw new IllegalArgumentException(ApiMessages.invalidRetryPolicy(
                    "maxDelay", "(" + maxDelay + ") must not be less than baseDelay (" + baseDelay + ")"));
        }
        if (!(jitter >= 0.0 && jitter <= 1.0)) {
            throw new IllegalArgumentException(
                    ApiMessages.invalidRetryPolicy("jitter", "must be between 0 and 1, was " + jitter));
        }
    }

    /** A policy with the {@linkplain #DEFAULT_TIME_LIMIT default time limit}. */
    public RetryPolicy(int maxAttempts, Duration baseDelay, double multiplier, Duration maxDelay, double jitter) {
        this(maxAttempts, baseDelay, multiplier, maxDelay, jitter, DEFAULT_TIME_LIMIT);
    }

    /** One attempt, no retry. */
    public static RetryPolicy none() {
        return new RetryPolicy(1, Duration.ZERO, 1.0, Duration.ZERO, 0.0);
    }

    public RetryPolicy withMaxAttempts(int maxAttempts) {
        return new RetryPolicy(maxAttempts, baseDelay, multiplier, maxDelay, jitter, timeLimit);
    }

    public RetryPolicy withBaseDelay(Duration baseDelay) {
        return new RetryPolicy(
                maxAttempts,
                baseDelay,
                multiplier,
                maxDelay.compareTo(baseDelay) < 0 ? baseDelay : maxDelay,
                jitter,
                timeLimit);
    }

    public RetryPolicy withMultiplier(double multiplier) {
        return new RetryPolicy(maxAttempts, baseDelay, multiplier, maxDelay, jitter, timeLimit);
    }

    public RetryPolicy withMaxDelay(Duration maxDelay) {
        return new RetryPolicy(maxAttempts, baseDelay, multiplier, maxDelay, jitter, timeLimit);
    }

    public RetryPolicy withJitter(double jitter) {
        return new RetryPolicy(maxAttempts, baseDelay, multiplier, maxDelay, jitter, timeLimit);
    }

    /** This policy with another {@code timeLimit} (see the class description). */
    public RetryPolicy withTimeLimit(Duration timeLimit) {
        return new RetryPolicy(maxAttempts, baseDelay, multiplier, maxDelay, jitter, timeLimit);
    }

    /** {@link #timeLimit()} in nanoseconds, saturated at {@code Long.MAX_VALUE}. */
    public long timeLimitNanos() {
        return nanosOf(timeLimit);
    }

    /**
     * The wait before attempt {@code attempt} (2 for the first retry), with jitter drawn from
     * {@code random}.
     */
    public Duration delayBefore(int attempt, RandomGenerator random) {
        if (attempt < 2) {
            return Duration.ZERO;
        }
        double nanos = nanosOf(baseDelay) * Math.pow(multiplier, attempt - 2);
        double capped = Math.min(nanos, nanosOf(maxDelay));
        double jittered = capped * (1.0 - jitter * random.nextDouble());
        return Duration.ofNanos((long) jittered);
    }

    /** The duration in nanoseconds, saturated at {@code Long.MAX_VALUE} (about 292 years) instead of overflowing. */
    private static long nanosOf(Duration duration) {
        return duration.compareTo(LONGEST_NANOS) >= 0 ? Long.MAX_VALUE : duration.toNanos();
    }
}
