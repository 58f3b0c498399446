package org.eventcore.examples.concepts;

import java.util.Optional;
import org.eventcore.StreamId;

/** One account, folded from the events of its stream. Immutable. */
public record Account(boolean open, long balance, Optional<StreamId> payoutAccount) {

    public static final Account NONE = new Account(false, 0, Optional.empty());

    Account apply(AccountEvent event) {
        if (event instanceof AccountOpened o) return new Account(true, 0, Optional.of(o.payoutAccount()));
        if (event instanceof MoneyDeposited d) return new Account(open, balance + d.cents(), payoutAccount);
        if (event instanceof MoneyWithdrawn w) return new Account(open, balance - w.cents(), payoutAccount);
        if (event instanceof AccountClosed) return new Account(false, balance, payoutAccount);
        return this;
    }
}
