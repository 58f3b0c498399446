package org.eventcore.bench.model;

import org.eventcore.CachedState;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.bench.model.BenchEvent.Deposited;

/**
 * W1 with its state cached: {@link Deposit}'s fold and decision, opted in to the state cache, with a
 * snapshot every 100 events for streams too long to fold once per node start.
 */
@CachedState(snapshotEvery = 100)
public record CachedDeposit(@Stream StreamId account, long cents) implements Command<CachedDeposit, Long, BenchEvent> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long balance, StoredEvent<BenchEvent> event) {
        return BenchEvent.balance(balance, event.payload());
    }

    @Override
    public void handle(Long balance, Decision<CachedDeposit, BenchEvent> decision) {
        require(cents > 0, "a deposit must be more than zero, was %d", cents);
        decision.emit(CachedDepositStreams.account(this), new Deposited(cents));
    }
}
