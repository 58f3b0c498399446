package org.eventcore.bench.model;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.bench.model.BenchEvent.Deposited;

/** W1 and W4: read one account, fold its events into its balance, append one deposit with the version check. */
public record Deposit(@Stream StreamId account, long cents) implements Command<Deposit, Long, BenchEvent> {

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long balance, StoredEvent<BenchEvent> event) {
        return BenchEvent.balance(balance, event.payload());
    }

    @Override
    public void handle(Long balance, Decision<Deposit, BenchEvent> decision) {
        require(cents > 0, "a deposit must be more than zero, was %d", cents);
        decision.emit(DepositStreams.account(this), new Deposited(cents));
    }
}
