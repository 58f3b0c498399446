package org.eventcore.sample.banking;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.sample.banking.AccountEvent.MoneyDeposited;
import org.eventcore.sample.banking.AccountEvent.MoneyWithdrawn;

/** Moves money between two accounts: one command, one atomic write to both streams. */
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
        require(!from.equals(to), "cannot transfer from %s to itself", from);
        require(state.of(from).open(), "account %s is not open", from);
        require(state.of(to).open(), "account %s is not open", to);
        require(cents > 0, "a transfer must be more than zero, was %d cents", cents);
        long balance = state.of(from).balance();
        require(balance >= cents, "insufficient funds in %s: balance %d, asked %d", from, balance, cents);
        decision.emit(TransferMoneyStreams.from(this), new MoneyWithdrawn(cents));
        decision.emit(TransferMoneyStreams.to(this), new MoneyDeposited(cents));
    }
}
