package org.eventcore.messages;

import java.time.Duration;
import java.util.Collection;
import java.util.List;

/**
 * The message catalogue of eventcore-api: one method per message id, each returning the whole text
 * of the message, starting with its id. Not API: methods may change, ids and meanings stay; the manual
 * lists them (messages page).
 */
public final class ApiMessages {

    private ApiMessages() {}

    /**
     * A stream id is null, blank, too long, or contains a control character or an unpaired surrogate.
     *
     * @param value the rejected id, or null if it is null
     */
    @MessageId(1001)
    public static String invalidStreamId(String value, String problem, int maxLength) {
        if (value == null) {
            return "EC1001 Invalid stream id: null. Pass a non-blank text such as \"account-42\".";
        }
        return "EC1001 Invalid stream id " + Quoting.quote(value) + ": " + problem + ". A stream id is 1 to "
                + maxLength + " characters without control characters, for example \"account-42\".";
    }

    /**
     * An event id is null or not a version 7 UUID.
     *
     * @param uuid the rejected UUID, or null if it is null
     */
    @MessageId(1002)
    public static String invalidEventId(String uuid, int version) {
        if (uuid == null) {
            return "EC1002 event id must not be null";
        }
        return "EC1002 Event id " + uuid + " is a version " + version + " UUID; event ids are version 7 UUIDs";
    }

    /** A stream version is negative. */
    @MessageId(1003)
    public static String negativeStreamVersion(long value) {
        return "EC1003 Stream version must be zero or more, was " + value;
    }

    /**
     * A global position has a negative part, or a text is not an encoded global position.
     *
     * @param encoded the text that is not an encoded position, or null when {@code epoch} or
     *     {@code offset} is negative
     */
    @MessageId(1004)
    public static String invalidGlobalPosition(String encoded, long epoch, long offset) {
        if (encoded == null) {
            return "EC1004 Global position parts must be zero or more, were " + epoch + " and " + offset;
        }
        return "EC1004 Not an encoded global position: \"" + encoded + "\"";
    }

    /**
     * A command id is null, blank, too long or contains control characters.
     *
     * @param value the rejected id, or null if it is null
     */
    @MessageId(1005)
    public static String invalidCommandId(String value, String problem) {
        if (value == null) {
            return "EC1005 Invalid command id: null";
        }
        return "EC1005 Invalid command id " + Quoting.quote(value) + ": " + problem;
    }

    /** An event's metadata has a missing or invalid part: an id, the user, the time or a custom entry. */
    @MessageId(1006)
    public static String invalidMetadata(String problem) {
        return "EC1006 " + problem;
    }

    /** A stored event was given version 0, while a stream's versions start at 1. */
    @MessageId(1007)
    public static String storedEventWithoutVersion(String eventId) {
        return "EC1007 A stored event's version starts at 1, was 0 for event " + eventId;
    }

    /**
     * An append request has no event, or an event for a stream the command did not read.
     *
     * @param eventId the event for an unread stream, or null when the request has no event
     */
    @MessageId(1010)
    public static String invalidAppendRequest(String eventId, String stream) {
        if (eventId == null) {
            return "EC1010 An append request needs at least one event";
        }
        return "EC1010 Event " + eventId + " is for stream " + stream
                + ", which has no expected version in the request; every written stream must have been read";
    }

    /** The name of a declarations class was asked for a blank command name. */
    @MessageId(1014)
    public static String blankCommandName() {
        return "EC1014 A command's name is blank";
    }

    /** A component of a retry policy is out of range. */
    @MessageId(1020)
    public static String invalidRetryPolicy(String member, String problem) {
        return "EC1020 RetryPolicy." + member + " " + problem;
    }

    /** The executor's settings allow fewer than one discovery round. */
    @MessageId(1021)
    public static String invalidMaxDiscoveryRounds(int maxDiscoveryRounds) {
        return "EC1021 maxDiscoveryRounds must be at least 1, was " + maxDiscoveryRounds;
    }

    /** The executor's settings allow fewer than one stream per command. */
    @MessageId(1022)
    public static String invalidMaxStreamsPerCommand(int maxStreamsPerCommand) {
        return "EC1022 maxStreamsPerCommand must be at least 1, was " + maxStreamsPerCommand;
    }

