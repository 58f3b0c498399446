package org.eventcore.execution;

import java.util.Optional;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;

/**
 * Withdraws from an account only for its owner (the user who opened it), or for a teller: the rules
 * read the authenticated caller from the execution, not from a field of the command.
 */
record OwnedWithdraw(@Stream StreamId account, long amount)
        implements Command<OwnedWithdraw, OwnedWithdraw.Account, LedgerEvent> {

    record Account(Optional<String> owner, long balance) {}

    @Override
    public Account initialState() {
        return new Account(Optional.empty(), 0);
    }

    @Override
    public Account apply(Account state, StoredEvent<LedgerEvent> event) {
        if (event.payload() instanceof LedgerEvent.Opened o) {
            return new Account(Optional.of(o.owner()), state.balance());
        }
        return new Account(state.owner(), LedgerEvent.balance(state.balance(), event.payload()));
    }

    @Override
    public void handle(Account state, Decision<OwnedWithdraw, LedgerEvent> decision) {
        String user = decision.execution().requireUser();
        require(
                state.owner().equals(Optional.of(user)) || decision.execution().isInRole("teller"),
                "account %s is not open or not yours",
                account);
        require(state.balance() >= amount, "insufficient funds");
        decision.emit(OwnedWithdrawStreams.account(this), new LedgerEvent.Withdrawn(amount));
    }
}
