package org.eventcore;

/**
 * The store lost contact while committing, so it cannot tell whether the append was stored. The
 * executor retries: it first looks the command id up in the store and, if the first commit did
 * succeed, returns its result instead of applying the command again.
 */
public final class CommitOutcomeUnknownException extends StoreUnavailableException {

    public CommitOutcomeUnknownException(String message, Throwable cause) {
        super(message, cause);
    }
}
