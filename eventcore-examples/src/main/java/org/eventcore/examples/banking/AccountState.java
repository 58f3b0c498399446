package org.eventcore.examples.banking;

import org.eventcore.examples.banking.AccountEvent.AccountOpened;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;

/**
 * One account folded from its events.
 *
 * @param open whether the account was opened
 * @param balance its balance
 */
public record AccountState(boolean open, Money balance) {

    public static final AccountState NONE = new AccountState(false, Money.ZERO);

    /** The state after {@code event}. */
    public AccountState apply(AccountEvent event) {
        if (event instanceof AccountOpened) {
            return new AccountState(true, balance);
        }
        if (event instanceof MoneyDeposited d) {
            return new AccountState(open, balance.plus(d.amount()));
        }
        if (event instanceof MoneyWithdrawn w) {
            return new AccountState(open, balance.minus(w.amount()));
        }
        return this;
    }
}
