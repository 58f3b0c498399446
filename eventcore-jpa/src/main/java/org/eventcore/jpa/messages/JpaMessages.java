package org.eventcore.jpa.messages;

import java.time.Duration;
import java.util.List;
import org.eventcore.messages.MessageId;
import org.eventcore.messages.Quoting;

/**
 * The message catalogue of eventcore-jpa: one method per message id, each returning the whole text of
 * the message, starting with its id. Not API: methods may change, ids and meanings stay; the manual
 * lists them (messages page).
 */
public final class JpaMessages {

    private JpaMessages() {}

    /** The store's settings were given a statement timeout shorter than one millisecond. */
    @MessageId(3001)
    public static String statementTimeoutTooShort(Duration statementTimeout) {
        return "EC3001 statementTimeout must be at least 1 ms, was " + statementTimeout;
    }

    /** A resource-local attempt was started while another attempt was running on the same thread. */
    @MessageId(3002)
    public static String nestedAttempt() {
        return "EC3002 An attempt is already running on this thread; attempts do not nest";
    }

    /** Rolling back a resource-local attempt failed, so its connection is discarded. */
    @MessageId(3003)
    public static String rollbackFailed() {
        return "EC3003 Rolling back an attempt failed; the connection is discarded";
    }

    /** Closing the entity manager of a resource-local attempt failed after the attempt ended; its outcome stands. */
    @MessageId(3004)
    public static String closeFailed() {
        return "EC3004 Closing the entity manager of an attempt failed after the attempt ended; its outcome stands";
    }

    /** The global log was asked for fewer than one event. */
    @MessageId(3005)
    public static String invalidLogReadLimit(int limit) {
        return "EC3005 limit must be at least 1, was " + limit;
    }

    /** The JTA store was called on a thread that has no JTA transaction. */
    @MessageId(3010)
    public static String noActiveJtaTransaction() {
        return "EC3010 The JPA event store needs an active JTA transaction, but there is"
                + " none on this thread: call it inside a transaction (an attempt of JtaAttemptBoundary, a"
                + " @Transactional method or UserTransaction.begin())";
    }

    /** An attempt of {@code JtaAttemptBoundary} was started on a thread that is already in a transaction. */
    @MessageId(3011)
    public static String jtaTransactionAlreadyPresent(String status) {
        return "EC3011 A JTA transaction is already " + status
                + " on this thread: JtaAttemptBoundary begins a new transaction"
                + " for each attempt and does not join the caller's. Execute the command outside the"
                + " transaction, or let the CDI layer (eventcore-cdi) run it in the caller's transaction";
    }

    /** Rolling back the JTA transaction of a failed attempt failed, or afterwards the thread could not leave it. */
    @MessageId(3015)
    public static String jtaRollbackFailed(boolean leavingFailed) {
        return leavingFailed
                ? "EC3015 The thread could not leave the JTA transaction of a failed attempt"
                : "EC3015 Rolling back the JTA transaction of an attempt failed";
    }

    /** Closing the entity manager of a completed JTA transaction failed. */
    @MessageId(3016)
    public static String entityManagerCloseFailed() {
        return "EC3016 Closing the entity manager of a completed transaction failed";
    }

    /** The JTA transaction of an attempt timed out or was marked for rollback, so the command runs again. */
    @MessageId(3017)
    public static String jtaTransactionNotActive(String status) {
        return "EC3017 The JTA transaction of this attempt is " + status
                + " (it timed out or was marked for rollback); the command runs again in a"
                + " new transaction if attempts remain";
    }

    /** A stored checkpoint holds a value that is not a global log position. */
    @MessageId(3020)
    public static String invalidCheckpointPosition(String projection, String position) {
        return "EC3020 The checkpoint of projection " + projection + " holds \"" + position
                + "\", which is not a position";
    }

    /** A schema script of this module is missing from the class path. */
    @MessageId(3030)
    public static String schemaScriptMissing(String resource) {
        return "EC3030 The schema script " + resource + " is missing from the class path";
    }

    /** The database's EventCore schema is older than a component needs; the message names the scripts to run. */
    @MessageId(3031)
    public static String schemaTooOld(int found, int needed, String component, String scripts) {
        return "EC3031 The EventCore schema in this database is at version " + found
                + upgrade(needed, component, scripts);
    }

    /** The database's current schema (search path) holds no EventCore schema; the message names the scripts to run. */
    @MessageId(3032)
    public static String schemaMissing(int needed, String component, String scripts) {
        return "EC3032 This database has no EventCore schema in its current schema (search path)"
                + upgrade(needed, component, scripts);
    }

    /** The error text stored with a skipped event cannot be read from the database. */
    @MessageId(3033)
    public static String skippedEventErrorUnreadable() {
        return "EC3033 The error text of a skipped event cannot be read";
    }

    /** A row of {@code ec_snapshots} cannot be read: its stream versions are not as EventCore writes them. */
    @MessageId(3034)
    public static String invalidSnapshotRow(String key, String problem) {
        return "EC3034 The snapshot row of \"" + key + "\" in ec_snapshots cannot be read (" + problem
                + "); delete the row: the next command of its streams folds them from the first event";
    }

