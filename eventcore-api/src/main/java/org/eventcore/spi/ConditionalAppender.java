package org.eventcore.spi;

/**
 * Appends the events of one command to any number of streams, atomically and on condition.
 *
 * <p>Contract (invariants I1-I3 and I8 of the manual's Design page):
 *
 * <ul>
 *   <li><b>Condition.</b> Every stream in {@link AppendRequest#expectedVersions()} (written or only
 *       read) must be at exactly its expected version; {@code NONE} means "has no event". If any is
 *       not, nothing is written and {@link org.eventcore.StreamConflictException} names every stale
 *       stream with expected and actual version.
 *   <li><b>Atomicity.</b> All events of the request are stored, or none is; no reader ever sees a
 *       part of them.
 *   <li><b>Versions.</b> The events of one stream get the versions following its expected version,
 *       in request order, so every stream's versions stay 1..n without gap or duplicate.
 *   <li><b>Global log.</b> Every event gets a global position; positions grow in request order and
 *       a log reader never skips a committed event ({@link GlobalLogReader}).
 *   <li><b>Idempotency.</b> The request's command id is stored with its events and is unique: an
 *       append whose command id is already stored writes nothing and throws
 *       {@link DuplicateCommandException}.
 * </ul>
 *
 * <p>Implementations are thread-safe. Transient failures are reported as
 * {@link org.eventcore.StoreUnavailableException}; a failure during commit whose outcome is unknown
 * as {@link org.eventcore.CommitOutcomeUnknownException}.
 */
public interface ConditionalAppender {

    /**
     * Appends the request's events if every expected version holds.
     *
     * @return the stored events with their versions and positions
     * @throws org.eventcore.StreamConflictException if any expected version is stale
     * @throws DuplicateCommandException if the command id is already stored
     */
    AppendResult append(AppendRequest request);
}
