package org.eventcore.execution;

import java.util.Optional;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.StreamResolver;

/**
 * Reads an order, discovers the customer stream named in it, and awards the customer a bonus that
 * records how many events of the customer stream it folded.
 */
record AwardBonus(@Stream StreamId order) implements Command<AwardBonus, AwardBonus.State, LedgerEvent> {

    record State(Optional<StreamId> customer, int customerEvents) {}

    @Override
    public State initialState() {
        return new State(Optional.empty(), 0);
    }

    @Override
    public State apply(State state, StoredEvent<LedgerEvent> event) {
        if (event.streamId().equals(order)) {
            return event.payload() instanceof LedgerEvent.OrderPlaced placed
                    ? new State(Optional.of(StreamId.of(placed.customer())), state.customerEvents())
                    : state;
        }
        return new State(state.customer(), state.customerEvents() + 1);
    }

    @Override
    public void discover(State state, StreamResolver streams) {
        state.customer().ifPresent(streams::add);
    }

    @Override
    public void handle(State state, Decision<AwardBonus, LedgerEvent> decision) {
        require(state.customer().isPresent(), "order %s names no customer", order);
        decision.emit(decision.stream(state.customer().get()), new LedgerEvent.BonusAwarded(state.customerEvents()));
    }
}
