package org.eventcore.execution;

import java.util.concurrent.atomic.AtomicInteger;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.StreamResolver;

/** A broken command whose discover() adds a new stream every round, so it never reaches a fixed point. */
record DiscoverForever(@Stream StreamId start, AtomicInteger rounds)
        implements Command<DiscoverForever, Long, LedgerEvent> {

    DiscoverForever(StreamId start) {
        this(start, new AtomicInteger());
    }

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long state, StoredEvent<LedgerEvent> event) {
        return state + 1;
    }

    @Override
    public void discover(Long state, StreamResolver streams) {
        streams.add(StreamId.of(start.value() + "-" + rounds.incrementAndGet()));
    }

    @Override
    public void handle(Long state, Decision<DiscoverForever, LedgerEvent> decision) {
        decision.emit(decision.stream(start), new LedgerEvent.Deposited(1));
    }
}
