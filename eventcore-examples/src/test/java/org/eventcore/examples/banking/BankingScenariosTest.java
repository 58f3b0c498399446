package org.eventcore.examples.banking;

import static org.eventcore.examples.banking.Money.euros;

import org.eventcore.StreamId;
import org.eventcore.examples.banking.AccountEvent.AccountOpened;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.testkit.scenario.CommandScenario;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BankingScenariosTest {

    private final StreamId alice = Accounts.stream("alice");
    private final StreamId bob = Accounts.stream("bob");

    @Test
    void an_account_opens_once() {
        CommandScenario.givenNothing()
                .when(new OpenAccount(alice, "Alice"))
                .thenEmitted(alice, new AccountOpened("Alice"))
                .thenNothingElse();
        CommandScenario.given(alice, new AccountOpened("Alice"))
                .when(new OpenAccount(alice, "Alice"))
                .thenRejectedWith("account account-alice is already open");
    }

    @Test
    void a_deposit_needs_an_open_account_and_a_positive_amount() {
        CommandScenario.givenNothing().when(new Deposit(alice, euros(5))).thenRejectedWith("is not open");
        CommandScenario.given(alice, new AccountOpened("Alice"))
                .when(new Deposit(alice, Money.ZERO))
                .thenRejectedWith("more than zero");
        CommandScenario.given(alice, new AccountOpened("Alice"))
                .when(new Deposit(alice, euros(5)))
                .thenEmitted(alice, new MoneyDeposited(euros(5)));
    }

    @Test
    void a_withdrawal_cannot_exceed_the_balance() {
        CommandScenario.given(alice, new AccountOpened("Alice"), new MoneyDeposited(euros(10)))
                .when(new Withdraw(alice, euros(11)))
                .thenRejectedWith("insufficient funds in account-alice: balance EUR 10.00, asked EUR 11.00");
        CommandScenario.given(alice, new AccountOpened("Alice"), new MoneyDeposited(euros(10)))
                .when(new Withdraw(alice, euros(10)))
                .thenEmitted(alice, new MoneyWithdrawn(euros(10)));
    }

    @Test
    void a_transfer_writes_to_both_accounts_in_one_command() {
        CommandScenario.given(alice, new AccountOpened("Alice"), new MoneyDeposited(euros(50)))
                .and(bob, new AccountOpened("Bob"))
                .when(new TransferMoney(alice, bob, euros(30)))
                .thenEmitted(alice, new MoneyWithdrawn(euros(30)))
                .thenEmitted(bob, new MoneyDeposited(euros(30)))
                .thenNothingElse();
    }

    @Test
    void a_transfer_is_rejected_for_insufficient_funds_closed_accounts_or_the_same_account() {
        CommandScenario.given(alice, new AccountOpened("Alice"), new MoneyDeposited(euros(10)))
                .and(bob, new AccountOpened("Bob"))
                .when(new TransferMoney(alice, bob, euros(30)))
                .thenRejectedWith("insufficient funds");
        CommandScenario.given(alice, new AccountOpened("Alice"), new MoneyDeposited(euros(10)))
                .when(new TransferMoney(alice, bob, euros(1)))
                .thenRejectedWith("account account-bob is not open");
        CommandScenario.given(alice, new AccountOpened("Alice"), new MoneyDeposited(euros(10)))
                .when(new TransferMoney(alice, alice, euros(1)))
                .thenRejectedWith("to itself");
    }

    @Test
    void money_and_account_numbers_validate_on_construction() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Money.cents(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Accounts.stream("Bad Number"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bad Number");
    }
}
