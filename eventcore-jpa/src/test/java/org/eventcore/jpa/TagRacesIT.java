package org.eventcore.jpa;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.request;

import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.Tag;
import org.eventcore.TagQuery;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.spi.TagRead;
import org.eventcore.testkit.dcb.DcbEvent;
import org.eventcore.testkit.dcb.DcbEvent.StudentSubscribed;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The races that broke other PostgreSQL implementations of tag conditions, each made to happen in one order
 * on purpose: a transaction that wrote its matching event before the read and commits after it; a commit
 * between the decision read and the append; an event stored under a type's earlier name; an isolation level
 * at which the check cannot be trusted.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class TagRacesIT {

    private static EntityManagerFactory factory;
    private static ResourceLocalJpa jpa;
    private static JpaEventStore store;

    @BeforeAll
    static void database() {
        factory = SchemaUpgradeIT.factory(TestDatabases.createDatabase());
        jpa = ResourceLocalJpa.create(factory);
        store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
    }

    @AfterAll
    static void close() {
        factory.close();
    }

    private static Tag tag(String name) {
        return Tag.of("race", name + "-" + System.nanoTime());
    }

    @Test
    void an_event_written_before_the_read_and_committed_after_it_fails_the_condition() throws Exception {
        Tag seat = tag("seat");
        TagQuery query = TagQuery.tagged(seat);
        StreamId early = StreamId.of("early-" + seat.tagValue());
        StreamId late = StreamId.of("late-" + seat.tagValue());
        CountDownLatch written = new CountDownLatch(1);
        CountDownLatch read = new CountDownLatch(1);
        // the early writer takes its transaction id first, writes its event, and commits only after the read
        CompletableFuture<Void> earlyWriter = CompletableFuture.runAsync(() -> jpa.execute(x -> {
            request().expect(early, 0).write(early, event(1), seat).appendTo(store);
            written.countDown();
            await(read);
            return null;
        }));
        await(written);
        TagRead before = jpa.execute(x -> store.readTagged(List.of(query)));
        assertThat(before.events()).as("the early writer has not committed").isEmpty();
        read.countDown();
        earlyWriter.get(30, TimeUnit.SECONDS);

        assertThatThrownBy(() -> jpa.execute(x -> request()
                        .expect(late, 0)
                        .write(late, event(2), seat)
                        .condition(query, before.position())
                        .appendTo(store)))
                .isInstanceOfSatisfying(
                        StreamConflictException.class,
                        e -> assertThat(e.tagConflicts())
                                .singleElement()
                                .satisfies(c -> assertThat(c.query()).isEqualTo(query)));
    }

    @Test
    void a_conditional_append_waits_for_a_writer_in_flight_and_then_sees_its_event() throws Exception {
        Tag seat = tag("seat");
        TagQuery query = TagQuery.tagged(seat);
        StreamId first = StreamId.of("first-" + seat.tagValue());
        StreamId second = StreamId.of("second-" + seat.tagValue());
        TagRead before = jpa.execute(x -> store.readTagged(List.of(query)));
        CountDownLatch appended = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // a writer without a condition holds its shared lock (appended, not committed)
        CompletableFuture<Void> writer = CompletableFuture.runAsync(() -> jpa.execute(x -> {
            request().expect(first, 0).write(first, event(1), seat).appendTo(store);
            appended.countDown();
            await(release);
            return null;
        }));
        await(appended);
        CompletableFuture<Object> conditional = CompletableFuture.supplyAsync(() -> jpa.execute(x -> request()
                .expect(second, 0)
                .write(second, event(2), seat)
                .condition(query, before.position())
                .appendTo(store)));
        Thread.sleep(300);
        assertThat(conditional)
                .as("the conditional append waits for the writer in flight")
                .isNotDone();
        release.countDown();
        writer.get(30, TimeUnit.SECONDS);

        assertThat(conditional)
                .failsWithin(30, TimeUnit.SECONDS)
                .withThrowableThat()
                .havingCause()
                .isInstanceOf(StreamConflictException.class);
        assertThat(jpa.execute(x -> store.readTagged(List.of(query))).events()).hasSize(1);
    }

    @Test
    void an_event_stored_under_the_type_s_earlier_name_is_read_and_checked_by_the_current_release() {
        JpaEventStore current = JpaEventStore.create(
                jpa, JsonbEventSerializer.create(DcbEvent.registry(false)), JpaStoreSettings.DEFAULT);
        JpaEventStore beforeRename = JpaEventStore.create(
                jpa, JsonbEventSerializer.create(DcbEvent.registry(true)), JpaStoreSettings.DEFAULT);
        Tag course = tag("course");
        TagQuery subscriptions = TagQuery.of(Set.of(StudentSubscribed.class), course);
        StreamId oldSide = StreamId.of("old-" + course.tagValue());
        StreamId newSide = StreamId.of("new-" + course.tagValue());
        TagRead read = jpa.execute(x -> current.readTagged(List.of(subscriptions)));
        jpa.execute(x -> request()
                .expect(oldSide, 0)
                .write(oldSide, new StudentSubscribed("c", "s1"), course)
                .appendTo(beforeRename));

        assertThatThrownBy(() -> jpa.execute(x -> request()
                        .expect(newSide, 0)
                        .write(newSide, new StudentSubscribed("c", "s2"), course)
                        .condition(subscriptions, read.position())
                        .appendTo(current)))
                .isInstanceOfSatisfying(
                        StreamConflictException.class,
                        e -> assertThat(e.tagConflicts())
                                .singleElement()
                                .satisfies(c -> assertThat(c.eventType()).isEqualTo(DcbEvent.OLD_SUBSCRIBED_NAME)));
        assertThat(jpa.execute(x -> current.readTagged(List.of(subscriptions))).events())
                .extracting(e -> e.payload())
                .containsExactly(new StudentSubscribed("c", "s1"));
        // and the release before the rename sees the current release's events under the new name
        TagRead old = jpa.execute(x -> beforeRename.readTagged(List.of(subscriptions)));
        jpa.execute(x -> request()
                .expect(newSide, 0)
                .write(newSide, new StudentSubscribed("c", "s3"), course)
                .appendTo(current));
        assertThatThrownBy(() -> jpa.execute(x -> request()
                        .expect(oldSide, 1)
                        .write(oldSide, new StudentSubscribed("c", "s4"), course)
                        .condition(subscriptions, old.position())
                        .appendTo(beforeRename)))
                .isInstanceOf(StreamConflictException.class);
    }

    @Test
    void a_conditional_append_at_repeatable_read_is_refused() {
        Tag seat = tag("seat");
        TagQuery query = TagQuery.tagged(seat);
        StreamId stream = StreamId.of("isolated-" + seat.tagValue());
        TagRead read = jpa.execute(x -> store.readTagged(List.of(query)));

        assertThatThrownBy(() -> jpa.execute(x -> {
                    jpa.withEntityManager(em -> em.createNativeQuery("set transaction isolation level repeatable read")
                            .executeUpdate());
                    return request()
                            .expect(stream, 0)
                            .write(stream, event(1), seat)
                            .condition(query, read.position())
                            .appendTo(store);
                }))
                .hasMessageContaining("EC3310")
                .hasMessageContaining("repeatable read");
    }

    private static void await(CountDownLatch latch) {
        try {
            if (!latch.await(30, TimeUnit.SECONDS)) {
                throw new AssertionError("timed out");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError(e);
        }
    }
}
