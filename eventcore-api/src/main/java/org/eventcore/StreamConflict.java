package org.eventcore;

import java.util.Objects;

/**
 * One stale stream in a conditional append: the command read it at {@code expected}, but the store
 * holds it at {@code actual}.
 *
 * @param streamId the stream
 * @param expected the version the command read ({@link StreamVersion#NONE} if it did not exist)
 * @param actual the version in the store now
 */
public record StreamConflict(StreamId streamId, StreamVersion expected, StreamVersion actual) {

    public StreamConflict {
        Objects.requireNonNull(streamId, "streamId");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(actual, "actual");
    }

    @Override
    public String toString() {
        return streamId + " (expected version " + expected + ", actual " + actual + ")";
    }
}
