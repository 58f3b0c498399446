package org.eventcore.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.sample.it.Api.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample as the first release of a rolling upgrade, deployed: a deposit stored as the next release
 * writes it ({@code sample.MoneyDeposited} at revision 2, inserted by plain SQL) is read through the
 * sample's read-ahead upcaster bean by a command (a withdrawal it covers, and one it does not) and by
 * the balances projection.
 */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EvolvedEventsIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Api.ear();
    }

    private final String account = "alice-evolved-" + System.nanoTime();
    private final Api alice = Api.as("alice");

    /** The deposit as the next release stores it, in the account's stream at version 2. */
    private void depositAsTheNextReleaseWould(long cents) throws Exception {
        String stream = "account-" + account;
        String command = CommandId.generate().value();
        try (Connection c = ServerEnvironment.connection()) {
            c.setAutoCommit(false);
            try (PreparedStatement insert = c.prepareStatement("insert into ec_events (global_position, tx_id,"
                            + " event_id, stream_id, stream_version, event_type, type_revision, payload,"
                            + " correlation_id, causation_id, user_name, recorded_at, custom_metadata) values"
                            + " (nextval('ec_event_position_seq'), cast(cast(pg_current_xact_id() as text) as bigint),"
                            + " ?, ?, 2, 'sample.MoneyDeposited', 2, ?, ?, ?, 'alice', now(), '{}')");
                    PreparedStatement version =
                            c.prepareStatement("update ec_streams set stream_version = 2 where stream_id = ?");
                    PreparedStatement commands =
                            c.prepareStatement("insert into ec_commands (command_id, recorded_at) values (?, now())")) {
                insert.setString(1, EventId.generate().toString());
                insert.setString(2, stream);
                insert.setBytes(
                        3,
                        ("{\"amount\":{\"cents\":" + cents + ",\"currency\":\"EUR\"}}")
                                .getBytes(StandardCharsets.UTF_8));
                insert.setString(4, command);
                insert.setString(5, command);
                insert.executeUpdate();
                version.setString(1, stream);
                assertThat(version.executeUpdate())
                        .as("the account's stream row")
                        .isEqualTo(1);
                commands.setString(1, command);
                commands.executeUpdate();
            }
            c.commit();
        }
    }

    @Test
    void a_deposit_of_the_next_revision_counts_for_commands_and_the_read_model() throws Exception {
        Reply opened = alice.post("accounts", "{\"id\":\"" + account + "\"}");
        assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        depositAsTheNextReleaseWould(4_200);

        Reply covered = alice.post("accounts/" + account + "/withdrawals", "{\"cents\":4000}");
        assertThat(covered.status()).as(covered.body()).isEqualTo(200);
        Reply overdrawn = alice.post("accounts/" + account + "/withdrawals", "{\"cents\":201}");
        assertThat(overdrawn.status()).as(overdrawn.body()).isEqualTo(422);

        Reply balance = alice.get("accounts/" + account + "?after=" + covered.position());
        assertThat(balance.status()).as(balance.body()).isEqualTo(200);
        assertThat(((Number) balance.json().get("cents")).longValue())
                .as("the balances projection read the deposit of revision 2")
                .isEqualTo(200);
    }
}