    /** A business rule of the command rejected it ({@code Command.require}); nothing was written. */
    @MessageId(1100)
    public static String commandRejected(String commandType, String rule) {
        return "EC1100 Command " + commandType + " rejected: " + rule;
    }

    /** A command has no stream declarations class, usually because the annotation processor did not run. */
    @MessageId(1101)
    public static String streamDeclarationsNotFound(
            String commandType, String declarationsClass, String commandSimpleName) {
        return "EC1101 No stream declarations for command " + commandType + ": class " + declarationsClass
                + " was not found through the command's class loader. Enable the EventCore"
                + " annotation processor, which generates it from the @Stream members: add"
                + " org.eventcore:eventcore-processor as a provided dependency, or list it under"
                + " <annotationProcessorPaths> of maven-compiler-plugin. (It may also be written by hand: a public"
                + " class extending StreamDeclarations<" + commandSimpleName
                + "> with a public no-argument constructor.)";
    }

    /**
     * The stream declarations class of a command is unusable: it does not extend
     * {@code StreamDeclarations}, cannot be created, failed in its constructor or serves another command.
     */
    @MessageId(1102)
    public static String invalidStreamDeclarations(String problem) {
        return "EC1102 " + problem;
    }

    /** A command instance declares no stream: all its {@code @Stream} members are empty. */
    @MessageId(1103)
    public static String noDeclaredStream(String commandType) {
        return "EC1103 Command " + commandType
                + " declares no stream: give it at least one @Stream member that is not empty";
    }

    /** A command wrote with another command's handle, or to a stream it neither declared nor discovered. */
    @MessageId(1104)
    public static String streamNotWritable(String commandType, String problem) {
        return "EC1104 Command " + commandType + " " + problem;
    }

    /** A class executed as a command does not implement {@code Command}. */
    @MessageId(1105)
    public static String notACommand(String type) {
        return "EC1105 " + type + " is not a command: it must implement org.eventcore.Command";
    }

    /** A command passed null to {@code emit} or to {@code StreamResolver.add} in {@code discover}. */
    @MessageId(1106)
    public static String nullFromCommand(String problem) {
        return "EC1106 " + problem;
    }

    /** A command emitted an event that is not of its own event type. */
    @MessageId(1107)
    public static String foreignEvent(String commandType, String eventClass, String eventType) {
        return "EC1107 Command " + commandType + " emitted a " + eventClass + ", which is not one of its events ("
                + eventType + ")";
    }

    /** A command's {@code discover} still added new streams after the most rounds the executor allows. */
    @MessageId(1108)
    public static String discoveryDoesNotEnd(String commandType, int rounds, Collection<?> lastAdded) {
        return "EC1108 Command " + commandType + " was still discovering new streams after " + rounds
                + " rounds (last added: " + lastAdded + "). discover() must reach a fixed point; raise"
                + " ExecutorSettings.maxDiscoveryRounds if the chain is legitimately longer";
    }

    /**
     * A {@code @Stream} member of a command is null, or a collection member holds null.
     *
     * @param position the index of the null element of a collection member, or null when the member
     *     itself is null
     */
    @MessageId(1109)
    public static String nullStreamMember(String member, String commandType, Integer position) {
        return "EC1109 @Stream member '" + member + "' of command " + commandType
                + (position == null ? " is null" : " holds null at position " + position)
                + ": every declared stream must be set";
    }

    /** A command class is declared inside a method, where no declarations class can name it. */
    @MessageId(1110)
    public static String commandDeclaredInMethod(String commandType) {
        return "EC1110 Command " + commandType + " is declared inside a method:"
                + " the annotation processor does not see such classes and no declarations class can name it."
                + " Declare the command at top level or as a static nested type";
    }

    /** A command declares or discovers more streams than one command may read. */
    @MessageId(1111)
    public static String tooManyStreams(String commandType, String how, int streams, int maxStreams) {
        return "EC1111 Command " + commandType + " " + how + " " + streams + " streams, more than the " + maxStreams
                + " one command may read (ExecutorSettings.maxStreamsPerCommand): split the work into several"
                + " commands, or raise the limit if the store can read that many at once";
    }

