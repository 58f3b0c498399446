package org.eventcore.execution;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** Folds its streams into the list of payloads applied, hands that list out, and writes nothing. */
record Inspect(@Stream List<StreamId> streams, AtomicReference<List<LedgerEvent>> applied)
        implements Command<Inspect, List<LedgerEvent>, LedgerEvent> {

    Inspect(StreamId... streams) {
        this(List.of(streams), new AtomicReference<>());
    }

    @Override
    public List<LedgerEvent> initialState() {
        return List.of();
    }

    @Override
    public List<LedgerEvent> apply(List<LedgerEvent> state, StoredEvent<LedgerEvent> event) {
        List<LedgerEvent> next = new ArrayList<>(state);
        next.add(event.payload());
        return List.copyOf(next);
    }

    @Override
    public void handle(List<LedgerEvent> state, Decision<Inspect, LedgerEvent> decision) {
        applied.set(state);
    }
}
