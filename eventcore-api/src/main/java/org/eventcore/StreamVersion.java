package org.eventcore;

import org.eventcore.messages.ApiMessages;

/**
 * The version of a stream: the number of events it holds. Version {@code n} is the version of the
 * stream's n-th event; a stream's versions are 1..n with no gap (invariant I2). {@link #NONE} (0)
 * is the version of a stream that has no event yet.
 *
 * <p>Immutable and thread-safe.
 *
 * @param value the version, zero or more
 */
public record StreamVersion(long value) implements Comparable<StreamVersion> {

    /** The version of a stream without events. Expecting it means "the stream must not exist yet". */
    public static final StreamVersion NONE = new StreamVersion(0);

    /**
     * @throws IllegalArgumentException if {@code value} is negative
     */
    public StreamVersion {
        if (value < 0) {
            throw new IllegalArgumentException(ApiMessages.negativeStreamVersion(value));
        }
    }

    /** The version {@code value}. */
    public static StreamVersion of(long value) {
        return value == 0 ? NONE : new StreamVersion(value);
    }

    /** The version after this one. */
    public StreamVersion next() {
        return new StreamVersion(value + 1);
    }

    /** Whether the stream has no event at this version. */
    public boolean isNone() {
        return value == 0;
    }

    @Override
    public int compareTo(StreamVersion other) {
        return Long.compare(value, other.value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
