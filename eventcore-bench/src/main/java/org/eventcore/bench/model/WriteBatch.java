package org.eventcore.bench.model;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.bench.model.BenchEvent.Item;

/** W3: one append of {@code size} events to a fresh stream. */
public record WriteBatch(@Stream StreamId stream, int size) implements Command<WriteBatch, Long, BenchEvent> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long count, StoredEvent<BenchEvent> event) {
        return count + 1;
    }

    @Override
    public void handle(Long count, Decision<WriteBatch, BenchEvent> decision) {
        require(count == 0, "stream %s is not fresh", stream);
        var handle = WriteBatchStreams.stream(this);
        for (int i = 0; i < size; i++) {
            decision.emit(handle, new Item(i));
        }
    }
}
