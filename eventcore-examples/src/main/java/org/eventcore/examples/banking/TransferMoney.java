package org.eventcore.examples.banking;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;

/** Moves money between two accounts: one command, one atomic write over both streams. */
public record TransferMoney(@Stream StreamId from, @Stream StreamId to, Money amount)
        implements Command<TransferMoney, Balances, AccountEvent> {

    @Override
    public Balances initialState() {
        return Balances.EMPTY;
    }

    @Override
    public Balances apply(Balances state, StoredEvent<AccountEvent> event) {
        return state.apply(event.streamId(), event.payload());
    }

    @Override
    public void handle(Balances state, Decision<TransferMoney, AccountEvent> decision) {
        require(!from.equals(to), "cannot transfer from %s to itself", from);
        require(state.of(from).open(), "account %s is not open", from);
        require(state.of(to).open(), "account %s is not open", to);
        require(!amount.isZero(), "a transfer must be more than zero");
        Money balance = state.of(from).balance();
        require(balance.covers(amount), "insufficient funds in %s: balance %s, asked %s", from, balance, amount);
        decision.emit(TransferMoneyStreams.from(this), new MoneyWithdrawn(amount));
        decision.emit(TransferMoneyStreams.to(this), new MoneyDeposited(amount));
    }
}