    /** Streams a command read were changed by another command before it appended; the command runs again. */
    @MessageId(1200)
    public static String streamConflict(List<String> conflicts) {
        return "EC1200 Stream version conflict on " + String.join(", ", conflicts)
                + ": another command changed these streams after this one read them";
    }

    /** Events matching a command's tag queries were appended after it read them; the command runs again. */
    @MessageId(1201)
    public static String tagConflict(List<String> conflicts) {
        return "EC1201 Tag query conflict on " + String.join(", ", conflicts)
                + ": another command appended events these queries match after this one read them";
    }

    /** A text is not a valid tag. */
    @MessageId(1008)
    public static String invalidTag(String value, String problem, int maxLength) {
        return "EC1008 Invalid tag " + (value == null ? "null" : Quoting.quote(value)) + ": " + problem
                + ". A tag is key:value, 1 to " + maxLength
                + " characters without control characters, its key not empty, for example \"course:c-17\".";
    }

    /** A tag query is not valid. */
    @MessageId(1009)
    public static String invalidTagQuery(String problem) {
        return "EC1009 Invalid tag query: " + problem
                + ". A query is one or more items; an item names one or more tags and maybe event types, for example"
                + " TagQuery.of(Set.of(StudentSubscribed.class), Tag.of(\"course\", id)).";
    }

    /** A command has tag queries, but the store cannot read or check them. */
    @MessageId(1112)
    public static String tagQueriesUnsupported(String commandType, String store) {
        return "EC1112 Command " + commandType + " declares tag queries (@Consistency), but the event store "
                + store + " cannot read or check them: use a store that supports tags (the in-memory store,"
                + " JpaEventStore on schema version 8), or declare streams instead";
    }

    /** A {@code @Consistency} member returned null. */
    @MessageId(1113)
    public static String nullConsistencyMember(String member, String commandType) {
        return "EC1113 The @Consistency member " + member + " of command " + commandType
                + " is null: return a TagQuery (TagQuery.tagged(...), TagQuery.of(...))";
    }

    /** A serializer cannot name an event class that a tag query names. */
    @MessageId(1114)
    public static String typeNamesUnsupported(String serializer, String type) {
        return "EC1114 The event serializer " + serializer + " cannot name the stored types of " + type
                + ", which a tag query names: implement EventSerializer.typeNames, or register the class with"
                + " the serializer's EventTypeRegistry";
    }

    /**
     * The executor gave up on a command after its last attempt or at its retry policy's time limit; the
     * message names the last failure and whether the command may be stored.
     *
     * @param elapsed how long the command ran when the time limit stopped it, or null if the attempts ran
     *     out
     * @param timeLimit the retry policy's time limit, or null if the attempts ran out
     */
    @MessageId(1300)
    public static String retriesExhausted(
            String commandType,
            String commandId,
            int attempts,
            Duration elapsed,
            Duration timeLimit,
            String lastFailure,
            boolean outcomeUnknown) {
        return "EC1300 Command " + commandType + " (id " + commandId + ") failed after " + attempts + " attempt"
                + (attempts == 1 ? "" : "s")
                + (elapsed == null
                        ? ""
                        : " in " + elapsed.toMillis() + " ms, reaching the retry policy's time limit of "
                                + timeLimit.toMillis() + " ms")
                + "; last failure: " + lastFailure
                + (outcomeUnknown
                        ? ". The outcome of an attempt's commit is unknown: the command may be stored;"
                                + " execute it again with the same command id (" + commandId
                                + ") to find out without applying it twice"
                        : "");
    }

    /** An attempt failed without being retried after an earlier attempt's commit outcome was unknown. */
    @MessageId(1302)
    public static String attemptFailed(int attempt, Throwable failure) {
        return "EC1302 Attempt " + attempt + " failed: " + failure.getClass().getName() + ": " + failure.getMessage();
    }

    /** The connection was lost while committing, so the command may or may not be stored. */
    @MessageId(1320)
    public static String commitConnectionLost(String failure) {
        return "EC1320 The connection was lost while committing; the command may or may not be stored: " + failure;
    }

