package org.eventcore.examples.banking;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;

/** Takes money out of an open account that holds enough. */
public record Withdraw(@Stream StreamId account, Money amount)
        implements Command<Withdraw, AccountState, AccountEvent> {

    @Override
    public AccountState initialState() {
        return AccountState.NONE;
    }

    @Override
    public AccountState apply(AccountState state, StoredEvent<AccountEvent> event) {
        return state.apply(event.payload());
    }

    @Override
    public void handle(AccountState state, Decision<Withdraw, AccountEvent> decision) {
        require(state.open(), "account %s is not open", account);
        require(!amount.isZero(), "a withdrawal must be more than zero");
        require(
                state.balance().covers(amount),
                "insufficient funds in %s: balance %s, asked %s",
                account,
                state.balance(),
                amount);
        decision.emit(WithdrawStreams.account(this), new MoneyWithdrawn(amount));
    }
}
