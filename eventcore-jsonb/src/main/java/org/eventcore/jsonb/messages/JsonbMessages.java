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

    /** A stored event has a newer revision than the event class registered in this application. */
    @MessageId(1507)
    public static String revisionTooNew(String eventType, int revision, int registeredRevision, String eventClass) {
        return "EC1507 Stored event of type " + eventType + " has revision " + revision
                + ", newer than the registered revision " + registeredRevision + " of " + eventClass
                + "; deploy the newer event class";
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
}
