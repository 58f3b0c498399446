package org.eventcore;

import java.util.Optional;
import org.eventcore.messages.ApiMessages;

/**
 * The identity of an event stream, for example {@code account-42}.
 *
 * <p>A stream id is 1 to 255 characters (Unicode code points) long, not blank, and contains no
 * control characters and no unpaired surrogates. Any other character is allowed, including quotes,
 * semicolons and non-ASCII letters: stores always bind stream ids as parameters and return them
 * unchanged.
 *
 * <p>Instances are immutable and thread-safe. Construction validates ("parse, don't validate"), so
 * holding a {@code StreamId} means holding a valid one:
 *
 * <pre>{@code
 * StreamId alice = StreamId.of("account-alice");
 * StreamId.of("");        // InvalidStreamIdException: EC1001 ...
 * }</pre>
 *
 * @param value the id as given; never {@code null}
 */
public record StreamId(String value) implements Comparable<StreamId> {

    /** The largest number of code points a stream id may have. */
    public static final int MAX_LENGTH = 255;

    /**
     * Validates and creates a stream id.
     *
     * @throws InvalidStreamIdException if {@code value} is null, blank, too long, or contains a
     *     control character or an unpaired surrogate; the message names the bad input
     */
    public StreamId {
        if (value == null) {
            throw new InvalidStreamIdException(ApiMessages.invalidStreamId(null, null, MAX_LENGTH));
        }
        Optional<String> problem = Identifiers.problem(value, MAX_LENGTH);
        if (problem.isPresent()) {
            throw new InvalidStreamIdException(ApiMessages.invalidStreamId(value, problem.get(), MAX_LENGTH));
        }
    }

    /**
     * Creates a stream id from its text.
     *
     * @throws InvalidStreamIdException if the text is not a valid stream id
     */
    public static StreamId of(String value) {
        return new StreamId(value);
    }

    /** Orders stream ids by their text (UTF-16 code unit order); stores lock streams in this order. */
    @Override
    public int compareTo(StreamId other) {
        return value.compareTo(other.value);
    }

    @Override
    public String toString() {
        return value;
    }
}
