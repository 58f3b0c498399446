package org.eventcore.execution;

import java.util.HashMap;
import java.util.Map;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** Moves money between two accounts; the state is the balance of each. */
record Transfer(@Stream StreamId from, @Stream StreamId to, long amount)
        implements Command<Transfer, Map<StreamId, Long>, LedgerEvent> {

    @Override
    public Map<StreamId, Long> initialState() {
        return Map.of();
    }

    @Override
    public Map<StreamId, Long> apply(Map<StreamId, Long> balances, StoredEvent<LedgerEvent> event) {
        Map<StreamId, Long> next = new HashMap<>(balances);
        next.put(event.streamId(), LedgerEvent.balance(balances.getOrDefault(event.streamId(), 0L), event.payload()));
        return Map.copyOf(next);
    }

    @Override
    public void handle(Map<StreamId, Long> balances, Decision<Transfer, LedgerEvent> decision) {
        require(balances.getOrDefault(from, 0L) >= amount, "insufficient funds in %s", from);
        decision.emit(TransferStreams.from(this), new LedgerEvent.Withdrawn(amount));
        decision.emit(TransferStreams.to(this), new LedgerEvent.Deposited(amount));
    }
}
