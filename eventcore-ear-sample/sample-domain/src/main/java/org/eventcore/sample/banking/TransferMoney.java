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
import org.eventcore.sample.banking.AccountEvent.MoneyWithdrawn;

/**
 * Moves money from an account of the authenticated user to any open account: one command, one atomic
 * write to both streams.
 *
 * <p>Cached ({@link CachedState}): the fold reads the events alone and {@link Accounts} is
 * immutable, so the bus keeps the state it folded and reads only the events after it.
 */
@CachedState
public record TransferMoney(
        @Stream StreamId from,
        @Stream StreamId to,
        @Positive @Max(MAX_AMOUNT_CENTS) long cents) implements Command<TransferMoney, Accounts, AccountEvent> {

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
        String user = decision.execution().requireUser();
        require(state.of(from).isOpenFor(user), "account %s is not open or not yours", from);
        require(!from.equals(to), "cannot transfer from %s to itself", from);
        require(state.of(to).open(), "account %s is not open", to);
        require(cents > 0 && cents <= MAX_AMOUNT_CENTS, "a transfer is 1 to %d cents, was %d", MAX_AMOUNT_CENTS, cents);
        long balance = state.of(from).balance();
        require(balance >= cents, "insufficient funds in %s: balance %d, asked %d", from, balance, cents);
        require(
                state.of(to).balance() <= MAX_BALANCE_CENTS - cents,
                "account %s would hold more than %d cents",
                to,
                MAX_BALANCE_CENTS);
        decision.emit(TransferMoneyStreams.from(this), new MoneyWithdrawn(cents));
        decision.emit(TransferMoneyStreams.to(this), new MoneyDeposited(cents));
    }
}
