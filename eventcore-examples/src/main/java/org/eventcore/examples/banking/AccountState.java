package org.eventcore.examples.banking;

import java.util.Optional;
import org.eventcore.StreamId;
import org.eventcore.examples.banking.AccountEvent.AccountClosed;
import org.eventcore.examples.banking.AccountEvent.AccountOpened;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;

/**
 * One account folded from its events. Immutable.
 *
 * @param open whether the account is open (opened and not closed)
 * @param balance its balance
 * @param payoutAccount where its balance goes when it is closed; empty until it is opened
 */
public record AccountState(boolean open, Money balance, Optional<StreamId> payoutAccount) {

    public static final AccountState NONE = new AccountState(false, Money.ZERO, Optional.empty());

    /** The state after {@code event}. */
    public AccountState apply(AccountEvent event) {
        if (event instanceof AccountOpened o) {
            return new AccountState(true, balance, Optional.of(o.payoutAccount()));
        }
        if (event instanceof MoneyDeposited d) {
            return new AccountState(open, balance.plus(d.amount()), payoutAccount);
        }
        if (event instanceof MoneyWithdrawn w) {
            return new AccountState(open, balance.minus(w.amount()), payoutAccount);
        }
        if (event instanceof AccountClosed) {
            return new AccountState(false, balance, payoutAccount);
        }
        return this;
    }
}
