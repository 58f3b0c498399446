package org.eventcore.sample.web.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.eventcore.CommandId;
import org.eventcore.EventMetadata;
import org.eventcore.EventSerializationException;
import org.eventcore.jsonb.JsonUpcaster;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.sample.banking.AccountEvent.AccountOpened;
import org.eventcore.sample.banking.AccountEvent.MoneyDeposited;
import org.eventcore.sample.banking.AccountEvent.MoneyWithdrawn;
import org.eventcore.serialization.EventType;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.serialization.SerializedEvent;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The two releases of a rolling upgrade of {@code sample.MoneyDeposited} from revision 1 to 2, on one
 * database: the sample as it is (step 1: reads revision 2 ahead, writes 1), the next release (step 2:
 * the event at revision 2, an upcaster from 1), and the release before the sample (no read-ahead),
 * which refuses revision 2 rather than misread it. Each reads what the others wrote, as a node of a
 * cluster half-way through the upgrade does.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RollingUpgradeTest {

    static final EventMetadata META = EventMetadata.of("c", CommandId.generate(), Instant.EPOCH);

    /** The next release's form of the event: an amount with its currency. */
    @EventType(name = "sample.MoneyDeposited", revision = 2)
    public record MoneyDepositedV2(Amount amount) {}

    public record Amount(long cents, String currency) {}

    /** Step 2, the next release: writes revision 2, reads 1 through an upcaster. */
    static final JsonbEventSerializer NEXT = JsonbEventSerializer.create(EventTypeRegistry.builder()
            .register(AccountOpened.class)
            .register(MoneyWithdrawn.class)
            .register(MoneyDepositedV2.class)
            .upcaster(JsonUpcaster.of(
                    "sample.MoneyDeposited",
                    1,
                    json -> Json.createObjectBuilder()
                            .add(
                                    "amount",
                                    Json.createObjectBuilder()
                                            .add(
                                                    "cents",
                                                    json.getJsonNumber("cents").longValueExact())
                                            .add("currency", "EUR"))
                            .build()))
            .build());

    /** Step 1, the sample as deployed: its registry with its upcaster beans. */
    static final JsonbEventSerializer SAMPLE =
            JsonbEventSerializer.create(EventTypes.eventTypes(List.of(new ReadNextMoneyDeposited())));

    /** The release before the sample: revision 1 only. */
    static final JsonbEventSerializer BEFORE = JsonbEventSerializer.create(EventTypes.eventTypes(List.of()));

    @Test
    void the_sample_writes_revision_1_which_the_next_release_reads_through_its_upcaster() {
        SerializedEvent written = SAMPLE.serialize(new MoneyDeposited(1_250));

        assertThat(written.revision()).isEqualTo(1);
        assertThat(NEXT.deserialize(written, META)).isEqualTo(new MoneyDepositedV2(new Amount(1_250, "EUR")));
        assertThat(BEFORE.deserialize(written, META)).isEqualTo(new MoneyDeposited(1_250));
    }

    @Test
    void the_sample_reads_what_the_next_release_writes() {
        SerializedEvent written = NEXT.serialize(new MoneyDepositedV2(new Amount(700, "EUR")));

        assertThat(written.revision()).isEqualTo(2);
        assertThat(SAMPLE.deserialize(written, META)).isEqualTo(new MoneyDeposited(700));
    }

    @Test
    void a_currency_revision_1_cannot_hold_is_refused_not_read_as_euros() {
        SerializedEvent written = NEXT.serialize(new MoneyDepositedV2(new Amount(700, "CHF")));

        assertThatThrownBy(() -> SAMPLE.deserialize(written, META))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith("EC1514 Upcaster " + ReadNextMoneyDeposited.class.getName())
                .hasMessageContaining("revision 1 of sample.MoneyDeposited holds euros only, not CHF");
    }

    @Test
    void the_release_before_the_sample_refuses_revision_2_and_says_what_to_deploy() {
        SerializedEvent written = NEXT.serialize(new MoneyDepositedV2(new Amount(700, "EUR")));

        assertThatThrownBy(() -> BEFORE.deserialize(written, META))
                .isInstanceOf(EventSerializationException.class)
                .hasMessage("EC1507 Stored event of type sample.MoneyDeposited has revision 2, newer than revision 1"
                        + " of " + MoneyDeposited.class.getName() + " that this release reads; a newer release of"
                        + " the application wrote it. Deploy a release that reads revision 2 (the class at that"
                        + " revision, or a read-ahead step) on every node before any node writes it");
    }

    @Test
    void a_stored_row_of_revision_2_as_the_next_release_writes_it_by_hand() {
        byte[] json = "{\"amount\":{\"cents\":5,\"currency\":\"EUR\"}}".getBytes(StandardCharsets.UTF_8);

        assertThat(SAMPLE.deserialize(SerializedEvent.of("sample.MoneyDeposited", 2, json), META))
                .isEqualTo(new MoneyDeposited(5));
    }
}
