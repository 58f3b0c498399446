package org.eventcore.examples.docs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.eventcore.examples.banking.Money.euros;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eventcore.StreamId;
import org.eventcore.examples.banking.AccountEvent.AccountOpened;
import org.eventcore.examples.banking.AccountEvent.MoneyDeposited;
import org.eventcore.examples.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.examples.banking.TransferMoney;
import org.eventcore.testkit.scenario.CommandScenario;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The failure messages the Testing commands page shows are the ones the test kit gives. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ScenarioFailureMessagesTest {

    private static final Path PAGE = Path.of("../src/site/markdown/testing.md");

    private final StreamId bank = StreamId.of("account-bank");
    private final StreamId alice = StreamId.of("account-alice");
    private final StreamId bob = StreamId.of("account-bob");

    private static void assertThePageShows(AssertionFailedError failure) throws IOException {
        assertThat(Files.readString(PAGE))
                .as("testing.md shows the message of the test kit")
                .contains(failure.getMessage().strip() + "\n");
    }

    @Test
    void a_rejection_by_another_rule() throws IOException {
        var outcome = CommandScenario.given(alice, new AccountOpened("Alice", bank), new MoneyDeposited(euros(10)))
                .when(new TransferMoney(alice, bob, euros(30)));

        assertThePageShows(
                catchThrowableOfType(() -> outcome.thenRejectedWith("insufficient funds"), AssertionFailedError.class));
    }

    @Test
    void other_events_than_expected() throws IOException {
        var outcome = CommandScenario.given(alice, new AccountOpened("Alice", bank), new MoneyDeposited(euros(50)))
                .and(bob, new AccountOpened("Bob", bank))
                .when(new TransferMoney(alice, bob, euros(30)));

        assertThePageShows(catchThrowableOfType(
                () -> outcome.thenEmitted(alice, new MoneyWithdrawn(euros(20))), AssertionFailedError.class));
    }
}
