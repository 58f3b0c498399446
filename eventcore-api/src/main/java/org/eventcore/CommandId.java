package org.eventcore;

import java.util.Optional;
import org.eventcore.messages.ApiMessages;

/**
 * The identity of one execution of a command: its idempotency key. Every event a command writes
 * carries its command id as causation id, and a store keeps command ids unique, so a command whose
 * first commit succeeded without the caller knowing (the connection died while committing) is
 * recognised when it is retried and is not applied twice.
 *
 * <p>By default the executor generates one (a UUIDv7 text). Callers that retry on their own, for
 * example an HTTP client repeating a request, pass the same id each time (for example taken from an
 * {@code Idempotency-Key} header) to make their retries safe.
 *
 * <p>A command id is 1 to 128 characters without control characters. Immutable and thread-safe.
 *
 * @param value the id text
 */
public record CommandId(String value) {

    /** The largest number of code points a command id may have. */
    public static final int MAX_LENGTH = 128;

    /**
     * @throws IllegalArgumentException if {@code value} is null, blank, too long or contains control
     *     characters
     */
    public CommandId {
        if (value == null) {
            throw new IllegalArgumentException(ApiMessages.invalidCommandId(null, null));
        }
        Optional<String> problem = Identifiers.problem(value, MAX_LENGTH);
        if (problem.isPresent()) {
            throw new IllegalArgumentException(ApiMessages.invalidCommandId(value, problem.get()));
        }
    }

    /** A command id from a caller-supplied key. */
    public static CommandId of(String value) {
        return new CommandId(value);
    }

    /** A new unique command id (a UUIDv7 in text form). */
    public static CommandId generate() {
        return new CommandId(UuidV7.next().toString());
    }

    @Override
    public String toString() {
        return value;
    }
}
