package org.eventcore.examples.shapes;

import java.util.List;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;
import org.eventcore.examples.banking.AccountEvent;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.examples.banking.Balances;
import org.eventcore.examples.banking.Money;

/** Pays the same amount from one account to each of several others: a collection of streams. */
public record PayOut(@Stream StreamId from, @Stream List<StreamId> payees, Money each)
        implements Command<PayOut, Balances, AccountEvent> {

    @Override
    public Balances initialState() {
        return Balances.EMPTY;
    }

    @Override
    public Balances apply(Balances state, StoredEvent<AccountEvent> event) {
        return state.apply(event.streamId(), event.payload());
    }

    @Override
    public void handle(Balances state, Decision<PayOut, AccountEvent> decision) {
        require(!payees.contains(from), "cannot pay out from %s to itself", from);
        for (StreamId payee : payees) {
            require(state.of(payee).open(), "account %s is not open", payee);
        }
        Money total = Money.ZERO;
        for (int i = 0; i < payees.size(); i++) {
            total = total.plus(each);
        }
        require(state.of(from).balance().covers(total), "insufficient funds in %s for %s", from, total);
        for (StreamHandle<PayOut> payee : PayOutStreams.payees(this)) {
            decision.emit(PayOutStreams.from(this), new MoneyWithdrawn(each));
            decision.emit(payee, new MoneyDeposited(each));
        }
    }
}
