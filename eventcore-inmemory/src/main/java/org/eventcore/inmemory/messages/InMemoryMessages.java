package org.eventcore.inmemory.messages;

import org.eventcore.messages.MessageId;

/**
 * The message catalogue of eventcore-inmemory: one method per message id, each returning the whole
 * text of the message, starting with its id. Not API: methods may change, ids and meanings stay; the
 * manual lists them (messages page).
 */
public final class InMemoryMessages {

    private InMemoryMessages() {}

    /** A read of the global log asked for fewer than one event. */
    @MessageId(1011)
    public static String invalidLogLimit(int limit) {
        return "EC1011 limit must be at least 1, was " + limit;
    }

    /** A read of the global log was given a position that another kind of store issued. */
    @MessageId(1012)
    public static String foreignPosition(String position) {
        return "EC1012 " + position + " is not a position of an in-memory store";
    }

    /** An appended event does not survive the round trip through the store's serializer, so nothing is stored. */
    @MessageId(1509)
    public static String roundTripFailed(String eventId, String streamId, String problem) {
        return "EC1509 Event " + eventId + " for stream " + streamId + ": " + problem;
    }

    /** An append's tag condition names a read position that an in-memory store did not issue. */
    @MessageId(1017)
    public static String foreignTagPosition(String position) {
        return "EC1017 " + position + " is not the position of a tag read of an in-memory store: pass the"
                + " position its readTagged returned";
    }
}
