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
}
