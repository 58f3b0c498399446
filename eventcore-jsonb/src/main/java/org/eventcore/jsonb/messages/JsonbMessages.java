package org.eventcore.jsonb.messages;

import org.eventcore.messages.MessageId;

/**
 * The message catalogue of eventcore-jsonb: one method per message id, each returning the whole text
 * of the message, starting with its id. Not API: methods may change, ids and meanings stay; the manual
 * lists them (messages page).
 */
public final class JsonbMessages {

    private JsonbMessages() {}

    /** JSON-B could not write an event payload as JSON. */
    @MessageId(1505)
    public static String cannotSerialize(String eventType, String payloadClass, String problem) {
        return "EC1505 Cannot serialize event of type " + eventType + " (" + payloadClass + "): " + problem;
    }

    /** An event's JSON is larger than the serializer's payload limit, so it is not stored. */
    @MessageId(1506)
    public static String payloadTooLarge(String eventType, int bytes, int maxPayloadBytes) {
        return "EC1506 Event of type " + eventType + " is " + bytes + " bytes as JSON, more than the limit of "
                + maxPayloadBytes + " bytes; keep large content outside the event and store a reference";
    }

    /**
     * The registry holds an upcaster that works on another payload form than JSON-P's {@code
     * JsonObject}, which this serializer gives its upcasters.
     */
    @MessageId(1515)
    public static String upcasterFormNotJson(String upcaster, String form) {
        return "EC1515 Upcaster " + upcaster + " works on " + form + ", but JsonbEventSerializer gives upcasters"
                + " a jakarta.json.JsonObject: implement JsonUpcaster, or use a serializer for that form";
    }

    /** A stored event's bytes cannot be read back as its registered event class. */
    @MessageId(1508)
    public static String unreadableStoredEvent(String eventType, String problem) {
        return "EC1508 Stored event of type " + eventType + " " + problem;
    }

    /** The serializer was given a payload limit below one byte. */
    @MessageId(1510)
    public static String invalidMaxPayloadBytes(int maxPayloadBytes) {
        return "EC1510 maxPayloadBytes must be at least 1, was " + maxPayloadBytes;
    }

    /** An event's JSON contains an unpaired surrogate, which UTF-8 cannot store unchanged. */
    @MessageId(1511)
    public static String invalidUnicode(String eventType, String where) {
        return "EC1511 Event of type " + eventType + " contains text that is not valid Unicode (" + where
                + " of its JSON): it could not be stored unchanged";
    }

    /** A command state could not be written as JSON for a snapshot. */
    @MessageId(1516)
    public static String stateNotWritten(String stateClass, String problem) {
        return "EC1516 The state " + stateClass + " could not be written as JSON for a snapshot: " + problem;
    }

    /** A snapshot's JSON could not be read back into the command's state class. */
    @MessageId(1517)
    public static String stateNotRead(String stateClass, String problem) {
        return "EC1517 A snapshot could not be read back into the state " + stateClass + ": " + problem;
    }
}
