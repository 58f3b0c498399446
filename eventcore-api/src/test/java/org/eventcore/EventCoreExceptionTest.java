package org.eventcore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.eventcore.spi.DuplicateCommandException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventCoreExceptionTest {

    final StreamId a = StreamId.of("a");
    final StreamId b = StreamId.of("b");

    @Test
    void only_conflicts_exhaustion_and_store_outages_are_retriable() {
        StreamConflictException conflict =
                new StreamConflictException(List.of(new StreamConflict(a, StreamVersion.NONE, StreamVersion.of(1))));

        assertThat(conflict.isRetriable()).isTrue();
        assertThat(new StoreUnavailableException("x").isRetriable()).isTrue();
        assertThat(new CommitOutcomeUnknownException("x", null).isRetriable()).isTrue();
        assertThat(new RetriesExhaustedException("Cmd", CommandId.of("c"), 2, conflict).isRetriable())
                .isTrue();
        assertThat(CommandRejectedException.of(String.class, "no").isRetriable())
                .isFalse();
        assertThat(new CommandDefinitionException("x").isRetriable()).isFalse();
        assertThat(new EventSerializationException("x").isRetriable()).isFalse();
        assertThat(new DuplicateCommandException(CommandId.of("c")).isRetriable())
                .isFalse();
    }

    @Test
    void a_conflict_message_names_every_stale_stream_with_expected_and_actual_version() {
        StreamConflictException e = new StreamConflictException(List.of(
                new StreamConflict(a, StreamVersion.NONE, StreamVersion.of(1)),
                new StreamConflict(b, StreamVersion.of(4), StreamVersion.of(6))));

        assertThat(e.getMessage())
                .isEqualTo("EC1200 Stream version conflict on a (expected version 0, actual 1), b (expected version 4,"
                        + " actual 6): another command changed these streams after this one read them");
        assertThat(e.conflicts()).hasSize(2);
        assertThatThrownBy(() -> e.conflicts().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void a_conflict_without_streams_cannot_be_created() {
        assertThatThrownBy(() -> new StreamConflictException(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a conflict names at least one stream or tag query");
        assertThatThrownBy(() -> new StreamConflictException(List.of(), List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a conflict names at least one stream or tag query");
    }

    @Test
    void a_conflict_on_a_tag_query_names_the_query_and_the_newer_event() {
        TagQuery query = TagQuery.tagged(Tag.of("course", "c1"));
        EventId newer = EventId.generate();
        StreamConflictException e = new StreamConflictException(
                List.of(), List.of(new TagConflict(query, newer, "dcb.StudentSubscribed", GlobalPosition.of(7, 3))));

        assertThat(e.getMessage())
                .startsWith("EC1201 Tag query conflict on query [tagged course:c1] (newer event " + newer)
                .contains("of type dcb.StudentSubscribed");
        assertThat(e.conflicts()).isEmpty();
        assertThat(e.isRetriable()).isTrue();
    }

    @Test
    void exhaustion_after_one_attempt_says_attempt_in_the_singular_and_has_no_conflicts_for_other_failures() {
        StoreUnavailableException down = new StoreUnavailableException("EC3001 down");

        RetriesExhaustedException e = new RetriesExhaustedException("Deposit", CommandId.of("c-9"), 1, down);

        assertThat(e.getMessage())
                .isEqualTo("EC1300 Command Deposit (id c-9) failed after 1 attempt; last failure: EC3001 down");
        assertThat(e.lastConflicts()).isEmpty();
        assertThat(e.getCause()).isSameAs(down);
    }

    @Test
    void a_duplicate_command_names_its_id() {
        DuplicateCommandException e = new DuplicateCommandException(CommandId.of("key-1"));

        assertThat(e.getMessage()).isEqualTo("EC1400 Command key-1 was already applied; its events are stored");
        assertThat(e.commandId()).isEqualTo(CommandId.of("key-1"));
    }

    @Test
    void stream_handles_are_equal_by_command_type_and_stream() {
        StreamHandle<String> handle = new StreamHandle<>(String.class, a);

        assertThat(handle)
                .isEqualTo(new StreamHandle<>(String.class, a))
                .hasSameHashCodeAs(new StreamHandle<>(String.class, a));
        assertThat(handle).isNotEqualTo(new StreamHandle<>(String.class, b));
        assertThat(handle).isNotEqualTo(new StreamHandle<>(Integer.class, a));
        assertThat(handle).hasToString("a of String");
        assertThat(handle.id()).isEqualTo(a);
        assertThat(handle.commandType()).isEqualTo(String.class);
    }

    @Test
    void a_stored_event_cannot_have_version_zero() {
        EventId id = EventId.generate();
        EventMetadata metadata = EventMetadata.of("c", CommandId.of("c"), java.time.Instant.EPOCH);

        assertThatThrownBy(() -> new StoredEvent<>(id, a, StreamVersion.NONE, GlobalPosition.of(1), "p", metadata))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1007 A stored event's version starts at 1, was 0 for event " + id);
    }
}
