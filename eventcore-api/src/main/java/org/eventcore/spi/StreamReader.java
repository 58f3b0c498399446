package org.eventcore.spi;

import java.util.Map;
import java.util.Set;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;

/**
 * Reads several streams, each with its current version, as one consistent snapshot: whole, or only
 * the events after given versions ({@link #readAfter}).
 *
 * <p>Contract: the result has one entry for every requested stream (a stream without events has
 * version {@link org.eventcore.StreamVersion#NONE} and no events); each entry's events are the
 * stream's events in version order 1..n where n is the entry's version; the entries of one call show
 * either all or none of the events of any one append (no torn multi-stream writes). Implementations
 * are thread-safe.
 */
public interface StreamReader {

    /**
     * Reads the given streams.
     *
     * @throws org.eventcore.StoreUnavailableException if the store cannot be read now
     * @throws org.eventcore.EventSerializationException if a stored payload cannot be read back
     */
    Map<StreamId, StreamRead> read(Set<StreamId> streams);

    /**
     * Reads the given streams like {@link #read} and, where the store can, first locks them against
     * other appends until the current attempt's transaction ends, so that the append that follows in
     * the same transaction meets no conflict on them. The executor calls it for the attempts after a
     * conflict: a stream that proved hot is then waited for instead of raced for again. The default
     * only reads (for stores without such locks, the retry stays optimistic).
     *
     * @throws org.eventcore.StoreUnavailableException if the store cannot be read or locked now (for
     *     example a lock not granted within the store's timeout)
     * @throws org.eventcore.EventSerializationException if a stored payload cannot be read back
     */
    default Map<StreamId, StreamRead> readLocked(Set<StreamId> streams) {
        return read(streams);
    }

    /**
     * Reads only the events of each stream after the version given for it: the read a state cache or
     * a snapshot needs, whose state already holds the events up to those versions. The result has one
     * entry for every stream of {@code after}, in its iteration order; an entry's version is the
     * stream's current version and its events are the versions after the given one up to it, in
     * version order (none when the stream is still at the given version). The entries show either all
     * or none of the events of any one append, as in {@link #read}. Stores read it in one statement,
     * like {@link #read}, so a cached load costs the same round trips as an uncached one.
     *
     * <p>A stream's events are never removed, so a stream is never below a version it had: the given
     * versions are trusted, and a store may answer a stream that has no event after its version with
     * that version without reading the stream's current version again. The default reads the streams
     * whole with {@link #read} and leaves out the events up to each given version.
     *
     * @param after the streams to read, each with the version after which to read ({@link
     *     org.eventcore.StreamVersion#NONE} reads the whole stream)
     * @throws org.eventcore.StoreUnavailableException if the store cannot be read now
     * @throws org.eventcore.EventSerializationException if a stored payload cannot be read back
     */
    default Map<StreamId, StreamRead> readAfter(Map<StreamId, StreamVersion> after) {
        return StreamRead.after(read(after.keySet()), after);
    }

    /**
     * {@link #readAfter} with the streams locked first, as {@link #readLocked} does: for the attempts
     * after a conflict. The default only reads.
     *
     * @throws org.eventcore.StoreUnavailableException if the store cannot be read or locked now
     * @throws org.eventcore.EventSerializationException if a stored payload cannot be read back
     */
    default Map<StreamId, StreamRead> readLockedAfter(Map<StreamId, StreamVersion> after) {
        return StreamRead.after(readLocked(after.keySet()), after);
    }
}
