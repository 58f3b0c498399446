package org.eventcore.spi;

import java.util.List;
import org.eventcore.TagQuery;

/**
 * What a store offers for {@linkplain TagQuery tag queries}: the read of the events that match them, and
 * (in {@link ConditionalAppender#append}) the check of {@link AppendRequest#conditions()} and the storing
 * of {@link PendingEvent#tags()}. A store that implements {@link EventStore} but not this interface
 * refuses commands with tag queries (EC1112).
 *
 * <p>Contract, checked by the test kit's {@code TagContract}: the read returns every committed event that
 * matches any of the queries, each once, in log order, as one snapshot; an append whose condition names
 * that read's position fails with {@link org.eventcore.StreamConflictException} (its {@code
 * tagConflicts()}) if an event matching the condition's query was appended since, by anyone but the
 * append itself, whether or not that event's transaction began before the read. Implementations are
 * thread-safe.
 */
public interface TagReader {

    /**
     * Reads the events that match any of {@code queries}, with the position to check them against.
     *
     * @throws org.eventcore.StoreUnavailableException if the store cannot be read now
     * @throws org.eventcore.EventSerializationException if a stored payload cannot be read back
     */
    TagRead readTagged(List<TagQuery> queries);
}
