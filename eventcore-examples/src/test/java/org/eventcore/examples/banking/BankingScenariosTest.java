package org.eventcore.examples.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.examples.banking.Money.euros;

import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.examples.banking.AccountEvent.AccountClosed;
import org.eventcore.examples.banking.AccountEvent.AccountOpened;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.execution.CommandResult;
import org.eventcore.testkit.scenario.CommandScenario;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The business rules of the bank, one command at a time. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BankingScenariosTest {

    private final StreamId bank = Accounts.stream("bank");
    private final StreamId alice = Accounts.stream("alice");
    private final StreamId bob = Accounts.stream("bob");

    private AccountOpened opened(String owner) {
        return new AccountOpened(owner, bank);
    }

    @Test
    void an_account_opens_once_with_its_owner_and_payout_account() {
        CommandScenario.givenNothing()
                .when(new OpenAccount(alice, "Alice", bank))
                .thenEmitted(alice, new AccountOpened("Alice", bank))
                .thenNothingElse();
        CommandScenario.given(alice, opened("Alice"))
                .when(new OpenAccount(alice, "Alice", bank))
                .thenRejectedWith("account account-alice is already open");
        CommandScenario.givenNothing()
                .when(new OpenAccount(alice, " ", bank))
                .thenRejectedWith("an account needs an owner");
    }

    @Test
    void a_deposit_needs_an_open_account_and_more_than_zero() {
        CommandScenario.givenNothing().when(new Deposit(alice, euros(5))).thenRejectedWith("is not open");
        CommandScenario.given(alice, opened("Alice"), new AccountClosed())
                .when(new Deposit(alice, euros(5)))
                .thenRejectedWith("account account-alice is not open");
        CommandScenario.given(alice, opened("Alice"))
                .when(new Deposit(alice, Money.ZERO))
                .thenRejectedWith("a deposit must be more than zero");
        CommandScenario.given(alice, opened("Alice"))
                .when(new Deposit(alice, euros(5)))
                .thenEmitted(alice, new MoneyDeposited(euros(5)))
                .thenNothingElse();
    }

    @Test
    void a_withdrawal_cannot_exceed_the_balance() {
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(euros(10)))
                .when(new Withdraw(alice, euros(11)))
                .thenRejectedWith("insufficient funds in account-alice: balance EUR 10.00, asked EUR 11.00");
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(euros(10)))
                .when(new Withdraw(alice, euros(10)))
                .thenEmitted(alice, new MoneyWithdrawn(euros(10)));
    }

    @Test
    void a_transfer_writes_to_both_accounts_in_one_command() {
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(euros(50)))
                .and(bob, opened("Bob"))
                .when(new TransferMoney(alice, bob, euros(30)))
                .thenEmitted(alice, new MoneyWithdrawn(euros(30)))
                .thenEmitted(bob, new MoneyDeposited(euros(30)))
                .thenNothingElse();
    }

    @Test
    void a_transfer_may_take_the_whole_balance_but_not_more() {
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(euros(30)), new MoneyWithdrawn(euros(10)))
                .and(bob, opened("Bob"))
                .when(new TransferMoney(alice, bob, euros(20)))
                .thenEmitted(alice, new MoneyWithdrawn(euros(20)))
                .thenEmitted(bob, new MoneyDeposited(euros(20)))
                .thenNothingElse();
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(euros(30)), new MoneyWithdrawn(euros(10)))
                .and(bob, opened("Bob"))
                .when(new TransferMoney(alice, bob, Money.cents(2_001)))
                .thenRejectedWith("insufficient funds in account-alice: balance EUR 20.00, asked EUR 20.01");
    }

    @Test
    void a_transfer_is_rejected_for_zero_the_same_account_or_an_account_that_is_not_open() {
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(euros(100)))
                .and(bob, opened("Bob"))
                .when(new TransferMoney(alice, bob, Money.ZERO))
                .thenRejectedWith("a transfer must be more than zero");
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(euros(100)))
                .when(new TransferMoney(alice, alice, euros(10)))
                .thenRejectedWith("cannot transfer from account-alice to itself");
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(euros(100)))
                .when(new TransferMoney(alice, bob, euros(10)))
                .thenRejectedWith("account account-bob is not open");
        CommandScenario.given(bob, opened("Bob"))
                .when(new TransferMoney(alice, bob, euros(10)))
                .thenRejectedWith("account account-alice is not open");
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(euros(100)), new AccountClosed())
                .and(bob, opened("Bob"))
                .when(new TransferMoney(alice, bob, euros(10)))
                .thenRejectedWith("account account-alice is not open");
    }

    @Test
    void closing_an_account_pays_its_balance_into_the_discovered_payout_account() {
        CommandScenario.given(bank, opened("the bank"))
                .and(alice, opened("Alice"), new MoneyDeposited(euros(100)), new MoneyWithdrawn(euros(30)))
                .when(new CloseAccount(alice))
                .thenEmitted(alice, new MoneyWithdrawn(euros(70)), new AccountClosed())
                .thenEmitted(bank, new MoneyDeposited(euros(70)))
                .thenNothingElse();
    }

    @Test
    void the_payout_account_is_the_one_named_when_the_account_was_opened() {
        CommandScenario.given(bank, opened("the bank"))
                .and(bob, opened("Bob"))
                .and(alice, new AccountOpened("Alice", bob), new MoneyDeposited(euros(25)))
                .when(new CloseAccount(alice))
                .thenEmitted(alice, new MoneyWithdrawn(euros(25)), new AccountClosed())
                .thenEmitted(bob, new MoneyDeposited(euros(25)))
                .thenEmitted(bank)
                .thenNothingElse();
    }

    @Test
    void closing_an_empty_account_writes_only_to_it_but_still_reads_the_payout_account() {
        CommandResult<AccountEvent> result = CommandScenario.given(
                        bank, opened("the bank"), new MoneyDeposited(euros(9)))
                .and(alice, opened("Alice"))
                .when(new CloseAccount(alice))
                .thenEmitted(alice, new AccountClosed())
                .thenNothingElse()
                .result();

        assertThat(result.versionOf(alice)).hasValue(StreamVersion.of(2));
        assertThat(result.versionOf(bank))
                .as("the payout account is a read-only participant of the boundary")
                .hasValue(StreamVersion.of(2));
    }

    @Test
    void an_account_that_is_not_open_cannot_be_closed() {
        CommandScenario.givenNothing()
                .when(new CloseAccount(alice))
                .thenRejectedWith("account account-alice is not open");
        CommandScenario.given(bank, opened("the bank"))
                .and(alice, opened("Alice"), new AccountClosed())
                .when(new CloseAccount(alice))
                .thenRejectedWith("account account-alice is not open");
    }

    @Test
    void an_account_cannot_be_closed_while_its_payout_account_is_not_open() {
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(euros(100)))
                .when(new CloseAccount(alice))
                .thenRejectedWith("payout account account-bank is not open");
        CommandScenario.given(bank, opened("the bank"), new AccountClosed())
                .and(alice, opened("Alice"), new MoneyDeposited(euros(100)))
                .when(new CloseAccount(alice))
                .thenRejectedWith("payout account account-bank is not open");
    }

    @Test
    void money_and_account_numbers_validate_on_construction() {
        assertThatThrownBy(() -> Money.cents(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("-1");
        assertThatThrownBy(() -> Accounts.stream("Bad Number"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Bad Number");
    }
}
