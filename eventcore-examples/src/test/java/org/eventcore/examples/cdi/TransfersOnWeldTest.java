package org.eventcore.examples.cdi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.examples.banking.Money.euros;

import jakarta.inject.Inject;
import org.eventcore.CommandRejectedException;
import org.eventcore.StreamId;
import org.eventcore.cdi.CommandBus;
import org.eventcore.examples.banking.AccountEvent;
import org.eventcore.examples.banking.Deposit;
import org.eventcore.examples.banking.OpenAccount;
import org.eventcore.execution.CommandResult;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableWeld
class TransfersOnWeldTest {

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(new Weld()
                    .addServices(new NarayanaTransactionServices())
                    .addBeanClasses(TestInfrastructure.class, Transfers.class, WithdrawalNotices.class))
            .build();

    @Inject
    CommandBus commands;

    @Inject
    Transfers transfers;

    @Inject
    WithdrawalNotices notices;

    private final StreamId bank = StreamId.of("account-bank");
    private final StreamId alice = StreamId.of("account-alice");
    private final StreamId bob = StreamId.of("account-bob");

    @BeforeEach
    void open_accounts() {
        commands.execute(new OpenAccount(bank, "the bank", bank));
        commands.execute(new OpenAccount(alice, "Alice", bank));
        commands.execute(new OpenAccount(bob, "Bob", bank));
        commands.execute(new Deposit(alice, euros(100)));
    }

    @Test
    void a_transfer_commits_and_the_after_commit_observer_hears_of_it() {
        CommandResult<AccountEvent> result = transfers.transfer(alice, bob, euros(30));

        assertThat(result.events()).hasSize(2);
        assertThat(notices.sent()).containsExactly("EUR 30.00 withdrawn from account-alice");
    }

    @Test
    void a_rejected_transfer_commits_nothing_and_notifies_nobody() {
        assertThatThrownBy(() -> transfers.transfer(alice, bob, euros(500)))
                .isInstanceOf(CommandRejectedException.class)
                .hasMessageContaining("insufficient funds in account-alice");

        assertThat(notices.sent()).isEmpty();
    }
}
