package org.eventcore.examples.banking;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.StreamResolver;
import org.eventcore.examples.banking.AccountEvent.AccountClosed;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;

/**
 * Closes an account and pays its balance out to the payout account named when it was opened. The
 * payout account is not declared: the command discovers it from the account's events.
 */
public record CloseAccount(@Stream StreamId account) implements Command<CloseAccount, Balances, AccountEvent> {

    @Override
    public Balances initialState() {
        return Balances.EMPTY;
    }

    @Override
    public Balances apply(Balances state, StoredEvent<AccountEvent> event) {
        return state.apply(event.streamId(), event.payload());
    }

    @Override
    public void discover(Balances state, StreamResolver streams) {
        state.of(account).payoutAccount().ifPresent(streams::add);
    }

    @Override
    public void handle(Balances state, Decision<CloseAccount, AccountEvent> decision) {
        AccountState closing = state.of(account);
        require(closing.open(), "account %s is not open", account);
        StreamId payout = closing.payoutAccount().orElseThrow();
        require(state.of(payout).open(), "payout account %s is not open", payout);

        if (!closing.balance().isZero()) {
            decision.emit(CloseAccountStreams.account(this), new MoneyWithdrawn(closing.balance()));
            decision.emit(decision.stream(payout), new MoneyDeposited(closing.balance()));
        }
        decision.emit(CloseAccountStreams.account(this), new AccountClosed());
    }
}
