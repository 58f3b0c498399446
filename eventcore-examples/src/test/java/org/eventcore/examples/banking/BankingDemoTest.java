package org.eventcore.examples.banking;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BankingDemoTest {

    @Test
    void the_demo_shows_events_a_rejection_and_a_retried_conflict_and_conserves_money() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        new BankingDemo(new PrintStream(bytes, true, StandardCharsets.UTF_8)).run();
        String out = bytes.toString(StandardCharsets.UTF_8);

        assertThat(out)
                .contains(
                        "stored account-alice version 1 at position 2: AccountOpened[owner=Alice, payoutAccount=account-bank]")
                .contains("failed: EC1100 Command Withdraw rejected: insufficient funds in account-bob")
                .contains("(permanent)")
                .contains("attempt 1: conflict on [account-alice (expected version 3, actual 4)]")
                .contains("committed after 2 attempts")
                .contains("Balances: account-alice EUR 25.00, account-bob EUR 80.00 (total EUR 105.00");
    }
}
