package org.eventcore.examples.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcore.examples.banking.Money.euros;

import java.util.List;
import org.eventcore.CommandDefinitionException;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.examples.banking.AccountEvent.AccountClosed;
import org.eventcore.examples.banking.AccountEvent.AccountOpened;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.examples.shapes.PayOut;
import org.eventcore.execution.CommandResult;
import org.eventcore.testkit.scenario.CommandScenario;
import org.junit.jupiter.api.Test;

class TransferMoneyTest {

    private final StreamId bank = StreamId.of("account-bank");
    private final StreamId alice = StreamId.of("account-alice");
    private final StreamId bob = StreamId.of("account-bob");

    @Test
    void a_transfer_withdraws_from_one_account_and_deposits_into_the_other() {
        CommandScenario.given(alice, new AccountOpened("Alice", bank), new MoneyDeposited(euros(50)))
                .and(bob, new AccountOpened("Bob", bank))
                .when(new TransferMoney(alice, bob, euros(30)))
                .thenEmitted(alice, new MoneyWithdrawn(euros(30)))
                .thenEmitted(bob, new MoneyDeposited(euros(30)))
                .thenNothingElse();
    }

    @Test
    void a_transfer_needs_the_money() {
        CommandScenario.given(alice, new AccountOpened("Alice", bank), new MoneyDeposited(euros(10)))
                .and(bob, new AccountOpened("Bob", bank))
                .when(new TransferMoney(alice, bob, euros(30)))
                .thenRejectedWith("insufficient funds in account-alice");
    }

    @Test
    void nothing_happens_to_an_account_that_was_never_opened() {
        CommandScenario.givenNothing()
                .when(new Deposit(alice, euros(5)))
                .thenRejectedWith("account account-alice is not open");
    }

    @Test
    void closing_an_empty_account_moves_no_money() {
        CommandResult<AccountEvent> result = CommandScenario.given(bank, new AccountOpened("the bank", bank))
                .and(alice, new AccountOpened("Alice", bank))
                .when(new CloseAccount(alice))
                .thenEmitted(alice, new AccountClosed())
                .thenEmitted(bank)
                .thenNothingElse()
                .result();

        assertThat(result.versionOf(bank)).hasValue(StreamVersion.of(1));
    }

    @Test
    void a_payout_to_nobody_writes_nothing() {
        CommandScenario.given(alice, new AccountOpened("Alice", bank), new MoneyDeposited(euros(10)))
                .when(new PayOut(alice, List.of(), euros(5)))
                .thenEmittedNothing();
    }

    @Test
    void a_transfer_to_no_account_is_a_definition_error() {
        CommandDefinitionException e = CommandScenario.givenNothing()
                .when(new TransferMoney(alice, null, euros(5)))
                .thenFailedWith(CommandDefinitionException.class);

        assertThat(e.getMessage()).startsWith("EC1109 @Stream member 'to' of command TransferMoney is null");
    }
}
