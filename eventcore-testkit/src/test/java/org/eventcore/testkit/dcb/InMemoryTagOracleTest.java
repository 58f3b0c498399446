package org.eventcore.testkit.dcb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eventcore.CommandId;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.TagQuery;
import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.GlobalLogReader;
import org.eventcore.spi.StreamRead;
import org.eventcore.spi.TagRead;
import org.eventcore.spi.TagReader;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class InMemoryTagOracleTest {

    @Test
    void racing_writers_break_no_rule_and_lose_no_acknowledged_command() throws Exception {
        InMemoryEventStore store = InMemoryEventStore.create();
        TagOracle.Report report = TagOracle.run(TagOracle.Settings.of(16, 4_000), store, store, store);
        System.out.println("in memory: " + report.summary());

        assertThat(report.violations()).isEmpty();
        assertThat(report.lostAcknowledged()).isZero();
        assertThat(report.disjointConflicts()).isZero();
        assertThat(report.acknowledged()).isGreaterThan(report.commands() / 4);
        assertThat(report.rejected()).isPositive();
        assertThat(report.acknowledged() + report.rejected() + report.gaveUp()).isEqualTo(report.commands());
    }

    @Test
    void the_oracle_finds_the_violations_of_a_store_that_ignores_conditions() throws Exception {
        InMemoryEventStore store = InMemoryEventStore.create();
        Unconditional broken = new Unconditional(store);
        TagOracle.Report report = TagOracle.run(TagOracle.Settings.of(16, 4_000), broken, broken, store);
        System.out.println("store without conditions: " + report.summary());

        assertThat(report.violations()).isNotEmpty();
    }

    /** The in-memory store with every append's tag conditions dropped: what an unlocked check amounts to. */
    private record Unconditional(InMemoryEventStore store) implements EventStore, TagReader, GlobalLogReader {
        @Override
        public Map<StreamId, StreamRead> read(Set<StreamId> streams) {
            return store.read(streams);
        }

        @Override
        public AppendResult append(AppendRequest request) {
            Thread.yield();
            return store.append(new AppendRequest(request.commandId(), request.expectedVersions(), request.events()));
        }

        @Override
        public Optional<List<StoredEvent<Object>>> eventsOf(CommandId commandId) {
            return store.eventsOf(commandId);
        }

        @Override
        public TagRead readTagged(List<TagQuery> queries) {
            return store.readTagged(queries);
        }

        @Override
        public List<StoredEvent<Object>> readLog(GlobalPosition after, int limit) {
            return store.readLog(after, limit);
        }

        @Override
        public GlobalPosition head() {
            return store.head();
        }

        @Override
        public Map<StreamId, StreamRead> readAfter(Map<StreamId, StreamVersion> after) {
            return store.readAfter(after);
        }
    }
}
