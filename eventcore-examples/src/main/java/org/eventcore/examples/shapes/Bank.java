package org.eventcore.examples.shapes;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.examples.banking.AccountEvent;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.examples.banking.Balances;
import org.eventcore.examples.banking.Money;

/** Holds a nested command, whose declarations class is {@code Bank_TransferStreams}. */
public final class Bank {

    private Bank() {}

    /** A transfer without the rules of the banking example's {@code TransferMoney}: only its shape. */
    public record Transfer(@Stream StreamId from, @Stream StreamId to, Money amount)
            implements Command<Transfer, Balances, AccountEvent> {

        @Override
        public Balances initialState() {
            return Balances.EMPTY;
        }

        @Override
        public Balances apply(Balances state, StoredEvent<AccountEvent> event) {
            return state.apply(event.streamId(), event.payload());
        }

        @Override
        public void handle(Balances state, Decision<Transfer, AccountEvent> decision) {
            decision.emit(Bank_TransferStreams.from(this), new MoneyWithdrawn(amount));
            decision.emit(Bank_TransferStreams.to(this), new MoneyDeposited(amount));
        }
    }
}