    /** The database trigger refused a change of a stored event (an update, delete or truncate of {@code ec_events}). */
    @MessageId(3100)
    public static String storedEventImmutable(String operation) {
        return "EC3100 Stored events are immutable: " + operation + " on ec_events is not allowed";
    }

    /** An event's payload cannot be serialized, so the append stores nothing. */
    @MessageId(3201)
    public static String eventNotStorable(String eventId, String stream, String problem) {
        return "EC3201 Event " + eventId + " for stream " + stream + " cannot be stored: " + problem;
    }

    /**
     * A stored event's payload, event id or stream id cannot be read back; the message names the event, its
     * type, stream and version.
     */
    @MessageId(3202)
    public static String storedEventUnreadable(
            String eventId, String eventType, String stream, long version, String problem) {
        return "EC3202 Stored event " + eventId + " (type " + eventType + ", stream " + stream + ", version " + version
                + ") cannot be read: " + problem;
    }

    /** A stored event's metadata cannot be read back; the message names the event, its type, stream and version. */
    @MessageId(3203)
    public static String storedMetadataUnreadable(
            String eventId, String eventType, String stream, long version, String problem) {
        return "EC3203 Stored event " + eventId + " (type " + eventType + ", stream " + stream + ", version " + version
                + ") has metadata that cannot be read: " + problem;
    }

    /**
     * The database aborted an operation to resolve concurrent access (serialization failure or
     * deadlock), so the command runs again.
     */
    @MessageId(3301)
    public static String concurrentAccessAborted(String operation, String sqlStateOrNull, String cause) {
        return "EC3301 The database aborted the " + operation + " to resolve concurrent access"
                + detail(sqlStateOrNull, cause);
    }

    /**
     * A unique constraint detected a concurrent operation, so the command runs again.
     */
    @MessageId(3302)
    public static String concurrentWriteDetected(String operation, String sqlStateOrNull, String cause) {
        return "EC3302 A concurrent " + operation + " was detected by a unique constraint; the command runs again"
                + detail(sqlStateOrNull, cause);
    }

    /**
     * The database was unavailable or timed out during an operation, so the command runs again if
     * attempts remain.
     */
    @MessageId(3303)
    public static String databaseUnavailable(String operation, String sqlStateOrNull, String cause) {
        return "EC3303 The database is unavailable or timed out during the " + operation
                + "; the command runs again if attempts remain" + detail(sqlStateOrNull, cause);
    }

    /**
     * An append was refused because its transaction began writing before the last append to one of its
     * streams committed, which would put the streams' events out of order in the global log.
     */
    @MessageId(3305)
    public static String appendOutOfOrder(long txId, long newest, List<String> streams) {
        return "EC3305 This transaction (id " + txId + ") began writing"
                + " before the transaction (id " + newest + ") that last appended to one of the streams " + streams
                + " committed; appending now would put the streams' events out of order in the global log. Run"
                + " the command in a fresh transaction (outside the caller's) or retry the caller's unit of work";
    }

    /** An append's tag condition names a read position this store did not issue. */
    @MessageId(3018)
    public static String foreignTagPosition(String position) {
        return "EC3018 " + Quoting.quote(position) + " is not the position of a tag read of a JpaEventStore on H2:"
                + " pass the position its readTagged returned";
    }

    /**
     * PostgreSQL refused a tag-conditioned append outside READ COMMITTED (raised by {@code
     * ec_append_tagged}); the message as the database words it.
     */
    @MessageId(3310)
    public static String tagConditionIsolation(String isolation) {
        return "EC3310 ec_append_tagged checks tag conditions at READ COMMITTED only, not at " + isolation;
    }

    /** The database's {@code ec_append} gave an answer this EventCore does not know, so its schema function does not match this version. */
    @MessageId(3306)
    public static String appendFunctionMismatch(String commandId, String answer) {
        return "EC3306 The database's ec_append answered the append of command " + commandId + " with " + answer
                + ": the schema's function is not the one this EventCore was built for. Run the schema scripts"
                + " of this EventCore version (META-INF/eventcore/schema/postgresql) and restart";
    }

    /**
     * The database refused an operation for a reason a retry cannot fix (permission, data or schema).
     */
    @MessageId(3399)
    public static String databaseRefused(String operation, String sqlStateOrNull, String cause) {
        return "EC3399 The database refused the " + operation + detail(sqlStateOrNull, cause);
    }

    /** The end of a database failure's message: the SQL state, if any, and the root cause's message. */
    private static String detail(String sqlStateOrNull, String cause) {
        return (sqlStateOrNull == null ? "" : " (SQLState " + sqlStateOrNull + ")") + ": " + cause;
    }

    /** The end of the messages of a schema that is too old: what is needed and the scripts to run. */
    private static String upgrade(int needed, String component, String scripts) {
        return "; " + component + " of this EventCore needs version " + needed + ". Run " + scripts
                + " from META-INF/eventcore/schema/postgresql/ in the eventcore-jpa jar (h2/ for H2), as"
                + " eventcore_owner, in that order; nodes of the earlier version keep working on the"
                + " upgraded schema (see the manual's page on PostgreSQL and JPA, Upgrading the schema)";
    }
}
