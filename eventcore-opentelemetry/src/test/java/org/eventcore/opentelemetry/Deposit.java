package org.eventcore.opentelemetry;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** A deposit of at least one cent. */
public record Deposit(@Stream StreamId account, long cents) implements Command<Deposit, Long, Deposit.Deposited> {

    /** The event. */
    public record Deposited(long cents) {}

    @Override
    public Long initialState() {
        return 0L;
    }

    @Override
    public Long apply(Long balance, StoredEvent<Deposited> event) {
        return balance + event.payload().cents();
    }

    @Override
    public void handle(Long balance, Decision<Deposit, Deposited> decision) {
        require(cents > 0, "a deposit is at least one cent, was %d", cents);
        decision.emit(DepositStreams.account(this), new Deposited(cents));
    }
}
