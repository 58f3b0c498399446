package org.eventcore.sample.banking;

import static org.eventcore.sample.Limits.MAX_AMOUNT_CENTS;
import static org.eventcore.sample.Limits.MAX_BALANCE_CENTS;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Positive;
import org.eventcore.CachedState;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.sample.banking.AccountEvent.MoneyDeposited;

/**
 * Pays money into an open account of the authenticated user.
 *
 * <p>Cached ({@link CachedState}): the fold reads the events alone and {@link Accounts} is
 * immutable, so the bus keeps the state it folded and reads only the events after it.
 */
@CachedState
public record Deposit(
        @Stream StreamId account,
        @Positive @Max(MAX_AMOUNT_CENTS) long cents) implements Command<Deposit, Accounts, AccountEvent> {

    @Override
    public Accounts initialState() {
        return Accounts.NONE;
    }

    @Override
    public Accounts apply(Accounts state, StoredEvent<AccountEvent> event) {
        return state.apply(event);
    }

    @Override
    public void handle(Accounts state, Decision<Deposit, AccountEvent> decision) {
        String user = decision.execution().requireUser();
        Accounts.Account into = state.of(account);
        require(into.isOpenFor(user), "account %s is not open or not yours", account);
        require(cents > 0 && cents <= MAX_AMOUNT_CENTS, "a deposit is 1 to %d cents, was %d", MAX_AMOUNT_CENTS, cents);
        require(
                into.balance() <= MAX_BALANCE_CENTS - cents,
                "account %s would hold more than %d cents",
                account,
                MAX_BALANCE_CENTS);
        decision.emit(DepositStreams.account(this), new MoneyDeposited(cents));
    }
}