    /** The transaction ended with a heuristic mixed outcome, so the command may or may not be stored. */
    @MessageId(1321)
    public static String commitHeuristicMixed(String failure) {
        return "EC1321 The transaction ended with a heuristic mixed outcome; the command may or may not be"
                + " stored: " + failure;
    }

    /** The database refused the data at commit (for example a deferred constraint); not retried. */
    @MessageId(1322)
    public static String commitRefused(String failure) {
        return "EC1322 The database refused the commit: " + failure;
    }

    /**
     * The commit failed transiently and was rolled back, or the transaction was rolled back instead of
     * committed (timed out, marked for rollback); the command runs again.
     *
     * @param transactionRolledBack whether the transaction was rolled back instead of committed, rather
     *     than the database failing the commit
     */
    @MessageId(1323)
    public static String commitRolledBack(boolean transactionRolledBack, String failure) {
        return transactionRolledBack
                ? "EC1323 The transaction was rolled back instead of committed (it timed out or was marked for"
                        + " rollback); the command runs again if attempts remain: " + failure
                : "EC1323 The commit failed and was rolled back; the command runs again if attempts remain: " + failure;
    }

    /** The transaction manager failed while committing, so the command may or may not be stored. */
    @MessageId(1324)
    public static String commitFailedInTransactionManager(String failure) {
        return "EC1324 The transaction manager failed while committing; the command may or may not be stored: "
                + failure;
    }

    /** The transaction of an attempt could not begin; the command runs again. */
    @MessageId(1325)
    public static String beginFailed(String failure) {
        return "EC1325 The transaction of an attempt could not begin; the command runs again if attempts remain: "
                + failure;
    }

    /** An append carried a command id the store already holds: the command was applied before. */
    @MessageId(1400)
    public static String duplicateCommand(String commandId) {
        return "EC1400 Command " + commandId + " was already applied; its events are stored";
    }

    /** An event class to be written is not registered in the event type registry. */
    @MessageId(1501)
    public static String unregisteredEventClass(String eventClass) {
        return "EC1501 Event class " + eventClass
                + " is not registered: add it to the EventTypeRegistry (with an @EventType name) before writing it";
    }

    /** A stored event's type name has no class registered under it. */
    @MessageId(1502)
    public static String unknownEventType(String name) {
        return "EC1502 Unknown event type \"" + name
                + "\" in storage: no class is registered under this name and no upcaster reads it. Register the"
                + " class that carries @EventType(name = \"" + name + "\") in the EventTypeRegistry, or, if the"
                + " type was renamed, an upcaster from the old name; if a newer release of the application"
                + " wrote it, deploy that release's event classes on every node first";
    }

    /**
     * A stored event has a newer revision than this application reads: a newer release wrote it, and
     * this node runs an older one (a rolled-back or not yet upgraded node).
     */
    @MessageId(1507)
    public static String revisionTooNew(String eventType, int revision, int registeredRevision, String eventClass) {
        return "EC1507 Stored event of type " + eventType + " has revision " + revision
                + ", newer than revision " + registeredRevision + " of " + eventClass
                + " that this release reads; a newer release of the application wrote it. Deploy a release"
                + " that reads revision " + revision + " (the class at that revision, or a read-ahead step) on"
                + " every node before any node writes it";
    }

    /** The upcasters of an event type registry do not form valid chains; each problem is named. */
    @MessageId(1512)
    public static String invalidUpcasters(List<String> problems) {
        return "EC1512 The upcasters of the event type registry do not form valid chains: "
                + String.join("; ", problems);
    }

    /**
     * A stored event's revision has no upcaster that leads to a registered class, though other
     * revisions of its type do.
     */
    @MessageId(1513)
    public static String noUpcasterPath(String eventType, int revision, String detail) {
        return "EC1513 Stored event of type " + eventType + " at revision " + revision + " cannot be read: " + detail;
    }

    /** An upcaster failed on a stored event, or returned nothing. */
    @MessageId(1514)
    public static String upcasterFailed(String upcaster, String eventType, int revision, String problem) {
        return "EC1514 Upcaster " + upcaster + " failed on a stored event of type " + eventType + " at revision "
                + revision + ": " + problem;
    }

