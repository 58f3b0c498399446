package org.eventcore.execution;

import java.util.Map;
import java.util.Set;
import org.eventcore.StreamId;
import org.eventcore.spi.StreamRead;

/**
 * Simulates a concurrent writer: right after each of the first {@code times} reads that include
 * {@code target}, it appends a {@code Deposited(1)} to {@code target}, so the attempt that made the
 * read meets a version conflict when it appends.
 */
class InterferingStore extends ForwardingEventStore {

    private final StreamId target;
    private int remaining;
    int interferences;

    InterferingStore(SimpleStore delegate, StreamId target, int times) {
        super(delegate);
        this.target = target;
        this.remaining = times;
    }

    @Override
    public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
        Map<StreamId, StreamRead> result = delegate.read(streams);
        if (remaining > 0 && streams.contains(target)) {
            remaining--;
            interferences++;
            appendDirectly(delegate, target, new LedgerEvent.Deposited(1));
        }
        return result;
    }
}
