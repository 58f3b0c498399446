package org.eventcore.examples.concepts;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/** Moves money from one account to another: one command, one atomic write over both streams. */
public record TransferMoney(@Stream StreamId from, @Stream StreamId to, long cents)
        implements Command<TransferMoney, Accounts, AccountEvent> {

    @Override
    public Accounts initialState() {
        return Accounts.NONE;
    }

    @Override
    public Accounts apply(Accounts state, StoredEvent<AccountEvent> event) {
        return state.apply(event);
    }

    @Override
    public void handle(Accounts state, Decision<TransferMoney, AccountEvent> decision) {
        require(cents > 0, "the amount must be positive, was %d", cents);
        require(!from.equals(to), "cannot transfer from %s to itself", from);
        require(state.of(from).open(), "account %s is not open", from);
        require(state.of(to).open(), "account %s is not open", to);
        require(state.of(from).balance() >= cents, "insufficient funds in %s", from);

        decision.emit(TransferMoneyStreams.from(this), new MoneyWithdrawn(cents));
        decision.emit(TransferMoneyStreams.to(this), new MoneyDeposited(cents));
    }
}
