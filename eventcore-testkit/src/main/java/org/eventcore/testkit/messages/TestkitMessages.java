package org.eventcore.testkit.messages;

import org.eventcore.messages.MessageId;

/**
 * The message catalogue of eventcore-testkit: one method per message id, each returning the whole text
 * of the message, starting with its id. Not API: methods may change, ids and meanings stay; the manual
 * lists them (messages page).
 */
public final class TestkitMessages {

    private TestkitMessages() {}

    /** The chaos store failed a read on purpose, as an unavailable database would. */
    @MessageId(1950)
    public static String injectedReadFailure() {
        return "EC1950 Injected read failure (ChaosEventStore)";
    }

    /** The chaos store failed an append on purpose before it reached the store, so nothing was stored. */
    @MessageId(1951)
    public static String injectedAppendFailure() {
        return "EC1951 Injected append failure before the store (ChaosEventStore)";
    }

    /** The chaos store stored an append and then reported its commit outcome as unknown, on purpose. */
    @MessageId(1952)
    public static String injectedUnknownOutcome() {
        return "EC1952 Injected unknown commit outcome (ChaosEventStore): the append was stored";
    }

    /** A command with tag queries ran through a chaos store whose store cannot read tags. */
    @MessageId(1953)
    public static String chaosWithoutTags(String delegate) {
        return "EC1953 The store wrapped by ChaosEventStore (" + delegate + ") cannot read or check tag queries:"
                + " wrap a store that implements TagReader";
    }
}
