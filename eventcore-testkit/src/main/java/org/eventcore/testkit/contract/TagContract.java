package org.eventcore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.payloads;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.eventcore.CommandId;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.Tag;
import org.eventcore.TagConflict;
import org.eventcore.TagQuery;
import org.eventcore.messages.ApiMessages;
import org.eventcore.spi.AppendResult;
import org.eventcore.spi.DuplicateCommandException;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.TagRead;
import org.eventcore.spi.TagReader;
import org.junit.jupiter.api.Test;

/**
 * Contract: tags and tag queries ({@link TagReader}, ADR 0009). A read returns every committed event that
 * matches, each once, in log order; an append whose condition names that read fails, writing nothing, when an
 * event matching the condition's query was appended since (by a conditional writer or not), and never because
 * of events that do not match. Racers on one query: one wins per round; racers on disjoint tags: all win.
 * Writes {@link ContractEvent} and {@link ContractMark}.
 *
 * @param <S> the store type
 */
public abstract class TagContract<S extends EventStore & TagReader> extends StoreContract<S> {

    /** How many writers race in each round of the race tests; stores may lower it. */
    protected int racers() {
        return 8;
    }

    /** How many rounds the race tests run. */
    protected int raceRounds() {
        return 15;
    }

    /** A tag unique to this test. */
    private Tag tag(String key, String name) {
        return Tag.of(key, streams.stream(name).value());
    }

    private static List<Object> payloadsOf(TagRead read) {
        List<Object> payloads = new ArrayList<>();
        for (StoredEvent<Object> e : read.events()) {
            payloads.add(e.payload());
        }
        return payloads;
    }

    @Test
    void a_read_returns_every_event_carrying_the_tag_in_log_order_and_nothing_else() {
        Tag course = tag("course", "c");
        Tag other = tag("course", "other");
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        request().expect(a, 0).write(a, event(1), course).appendTo(store);
        request().expect(b, 0).write(b, event(2), other).write(b, event(3)).appendTo(store);
        request()
                .expect(b, 2)
                .expect(a, 1)
                .write(b, event(4), course, other)
                .write(a, event(5), course)
                .appendTo(store);

        TagRead read = store.readTagged(List.of(TagQuery.tagged(course)));

        assertThat(payloadsOf(read)).containsExactly(event(1), event(4), event(5));
        assertThat(read.position()).isNotBlank();
        assertThat(payloadsOf(store.readTagged(List.of(TagQuery.tagged(tag("course", "none"))))))
                .isEmpty();
    }

    @Test
    void an_item_matches_the_events_with_all_its_tags_and_one_of_its_types() {
        Tag course = tag("course", "c");
        Tag student = tag("student", "s");
        StreamId a = streams.stream("a");
        request()
                .expect(a, 0)
                .write(a, event(1), course)
                .write(a, event(2), course, student)
                .write(a, new ContractMark(3), course, student)
                .write(a, event(4), student)
                .appendTo(store);

        assertThat(payloadsOf(store.readTagged(List.of(TagQuery.tagged(course, student)))))
                .containsExactly(event(2), new ContractMark(3));
        assertThat(payloadsOf(store.readTagged(List.of(TagQuery.of(Set.of(ContractMark.class), course)))))
                .containsExactly(new ContractMark(3));
        assertThat(payloadsOf(store.readTagged(List.of(TagQuery.of(Set.of(ContractEvent.class), student)))))
                .containsExactly(event(2), event(4));
    }

    @Test
    void items_and_queries_are_or_ed_and_an_event_that_matches_several_is_read_once() {
        Tag course = tag("course", "c");
        Tag student = tag("student", "s");
        StreamId a = streams.stream("a");
        request()
                .expect(a, 0)
                .write(a, event(1), course)
                .write(a, event(2), course, student)
                .write(a, event(3), student)
                .appendTo(store);

        assertThat(payloadsOf(store.readTagged(List.of(TagQuery.tagged(course).or(TagQuery.tagged(student))))))
                .containsExactly(event(1), event(2), event(3));
        assertThat(payloadsOf(store.readTagged(List.of(TagQuery.tagged(course), TagQuery.tagged(student)))))
                .containsExactly(event(1), event(2), event(3));
    }

    @Test
    void an_append_whose_query_saw_everything_succeeds_and_writes_its_tags() {
        Tag token = tag("token", "t");
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        request().expect(a, 0).write(a, event(1), token).appendTo(store);
        TagQuery query = TagQuery.tagged(token);
        TagRead read = store.readTagged(List.of(query));

        request()
                .expect(b, 0)
                .write(b, event(2), token)
                .condition(query, read.position())
                .appendTo(store);

        assertThat(payloadsOf(store.readTagged(List.of(query)))).containsExactly(event(1), event(2));
    }

