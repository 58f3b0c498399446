package org.eventcore.spi;

import java.util.Map;
import java.util.Set;
import org.eventcore.StreamId;

/**
 * Reads several streams, each with its current version, as one consistent snapshot.
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
}
