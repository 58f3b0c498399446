package org.eventcore.inmemory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.EventSerializationException;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.serialization.EventType;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.serialization.UnknownEventTypeException;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.PendingEvent;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InMemoryEventStoreWithSerializerTest {

    @EventType(name = "test.Registered")
    public record Registered(String text, int count) {}

    public record Unregistered(String text) {}

    final InMemoryEventStore store = InMemoryEventStore.create(JsonbEventSerializer.create(
            EventTypeRegistry.builder().register(Registered.class).build()));
    final StreamId stream = StreamId.of("serialized-1");
    final CommandId command = CommandId.of("cmd-ser");
    final EventMetadata metadata = EventMetadata.of("corr", command, Instant.EPOCH);

    PendingEvent pending(Object payload) {
        return new PendingEvent(EventId.generate(), stream, payload, metadata);
    }

    @Test
    void a_registered_payload_is_stored_as_what_reading_its_serialized_form_gives() {
        Registered payload = new Registered("Grüße \"quoted\"", 3);

        store.append(new AppendRequest(command, Map.of(stream, StreamVersion.NONE), List.of(pending(payload))));

        Object stored = store.read(Set.of(stream)).get(stream).events().get(0).payload();
        assertThat(stored).isEqualTo(payload).isNotSameAs(payload);
    }

    @Test
    void an_unregistered_payload_fails_with_EC1509_naming_the_event_and_nothing_is_written() {
        PendingEvent good = pending(new Registered("fine", 1));
        PendingEvent bad = pending(new Unregistered("oops"));

        assertThatThrownBy(() -> store.append(
                        new AppendRequest(command, Map.of(stream, StreamVersion.NONE), List.of(good, bad))))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith("EC1509 Event " + bad.id() + " for stream serialized-1: EC1501 Event class "
                        + Unregistered.class.getName() + " is not registered")
                .hasCauseInstanceOf(UnknownEventTypeException.class);

        assertThat(store.head()).isEqualTo(GlobalPosition.start());
        assertThat(store.eventsOf(command)).isEmpty();
        assertThat(store.read(Set.of(stream)).get(stream).version()).isEqualTo(StreamVersion.NONE);
    }
}
