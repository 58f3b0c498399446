package org.eventcore.examples.cdi;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eventcore.StreamId;
import org.eventcore.cdi.CommandBus;
import org.eventcore.examples.banking.AccountEvent;
import org.eventcore.examples.banking.Money;
import org.eventcore.examples.banking.TransferMoney;
import org.eventcore.execution.CommandResult;

/** Application code under test: a bean that executes the banking example's transfer through the bus. */
@ApplicationScoped
public class Transfers {

    @Inject
    CommandBus commands;

    public CommandResult<AccountEvent> transfer(StreamId from, StreamId to, Money amount) {
        return commands.execute(new TransferMoney(from, to, amount));
    }
}
