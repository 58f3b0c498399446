package org.eventcore.testkit.chaos;

import java.time.Duration;
import java.util.Objects;

/**
 * What a {@link ChaosEventStore} injects, as probabilities per call between 0 and 1.
 *
 * @param seed the seed of the random source, so that a failing run can be repeated
 * @param readFailureRate reads that fail with a transient error
 * @param appendFailureRate appends that fail with a transient error before reaching the store
 * @param conflictRate appends that fail with an injected conflict before reaching the store
 * @param unknownOutcomeRate appends that reach the store and succeed, then report a
 *     {@link org.eventcore.CommitOutcomeUnknownException}: the case idempotency must survive
 * @param maxLatency the longest random delay added to each call (zero for none)
 */
public record ChaosSettings(
        long seed,
        double readFailureRate,
        double appendFailureRate,
        double conflictRate,
        double unknownOutcomeRate,
        Duration maxLatency) {

    /** No chaos at all, seed 0. */
    public static final ChaosSettings NONE = new ChaosSettings(0, 0, 0, 0, 0, Duration.ZERO);

    public ChaosSettings {
        requireRate("readFailureRate", readFailureRate);
        requireRate("appendFailureRate", appendFailureRate);
        requireRate("conflictRate", conflictRate);
        requireRate("unknownOutcomeRate", unknownOutcomeRate);
        Objects.requireNonNull(maxLatency, "maxLatency");
        if (maxLatency.isNegative()) {
            throw new IllegalArgumentException("maxLatency must not be negative, was " + maxLatency);
        }
        if (appendFailureRate + conflictRate + unknownOutcomeRate > 1.0) {
            throw new IllegalArgumentException(
                    "appendFailureRate + conflictRate + unknownOutcomeRate must not exceed 1");
        }
    }

    private static void requireRate(String name, double rate) {
        if (!(rate >= 0.0 && rate <= 1.0)) {
            throw new IllegalArgumentException(name + " must be between 0 and 1, was " + rate);
        }
    }

    public ChaosSettings withSeed(long seed) {
        return new ChaosSettings(
                seed, readFailureRate, appendFailureRate, conflictRate, unknownOutcomeRate, maxLatency);
    }

    public ChaosSettings withReadFailureRate(double rate) {
        return new ChaosSettings(seed, rate, appendFailureRate, conflictRate, unknownOutcomeRate, maxLatency);
    }

    public ChaosSettings withAppendFailureRate(double rate) {
        return new ChaosSettings(seed, readFailureRate, rate, conflictRate, unknownOutcomeRate, maxLatency);
    }

    public ChaosSettings withConflictRate(double rate) {
        return new ChaosSettings(seed, readFailureRate, appendFailureRate, rate, unknownOutcomeRate, maxLatency);
    }

    public ChaosSettings withUnknownOutcomeRate(double rate) {
        return new ChaosSettings(seed, readFailureRate, appendFailureRate, conflictRate, rate, maxLatency);
    }

    public ChaosSettings withMaxLatency(Duration maxLatency) {
        return new ChaosSettings(
                seed, readFailureRate, appendFailureRate, conflictRate, unknownOutcomeRate, maxLatency);
    }
}
