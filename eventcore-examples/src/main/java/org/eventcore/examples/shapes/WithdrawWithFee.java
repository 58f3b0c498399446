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

/** A command written as a class: withdraws an amount and pays a fee of one cent into the bank's fees account. */
public final class WithdrawWithFee implements Command<WithdrawWithFee, Balances, AccountEvent> {

    static final Money FEE = Money.cents(1);

    @Stream
    final StreamId account; // not private: the generated class reads the field

    @Stream
    private final StreamId fees; // private: read through fees() or getFees()

    private final Money amount;

    public WithdrawWithFee(StreamId account, StreamId fees, Money amount) {
        this.account = account;
        this.fees = fees;
        this.amount = amount;
    }

    public StreamId getFees() {
        return fees;
    }

    @Override
    public Balances initialState() {
        return Balances.EMPTY;
    }

    @Override
    public Balances apply(Balances state, StoredEvent<AccountEvent> event) {
        return state.apply(event.streamId(), event.payload());
    }

    @Override
    public void handle(Balances state, Decision<WithdrawWithFee, AccountEvent> decision) {
        Money total = amount.plus(FEE);
        require(state.of(account).balance().covers(total), "insufficient funds in %s for %s", account, total);
        decision.emit(WithdrawWithFeeStreams.account(this), new MoneyWithdrawn(total));
        decision.emit(WithdrawWithFeeStreams.fees(this), new MoneyDeposited(FEE));
    }
}
