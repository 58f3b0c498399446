package org.eventcore.spi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class AppendRequestTest {

    final CommandId command = CommandId.of("c-1");
    final StreamId a = StreamId.of("a");
    final StreamId b = StreamId.of("b");
    final EventMetadata metadata = EventMetadata.of("c-1", command, Instant.EPOCH);

    @Test
    void a_request_needs_at_least_one_event() {
        assertThatThrownBy(() -> new AppendRequest(command, Map.of(a, StreamVersion.NONE), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1010 An append request needs at least one event");
    }

    @Test
    void every_written_stream_needs_an_expected_version() {
        EventId id = EventId.generate();
        PendingEvent event = new PendingEvent(id, b, "payload", metadata);

        assertThatThrownBy(() -> new AppendRequest(command, Map.of(a, StreamVersion.NONE), List.of(event)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1010 Event " + id + " is for stream b, which has no expected version in the request;"
                        + " every written stream must have been read");
    }

    @Test
    void the_request_copies_its_inputs_and_keeps_the_order_of_the_expected_versions() {
        Map<StreamId, StreamVersion> expected = new LinkedHashMap<>();
        expected.put(b, StreamVersion.of(3));
        expected.put(a, StreamVersion.NONE);
        AppendRequest request = new AppendRequest(
                command, expected, List.of(new PendingEvent(EventId.generate(), a, "payload", metadata)));
        expected.clear();

        assertThat(request.expectedVersions().keySet()).containsExactly(b, a);
        assertThatThrownBy(() -> request.expectedVersions().clear()).isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> request.events().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
