package org.eventcore.examples.banking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.api.Assertions.tuple;
import static org.eventcore.examples.banking.Money.euros;

import org.eventcore.CommandId;
import org.eventcore.CommandRejectedException;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.examples.banking.AccountEvent.AccountClosed;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutionOptions;
import org.eventcore.inmemory.InMemoryEventStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The usage fragments of the README and the manual's Concepts page, run against the in-memory store:
 * the values the pages show in their comments are the values the code gives.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class WalkthroughTest {

    private final StreamId alice = StreamId.of("account-alice");
    private final StreamId bob = StreamId.of("account-bob");
    private final StreamId bank = StreamId.of("account-bank");

    private InMemoryEventStore store;
    private CommandExecutor executor;

    /** The start of the Concepts page's "Running commands" section. */
    @BeforeEach
    void open_the_bank_and_deposit_for_alice() {
        store = InMemoryEventStore.create();
        executor = CommandExecutor.create(store);
        executor.execute(new OpenAccount(bank, "the bank", bank));
        executor.execute(new OpenAccount(alice, "Alice", bank));
        executor.execute(new OpenAccount(bob, "Bob", bank));
        executor.execute(new Deposit(alice, euros(100)));
    }

    @Test
    void a_transfer_reports_the_versions_and_positions_the_page_shows() {
        CommandResult<AccountEvent> result = executor.execute(new TransferMoney(alice, bob, euros(30)));

        assertThat(result.events())
                .extracting(e -> e.streamId(), e -> e.payload())
                .containsExactly(
                        tuple(alice, new MoneyWithdrawn(euros(30))), tuple(bob, new MoneyDeposited(euros(30))));
        assertThat(result.versionOf(alice)).hasValue(StreamVersion.of(3));
        assertThat(result.lastPosition()).hasValue(GlobalPosition.of(6));
        assertThat(result.attempts()).isEqualTo(1);
        assertThat(result.replayed()).isFalse();
    }

    @Test
    void a_rejected_transfer_gives_the_rule_and_the_message_the_page_shows() {
        CommandRejectedException e = catchThrowableOfType(
                () -> executor.execute(new TransferMoney(alice, bob, euros(500))), CommandRejectedException.class);

        assertThat(e.rule()).isEqualTo("insufficient funds in account-alice: balance EUR 100.00, asked EUR 500.00");
        assertThat(e.getMessage())
                .isEqualTo("EC1100 Command TransferMoney rejected: insufficient funds in account-alice: balance EUR"
                        + " 100.00, asked EUR 500.00");
        assertThat(store.head()).isEqualTo(GlobalPosition.of(4));
    }

    @Test
    void a_deposit_repeated_with_the_same_command_id_writes_once() {
        ExecutionOptions once = ExecutionOptions.DEFAULT.withCommandId(CommandId.generate());

        CommandResult<AccountEvent> first = executor.execute(new Deposit(bob, euros(5)), once);
        CommandResult<AccountEvent> again = executor.execute(new Deposit(bob, euros(5)), once);

        assertThat(first.replayed()).isFalse();
        assertThat(again.replayed()).isTrue();
        assertThat(again.events()).isEqualTo(first.events());
        assertThat(store.head()).isEqualTo(GlobalPosition.of(5));
    }

    @Test
    void closing_an_account_moves_its_balance_to_the_bank_through_the_executor() {
        executor.execute(new TransferMoney(alice, bob, euros(30)));

        CommandResult<AccountEvent> closed = executor.execute(new CloseAccount(alice));

        assertThat(closed.events())
                .extracting(e -> e.streamId(), e -> e.payload())
                .containsExactly(
                        tuple(alice, new MoneyWithdrawn(euros(70))),
                        tuple(bank, new MoneyDeposited(euros(70))),
                        tuple(alice, new AccountClosed()));
        assertThat(closed.versionOf(alice)).hasValue(StreamVersion.of(5));
        assertThat(closed.versionOf(bank)).hasValue(StreamVersion.of(2));
    }
}
