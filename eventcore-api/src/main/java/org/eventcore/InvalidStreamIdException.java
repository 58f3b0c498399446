package org.eventcore;

/**
 * Thrown when a text is not a valid {@link StreamId}. The message quotes the bad input (shortened
 * and with control characters escaped) and says what a valid id looks like. A retry cannot help.
 */
public final class InvalidStreamIdException extends IllegalArgumentException {

    InvalidStreamIdException(String message) {
        super(message);
    }
}
