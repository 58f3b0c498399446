package org.eventcore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.payloads;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.util.List;
import org.eventcore.CommandId;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.DuplicateCommandException;
import org.eventcore.spi.EventStore;
import org.junit.jupiter.api.Test;

/**
 * Contract: command ids are unique in the store and can be looked up (invariant I8: a command whose
 * commit outcome was unknown is recognised when retried).
 *
 * @param <S> the store type
 */
public abstract class CommandLogContract<S extends EventStore> extends StoreContract<S> {

    private static CommandId freshId() {
        return CommandId.of("contract-" + CommandId.generate());
    }

    @Test
    void a_command_id_that_stored_nothing_is_not_found() {
        assertThat(store.eventsOf(freshId())).isEmpty();
    }

    @Test
    void the_events_of_a_command_are_found_by_its_id_in_append_order() {
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        CommandId id = freshId();
        AppendResult result = request(id)
                .expect(a, 0)
                .expect(b, 0)
                .write(a, event(1))
                .write(b, event(2))
                .write(a, event(3))
                .appendTo(store);

        List<StoredEvent<Object>> found = store.eventsOf(id).orElseThrow();
        assertThat(found)
                .extracting(StoredEvent::id)
                .containsExactlyElementsOf(
                        result.events().stream().map(StoredEvent::id).toList());
        assertThat(found).extracting(StoredEvent::payload).containsExactly(event(1), event(2), event(3));
    }

    @Test
    void a_second_append_with_the_same_command_id_writes_nothing_even_to_other_streams() {
        StreamId a = streams.stream("a");
        StreamId other = streams.stream("other");
        CommandId id = freshId();
        request(id).expect(a, 0).write(a, event(1)).appendTo(store);

        assertThatThrownBy(() ->
                        request(id).expect(other, 0).write(other, event(2)).appendTo(store))
                .isInstanceOf(DuplicateCommandException.class)
                .hasMessageContaining(id.value());
        assertThat(payloads(store, other)).isEmpty();
        assertThat(store.eventsOf(id).orElseThrow())
                .extracting(StoredEvent::payload)
                .containsExactly(event(1));
    }

    @Test
    void a_failed_append_does_not_take_its_command_id() {
        StreamId a = streams.stream("a");
        CommandId id = freshId();
        request().expect(a, 0).write(a, event(1)).appendTo(store);
        assertThatThrownBy(() -> request(id).expect(a, 0).write(a, event(2)).appendTo(store))
                .isInstanceOf(org.eventcore.StreamConflictException.class);

        assertThat(store.eventsOf(id)).isEmpty();
        request(id).expect(a, 1).write(a, event(3)).appendTo(store);
        assertThat(store.eventsOf(id).orElseThrow())
                .extracting(StoredEvent::payload)
                .containsExactly(event(3));
    }
}
