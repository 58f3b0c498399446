package org.eventcore.execution;

import java.util.ArrayList;
import java.util.List;
import org.eventcore.CachedState;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/**
 * Cached commands whose states cannot be cached: a class with a field that is not final, and a
 * record whose list the fold builds as an {@code ArrayList}.
 */
final class MutableCached {

    private MutableCached() {}

    /** A state whose field can change. */
    static final class Counter {
        int count;
    }

    @CachedState
    record CountingCommand(@Stream StreamId stream) implements Command<CountingCommand, Counter, LedgerEvent> {
        @Override
        public Counter initialState() {
            return new Counter();
        }

        @Override
        public Counter apply(Counter state, StoredEvent<LedgerEvent> event) {
            state.count++;
            return state;
        }

        @Override
        public void handle(Counter state, Decision<CountingCommand, LedgerEvent> decision) {}
    }

    /** A record state, immutable by its declaration, whose value the fold fills with an ArrayList. */
    record Names(List<String> names) {}

    @CachedState
    record ListingCommand(@Stream StreamId stream) implements Command<ListingCommand, Names, LedgerEvent> {
        @Override
        public Names initialState() {
            return new Names(List.of());
        }

        @Override
        public Names apply(Names state, StoredEvent<LedgerEvent> event) {
            List<String> names = new ArrayList<>(state.names());
            names.add(event.payload().toString());
            return new Names(names);
        }

        @Override
        public void handle(Names state, Decision<ListingCommand, LedgerEvent> decision) {
            decision.emit(MutableCached_ListingCommandStreams.stream(this), new LedgerEvent.Deposited(1));
        }
    }
}
