package org.eventcore.examples.concepts;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.StreamResolver;

/**
 * Closes an account and pays its balance out to the payout account named when it was opened. The
 * payout account is not declared: the command discovers it from the account's events.
 */
public record CloseAccount(@Stream StreamId account) implements Command<CloseAccount, Accounts, AccountEvent> {

    @Override
    public Accounts initialState() {
        return Accounts.NONE;
    }

    @Override
    public Accounts apply(Accounts state, StoredEvent<AccountEvent> event) {
        return state.apply(event);
    }

    @Override
    public void discover(Accounts state, StreamResolver streams) {
        state.of(account).payoutAccount().ifPresent(streams::add);
    }

    @Override
    public void handle(Accounts state, Decision<CloseAccount, AccountEvent> decision) {
        Account closing = state.of(account);
        require(closing.open(), "account %s is not open", account);
        StreamId payout = closing.payoutAccount().orElseThrow();
        require(state.of(payout).open(), "payout account %s is not open", payout);

        if (closing.balance() > 0) {
            decision.emit(CloseAccountStreams.account(this), new MoneyWithdrawn(closing.balance()));
            decision.emit(decision.stream(payout), new MoneyDeposited(closing.balance()));
        }
        decision.emit(CloseAccountStreams.account(this), new AccountClosed());
    }
}
