package org.eventcore.examples.concepts;

import static org.assertj.core.api.Assertions.assertThat;

import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.execution.CommandResult;
import org.eventcore.testkit.scenario.CommandScenario;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The business rules of the bank on the manual's Concepts page, one command at a time. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ConceptsScenariosTest {

    private final StreamId bank = StreamId.of("account-bank");
    private final StreamId alice = StreamId.of("account-alice");
    private final StreamId bob = StreamId.of("account-bob");

    private AccountOpened opened(String owner) {
        return new AccountOpened(owner, bank);
    }

    @Test
    void an_account_opens_with_its_owner_and_payout_account() {
        CommandScenario.givenNothing()
                .when(new OpenAccount(alice, "Alice", bank))
                .thenEmitted(alice, new AccountOpened("Alice", bank))
                .thenNothingElse();
    }

    @Test
    void an_open_account_cannot_be_opened_again() {
        CommandScenario.given(alice, opened("Alice"))
                .when(new OpenAccount(alice, "Alice", bank))
                .thenRejectedWith("account account-alice is already open");
    }

    @Test
    void a_deposit_goes_into_an_open_account() {
        CommandScenario.given(alice, opened("Alice"))
                .when(new Deposit(alice, 500))
                .thenEmitted(alice, new MoneyDeposited(500))
                .thenNothingElse();
    }

    @Test
    void a_deposit_needs_an_open_account_and_a_positive_amount() {
        CommandScenario.givenNothing()
                .when(new Deposit(alice, 500))
                .thenRejectedWith("account account-alice is not open");
        CommandScenario.given(alice, opened("Alice"), new AccountClosed())
                .when(new Deposit(alice, 500))
                .thenRejectedWith("account account-alice is not open");
        CommandScenario.given(alice, opened("Alice"))
                .when(new Deposit(alice, 0))
                .thenRejectedWith("the amount must be positive, was 0");
        CommandScenario.given(alice, opened("Alice"))
                .when(new Deposit(alice, -500))
                .thenRejectedWith("the amount must be positive, was -500");
    }

    @Test
    void a_transfer_withdraws_from_one_account_and_deposits_into_the_other() {
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(10_000))
                .and(bob, opened("Bob"))
                .when(new TransferMoney(alice, bob, 3_000))
                .thenEmitted(alice, new MoneyWithdrawn(3_000))
                .thenEmitted(bob, new MoneyDeposited(3_000))
                .thenNothingElse();
    }

    @Test
    void a_transfer_may_take_the_whole_balance_but_not_more() {
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(3_000), new MoneyWithdrawn(1_000))
                .and(bob, opened("Bob"))
                .when(new TransferMoney(alice, bob, 2_000))
                .thenEmitted(alice, new MoneyWithdrawn(2_000))
                .thenEmitted(bob, new MoneyDeposited(2_000))
                .thenNothingElse();
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(3_000), new MoneyWithdrawn(1_000))
                .and(bob, opened("Bob"))
                .when(new TransferMoney(alice, bob, 2_001))
                .thenRejectedWith("insufficient funds in account-alice");
    }

    @Test
    void a_transfer_is_rejected_for_a_non_positive_amount_the_same_account_or_an_account_that_is_not_open() {
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(10_000))
                .and(bob, opened("Bob"))
                .when(new TransferMoney(alice, bob, 0))
                .thenRejectedWith("the amount must be positive, was 0");
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(10_000))
                .when(new TransferMoney(alice, alice, 1_000))
                .thenRejectedWith("cannot transfer from account-alice to itself");
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(10_000))
                .when(new TransferMoney(alice, bob, 1_000))
                .thenRejectedWith("account account-bob is not open");
        CommandScenario.given(bob, opened("Bob"))
                .when(new TransferMoney(alice, bob, 1_000))
                .thenRejectedWith("account account-alice is not open");
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(10_000), new AccountClosed())
                .and(bob, opened("Bob"))
                .when(new TransferMoney(alice, bob, 1_000))
                .thenRejectedWith("account account-alice is not open");
    }

    @Test
    void closing_an_account_pays_its_balance_into_the_discovered_payout_account() {
        CommandScenario.given(bank, opened("the bank"))
                .and(alice, opened("Alice"), new MoneyDeposited(10_000), new MoneyWithdrawn(3_000))
                .when(new CloseAccount(alice))
                .thenEmitted(alice, new MoneyWithdrawn(7_000), new AccountClosed())
                .thenEmitted(bank, new MoneyDeposited(7_000))
                .thenNothingElse();
    }

    @Test
    void the_payout_account_is_the_one_named_when_the_account_was_opened() {
        CommandScenario.given(bank, opened("the bank"))
                .and(bob, opened("Bob"))
                .and(alice, new AccountOpened("Alice", bob), new MoneyDeposited(2_500))
                .when(new CloseAccount(alice))
                .thenEmitted(alice, new MoneyWithdrawn(2_500), new AccountClosed())
                .thenEmitted(bob, new MoneyDeposited(2_500))
                .thenEmitted(bank)
                .thenNothingElse();
    }

    @Test
    void closing_an_empty_account_writes_only_to_it_but_still_reads_the_payout_account() {
        CommandResult<AccountEvent> result = CommandScenario.given(bank, opened("the bank"), new MoneyDeposited(900))
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
        CommandScenario.given(alice, opened("Alice"), new MoneyDeposited(10_000))
                .when(new CloseAccount(alice))
                .thenRejectedWith("payout account account-bank is not open");
        CommandScenario.given(bank, opened("the bank"), new AccountClosed())
                .and(alice, opened("Alice"), new MoneyDeposited(10_000))
                .when(new CloseAccount(alice))
                .thenRejectedWith("payout account account-bank is not open");
    }
}
