package org.eventcore;

/** A tag or a tag query is not valid (EC1008, EC1009); the message names the input and the rule. */
public final class InvalidTagException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong and how to write it (EC1008, EC1009) */
    public InvalidTagException(String message) {
        super(message);
    }
}
