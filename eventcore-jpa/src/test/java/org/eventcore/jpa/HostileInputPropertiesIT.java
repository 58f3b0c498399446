package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.eventcore.InvalidStreamIdException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.spi.StreamRead;
import org.eventcore.testkit.contract.ContractEvent;

/**
 * Hostile text as stream ids and payloads, through the JPA store on PostgreSQL: each input is either
 * refused as a stream id with EC1001, or stored and read back exactly, id and payload. No SQL is built
 * from input, so SQL metacharacters are plain characters; the append's array parameters quote every
 * element, so array syntax ({@code {}}, commas, {@code NULL}, quotes, backslashes) is plain text too.
 */
class HostileInputPropertiesIT {

    private static final JpaEventStore STORE = TestDatabases.postgresStore("eventcore-hibernate");

    @Provide
    Arbitrary<String> hostile() {
        return Arbitraries.oneOf(
                Arbitraries.strings().all().ofMinLength(0).ofMaxLength(300),
                Arbitraries.strings()
                        .withChars("'\";\\-%_*/()$:?{},")
                        .ofMinLength(1)
                        .ofMaxLength(40),
                Arbitraries.of(HostileSamples.TEXTS));
    }

    @Property(tries = 300)
    void a_hostile_stream_id_is_refused_with_EC1001_or_stored_and_read_back_exactly(@ForAll("hostile") String raw) {
        StreamId id;
        try {
            id = StreamId.of(raw);
        } catch (InvalidStreamIdException e) {
            assertThat(e.getMessage()).startsWith("EC1001 Invalid stream id");
            Statistics.collect("refused with EC1001");
            return;
        }
        StreamRead before = STORE.read(Set.of(id)).get(id);
        long version = before.version().value();
        request()
                .expect(id, version)
                .write(id, new ContractEvent(raw, version + 1))
                .appendTo(STORE);

        StreamRead after = STORE.read(Set.of(id)).get(id);
        assertThat(after.version().value()).isEqualTo(version + 1);
        StoredEvent<Object> last = after.events().get(after.events().size() - 1);
        assertThat(last.streamId().value()).isEqualTo(raw);
        assertThat(last.payload()).isEqualTo(new ContractEvent(raw, version + 1));
        Statistics.collect("stored and read back exactly");
    }

    @Property(tries = 200)
    void hostile_custom_metadata_is_refused_with_EC1006_or_stored_and_read_back_exactly(
            @ForAll("hostile") String key, @ForAll("hostile") String value) {
        org.eventcore.EventMetadata metadata;
        try {
            metadata = org.eventcore.EventMetadata.of(
                            "hostile-metadata", org.eventcore.CommandId.generate(), java.time.Instant.now())
                    .with(key, value);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("EC1006 ");
            Statistics.collect("refused with EC1006");
            return;
        }
        StreamId id = StreamId.of("hostile-metadata-" + java.util.UUID.randomUUID());
        STORE.append(new org.eventcore.spi.AppendRequest(
                metadata.causationId(),
                java.util.Map.of(id, org.eventcore.StreamVersion.of(0)),
                java.util.List.of(new org.eventcore.spi.PendingEvent(
                        org.eventcore.EventId.generate(), id, new ContractEvent("m", 1), metadata))));

        StoredEvent<Object> stored = STORE.read(Set.of(id)).get(id).events().get(0);
        assertThat(stored.metadata().custom()).containsExactly(java.util.Map.entry(key, value));
        assertThat(stored.metadata().correlationId()).isEqualTo("hostile-metadata");
        Statistics.collect("stored and read back exactly");
    }

    @Property(tries = 200)
    void a_hostile_user_is_refused_with_EC1006_or_stored_and_read_back_exactly(@ForAll("hostile") String user) {
        org.eventcore.EventMetadata metadata;
        try {
            metadata = org.eventcore.EventMetadata.of(
                            "hostile-user", org.eventcore.CommandId.generate(), java.time.Instant.now())
                    .withUser(user);
        } catch (IllegalArgumentException e) {
            assertThat(e.getMessage()).startsWith("EC1006 ");
            Statistics.collect("refused with EC1006");
            return;
        }
        StreamId id = StreamId.of("hostile-user-" + java.util.UUID.randomUUID());
        org.eventcore.EventMetadata without =
                org.eventcore.EventMetadata.of("hostile-user", metadata.causationId(), java.time.Instant.now());
        STORE.append(new org.eventcore.spi.AppendRequest(
                metadata.causationId(),
                java.util.Map.of(id, org.eventcore.StreamVersion.of(0)),
                java.util.List.of(
                        new org.eventcore.spi.PendingEvent(
                                org.eventcore.EventId.generate(), id, new ContractEvent("u", 1), metadata),
                        new org.eventcore.spi.PendingEvent(
                                org.eventcore.EventId.generate(), id, new ContractEvent("none", 2), without))));

        List<StoredEvent<Object>> stored = STORE.read(Set.of(id)).get(id).events();
        assertThat(stored.get(0).metadata().user()).contains(user);
        assertThat(stored.get(1).metadata().user()).as("no user stays no user").isEmpty();
        Statistics.collect("stored and read back exactly");
    }
}