    /**
     * An event class cannot be registered: it has no {@code @EventType}, an invalid name or revision,
     * is abstract, or is not sealed where a sealed family was expected.
     */
    @MessageId(1503)
    public static String invalidEventTypeRegistration(String problem) {
        return "EC1503 " + problem;
    }

    /**
     * An event type name is registered for two classes, or one class under two names.
     *
     * @param registeredClass the class registered first under {@code name}, or null when
     *     {@code eventClass} was registered first under {@code registeredName}
     */
    @MessageId(1504)
    public static String eventTypeRegisteredTwice(
            String name, String eventClass, String registeredClass, String registeredName) {
        if (registeredClass != null) {
            return "EC1504 Event type name \"" + name + "\" is used by both " + registeredClass + " and " + eventClass;
        }
        return "EC1504 " + eventClass + " is registered twice, as \"" + registeredName + "\" and \"" + name + "\"";
    }

    /**
     * A {@code @CachedState} command type's state type is not immutable by its declaration.
     *
     * @param problem the mutable part and why
     */
    @MessageId(1701)
    public static String mutableCachedState(String commandType, String problem) {
        return "EC1701 Command " + commandType + " is annotated @CachedState, but its state cannot be cached: "
                + problem + ". A cached state is shared by the commands that find it, so it must be immutable:"
                + " a record, an enum, a sealed type of such, or a final class with final fields, holding"
                + " immutable values and collections made by List.of, List.copyOf, Map.copyOf and the like."
                + " Make it so, or remove @CachedState";
    }

    /** {@code @CachedState} has a revision below 1 or a negative snapshot interval. */
    @MessageId(1702)
    public static String invalidCachedState(String commandType, int foldRevision, int stateRevision, int every) {
        return "EC1702 @CachedState of command " + commandType + " has foldRevision " + foldRevision
                + ", stateRevision " + stateRevision + " and snapshotEvery " + every
                + ": the revisions are at least 1 and snapshotEvery at least 0 (0: no snapshots)";
    }

    /** A state value of a cached command holds a mutable collection: not cached. */
    @MessageId(1703)
    public static String mutableStateValue(String commandType, String part) {
        return "EC1703 The state folded for command " + commandType + " holds a modifiable collection at " + part
                + ", so it is not cached (this warning is given once per command type). Build the state's"
                + " collections with List.copyOf, Set.copyOf, Map.copyOf or List.of and the like";
    }

    /** A snapshot cannot be read back: ignored, folded from the start instead. */
    @MessageId(1704)
    public static String unreadableSnapshot(String key, String problem) {
        return "EC1704 The snapshot of " + Quoting.quote(key.replace('\n', ' ')) + " cannot be used and is ignored;"
                + " the state is folded from the streams' first events and a new snapshot replaces it: " + problem;
    }

    /** Storing or loading a snapshot failed: the command is not affected. */
    @MessageId(1705)
    public static String snapshotFailed(String operation, String key) {
        return "EC1705 The snapshot of " + Quoting.quote(key.replace('\n', ' ')) + " could not be " + operation
                + "; the command is not affected";
    }

    /** {@code GlobalLogReader.lag} was asked to count fewer than one event. */
    @MessageId(1015)
    public static String invalidLagLimit(int limit) {
        return "EC1015 A log lag was asked with limit " + limit + "; it counts at least 1 event";
    }

    /** A {@code LogQuery} was built with a limit out of range, an empty or too long filter, or an empty time range. */
    @MessageId(1016)
    public static String invalidLogQuery(String what) {
        return "EC1016 A log query is not valid: " + what;
    }

    /** The state cache's size is negative. */
    @MessageId(1706)
    public static String invalidStateCacheSize(int size) {
        return "EC1706 The state cache's size is " + size + "; it is a number of entries, at least 0 (0: no cache)";
    }

    /** An after-commit or after-rollback hook of an attempt failed; the attempt's outcome stands. */
    @MessageId(1900)
    public static String hookFailed(String phase) {
        return "EC1900 An " + phase + " hook failed; the attempt's outcome stands";
    }

    /** An {@code ExecutionListener} failed; the executor ignores it. */
    @MessageId(1901)
    public static String listenerFailed() {
        return "EC1901 An ExecutionListener failed; ignored";
    }
}
