package org.eventcore.sample.banking;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.sample.banking.AccountEvent.MoneyWithdrawn;

/** Takes money out of an open account, never more than its balance. */
public record Withdraw(@Stream StreamId account, long cents) implements Command<Withdraw, Accounts, AccountEvent> {

    @Override
    public Accounts initialState() {
        return Accounts.NONE;
    }

    @Override
    public Accounts apply(Accounts state, StoredEvent<AccountEvent> event) {
        return state.apply(event);
    }

    @Override
    public void handle(Accounts state, Decision<Withdraw, AccountEvent> decision) {
        require(state.of(account).open(), "account %s is not open", account);
        require(cents > 0, "a withdrawal must be more than zero, was %d cents", cents);
        long balance = state.of(account).balance();
        require(balance >= cents, "insufficient funds in %s: balance %d, asked %d", account, balance, cents);
        decision.emit(WithdrawStreams.account(this), new MoneyWithdrawn(cents));
    }
}
