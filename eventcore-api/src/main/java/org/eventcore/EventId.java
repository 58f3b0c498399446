package org.eventcore;

import java.util.Objects;
import java.util.UUID;
import org.eventcore.messages.ApiMessages;

/**
 * The identity of one stored event: a version 7 UUID (RFC 9562), so ids are ordered by creation
 * time, and ids created by one process are strictly increasing.
 *
 * <p>Immutable and thread-safe. {@link #generate()} may be called from any number of threads.
 *
 * @param value the UUID; its version is 7
 */
public record EventId(UUID value) implements Comparable<EventId> {

    /**
     * @throws IllegalArgumentException if {@code value} is null or not a version 7 UUID
     */
    public EventId {
        Objects.requireNonNull(value, () -> ApiMessages.invalidEventId(null, 0));
        if (value.version() != 7) {
            throw new IllegalArgumentException(ApiMessages.invalidEventId(value.toString(), value.version()));
        }
    }

    /** A new id, later than every id this process generated before. */
    public static EventId generate() {
        return new EventId(UuidV7.next());
    }

    /** Wraps an existing version 7 UUID, for example one read back from storage. */
    public static EventId of(UUID value) {
        return new EventId(value);
    }

    /** Parses the canonical text form, for example {@code 0192f0c4-8c1e-7d3a-9f00-1a2b3c4d5e6f}. */
    public static EventId parse(String text) {
        return new EventId(UUID.fromString(text));
    }

    /** Orders ids by their 128 bits read as unsigned numbers, which is creation order for UUIDv7. */
    @Override
    public int compareTo(EventId other) {
        int c = Long.compareUnsigned(value.getMostSignificantBits(), other.value.getMostSignificantBits());
        return c != 0
                ? c
                : Long.compareUnsigned(value.getLeastSignificantBits(), other.value.getLeastSignificantBits());
    }

    @Override
    public String toString() {
        return value.toString();
    }
}
