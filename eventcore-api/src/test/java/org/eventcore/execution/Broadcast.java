package org.eventcore.execution;

import java.util.List;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** Deposits the same amount into every account of a collection member. */
record Broadcast(@Stream List<StreamId> accounts, long amount) implements Command<Broadcast, Long, LedgerEvent> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long state, StoredEvent<LedgerEvent> event) {
        return state + 1;
    }

    @Override
    public void handle(Long state, Decision<Broadcast, LedgerEvent> decision) {
        BroadcastStreams.accounts(this).forEach(h -> decision.emit(h, new LedgerEvent.Deposited(amount)));
    }
}