    @Test
    void a_matching_event_appended_after_the_read_fails_the_condition_and_nothing_is_written() {
        Tag token = tag("token", "t");
        StreamId first = streams.stream("first");
        StreamId second = streams.stream("second");
        TagQuery query = TagQuery.of(Set.of(ContractEvent.class), token);
        TagRead read = store.readTagged(List.of(query));
        // a writer without a condition, as a stream-only command that tags its event
        AppendResult newer =
                request().expect(first, 0).write(first, event(1), token).appendTo(store);

        assertThatThrownBy(() -> request()
                        .expect(second, 0)
                        .write(second, event(2), token)
                        .condition(query, read.position())
                        .appendTo(store))
                .isInstanceOfSatisfying(StreamConflictException.class, e -> {
                    assertThat(e.conflicts()).isEmpty();
                    assertThat(e.tagConflicts()).hasSize(1);
                    TagConflict c = e.tagConflicts().get(0);
                    assertThat(c.query()).isEqualTo(query);
                    assertThat(c.eventId()).isEqualTo(newer.events().get(0).id());
                    assertThat(c.position()).isEqualTo(newer.events().get(0).position());
                    assertThat(e.getMessage()).isEqualTo(ApiMessages.tagConflict(List.of(c.toString())));
                    assertThat(e.getMessage()).contains(token.value());
                    assertThat(e.isRetriable()).isTrue();
                });
        assertThat(payloads(store, second)).isEmpty();
        assertThat(payloadsOf(store.readTagged(List.of(query)))).containsExactly(event(1));
    }

    @Test
    void events_that_do_not_match_never_fail_a_condition() {
        Tag course = tag("course", "c");
        Tag student = tag("student", "s");
        StreamId other = streams.stream("other");
        StreamId mine = streams.stream("mine");
        TagQuery query = TagQuery.of(Set.of(ContractEvent.class), course, student);
        TagRead read = store.readTagged(List.of(query));
        request()
                .expect(other, 0)
                .write(other, event(1), course)
                .write(other, event(2), student)
                .write(other, new ContractMark(3), course, student)
                .write(other, event(4), tag("course", "another"), student)
                .write(other, event(5))
                .appendTo(store);

        request()
                .expect(mine, 0)
                .write(mine, event(6), course, student)
                .condition(query, read.position())
                .appendTo(store);

        assertThat(payloadsOf(store.readTagged(List.of(query)))).containsExactly(event(6));
    }

    @Test
    void a_stale_stream_still_fails_an_append_with_a_condition() {
        Tag tag = tag("token", "t");
        StreamId a = streams.stream("a");
        TagQuery query = TagQuery.tagged(tag);
        TagRead read = store.readTagged(List.of(query));
        request().expect(a, 0).write(a, event(1)).appendTo(store);

        assertThatThrownBy(() -> request()
                        .expect(a, 0)
                        .write(a, event(2), tag)
                        .condition(query, read.position())
                        .appendTo(store))
                .isInstanceOfSatisfying(
                        StreamConflictException.class,
                        e -> assertThat(e.conflicts()).hasSize(1));
        assertThat(payloadsOf(store.readTagged(List.of(query)))).isEmpty();
    }

    @Test
    void a_duplicate_command_with_tags_writes_nothing_more() {
        Tag tag = tag("token", "t");
        StreamId a = streams.stream("a");
        StreamId b = streams.stream("b");
        CommandId id = CommandId.generate();
        request(id).expect(a, 0).write(a, event(1), tag).appendTo(store);

        assertThatThrownBy(
                        () -> request(id).expect(b, 0).write(b, event(2), tag).appendTo(store))
                .isInstanceOf(DuplicateCommandException.class);
        assertThat(payloadsOf(store.readTagged(List.of(TagQuery.tagged(tag))))).containsExactly(event(1));
    }

    @Test
    void racers_on_one_query_one_wins_each_round() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers());
        try {
            for (int round = 0; round < raceRounds(); round++) {
                Tag tag = tag("seat", "r" + round);
                TagQuery query = TagQuery.tagged(tag);
                CyclicBarrier barrier = new CyclicBarrier(racers());
                List<Future<Boolean>> results = new ArrayList<>();
                for (int r = 0; r < racers(); r++) {
                    StreamId own = streams.stream("round-" + round + "-racer-" + r);
                    long number = r;
                    results.add(pool.submit(() -> {
                        TagRead read = store.readTagged(List.of(query));
                        barrier.await(30, TimeUnit.SECONDS);
                        if (!read.events().isEmpty()) {
                            return false;
                        }
                        try {
                            request()
                                    .expect(own, 0)
                                    .write(own, event(number), tag)
                                    .condition(query, read.position())
                                    .appendTo(store);
                            return true;
                        } catch (StreamConflictException e) {
                            return false;
                        }
                    }));
                }
                int won = 0;
                for (Future<Boolean> f : results) {
                    won += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(won).as("winners of round %d", round).isEqualTo(1);
                assertThat(store.readTagged(List.of(query)).events()).hasSize(1);
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void racers_on_disjoint_tags_all_win() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers());
        try {
            for (int round = 0; round < raceRounds(); round++) {
                CyclicBarrier barrier = new CyclicBarrier(racers());
                List<Future<Boolean>> results = new ArrayList<>();
                for (int r = 0; r < racers(); r++) {
                    Tag tag = tag("seat", "r" + round + "-" + r);
                    TagQuery query = TagQuery.tagged(tag);
                    StreamId own = streams.stream("round-" + round + "-racer-" + r);
                    long number = r;
                    results.add(pool.submit(() -> {
                        TagRead read = store.readTagged(List.of(query));
                        barrier.await(30, TimeUnit.SECONDS);
                        request()
                                .expect(own, 0)
                                .write(own, event(number), tag, Tag.of("shared", "written-by-all"))
                                .condition(query, read.position())
                                .appendTo(store);
                        return true;
                    }));
                }
                for (Future<Boolean> f : results) {
                    assertThat(f.get(60, TimeUnit.SECONDS)).isTrue();
                }
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
