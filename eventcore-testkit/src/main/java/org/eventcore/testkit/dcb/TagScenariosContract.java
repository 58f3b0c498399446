package org.eventcore.testkit.dcb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eventcore.CommandRejectedException;
import org.eventcore.StoredEvent;
import org.eventcore.TagQuery;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.CommandResult;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.TagReader;
import org.eventcore.testkit.dcb.DcbEvent.InvoiceCreated;
import org.eventcore.testkit.dcb.DcbEvent.StudentSubscribed;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Contract: the specification's scenarios, run through the executor on the store under test, one after the
 * other and with racing writers. The store must read the events of {@link DcbEvent} ({@link
 * DcbEvent#registry(boolean)} for a serializing store).
 *
 * @param <S> the store type
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class TagScenariosContract<S extends EventStore & TagReader> {

    private static final AtomicLong COUNTER = new AtomicLong();

    /** The store under test, new for every test. */
    protected S store;

    /** The executor over {@link #store}. */
    protected CommandExecutor executor;

    private String prefix;

    /** Returns a store (ids are unique to each test, so one database may serve every test). */
    protected abstract S newStore();

    /** How many writers race in the race tests. */
    protected int racers() {
        return 8;
    }

    @BeforeEach
    void setUpStore() {
        store = newStore();
        executor = CommandExecutor.create(store);
        prefix = getClass().getSimpleName() + "-" + System.nanoTime() + "-" + COUNTER.incrementAndGet();
    }

    private String id(String name) {
        return prefix + "-" + name;
    }

    private static String rejection(Runnable command) {
        try {
            command.run();
        } catch (CommandRejectedException e) {
            return e.getMessage();
        }
        throw new AssertionError("the command was not rejected");
    }

    @Test
    void a_course_takes_students_up_to_its_capacity_and_again_after_one_leaves() {
        String course = id("course");
        executor.execute(DefineCourse.of(course, 2));
        executor.execute(SubscribeStudent.of(course, id("s1")));
        executor.execute(SubscribeStudent.of(course, id("s2")));

        assertThat(rejection(() -> executor.execute(SubscribeStudent.of(course, id("s3")))))
                .contains("course " + course + " is full: 2 of 2 places taken");
        assertThat(rejection(() -> executor.execute(SubscribeStudent.of(course, id("s1")))))
                .contains("student " + id("s1") + " is already subscribed to course " + course);

        executor.execute(UnsubscribeStudent.of(course, id("s1")));
        CommandResult<DcbEvent> third = executor.execute(SubscribeStudent.of(course, id("s3")));
        assertThat(third.events())
                .extracting(StoredEvent::payload)
                .containsExactly(new StudentSubscribed(course, id("s3")));
        assertThat(rejection(() -> executor.execute(SubscribeStudent.of(id("no-such-course"), id("s4")))))
                .contains("course " + id("no-such-course") + " does not exist");
    }

    @Test
    void a_student_joins_at_most_five_courses() {
        String student = id("student");
        for (int i = 0; i < SubscribeStudent.MAX_COURSES + 1; i++) {
            executor.execute(DefineCourse.of(id("course-" + i), 10));
        }
        for (int i = 0; i < SubscribeStudent.MAX_COURSES; i++) {
            executor.execute(SubscribeStudent.of(id("course-" + i), student));
        }

        assertThat(rejection(() -> executor.execute(SubscribeStudent.of(id("course-5"), student))))
                .contains("student " + student + " is already subscribed to 5 courses, the most allowed");
        executor.execute(UnsubscribeStudent.of(id("course-0"), student));
        executor.execute(SubscribeStudent.of(id("course-5"), student));
    }

    @Test
    void a_capacity_read_by_the_course_tag_counts_the_subscriptions_of_every_stream() {
        String course = id("course");
        executor.execute(DefineCourse.of(course, 5));
        executor.execute(SubscribeStudent.of(course, id("s1")));
        executor.execute(SubscribeStudent.of(course, id("s2")));

        assertThat(rejection(() -> executor.execute(ChangeCourseCapacity.of(course, 1))))
                .contains("course " + course + " has 2 students, more than the capacity 1");
        executor.execute(ChangeCourseCapacity.of(course, 2));
        assertThat(rejection(() -> executor.execute(SubscribeStudent.of(course, id("s3")))))
                .contains("is full: 2 of 2");
    }

    @Test
    void a_username_is_held_by_one_account_and_freed_when_it_is_deleted() {
        String name = id("alice");
        executor.execute(RegisterUser.of(id("u1"), name));

        assertThat(rejection(() -> executor.execute(RegisterUser.of(id("u2"), name))))
                .contains("username " + name + " is taken");
        executor.execute(DeleteAccount.of(id("u1")));
        executor.execute(RegisterUser.of(id("u2"), name));
        assertThat(rejection(() -> executor.execute(RegisterUser.of(id("u3"), name))))
                .contains("is taken");
        assertThat(rejection(() -> executor.execute(RegisterUser.of(id("u2"), id("other")))))
                .contains("user " + id("u2") + " is already registered");
    }

    @Test
    void invoice_numbers_follow_one_another_per_series() {
        String series = id("series");
        for (int i = 1; i <= 3; i++) {
            CommandResult<DcbEvent> r = executor.execute(CreateInvoice.of(id("inv-" + i), series));
            assertThat(((InvoiceCreated) r.events().get(0).payload()).number()).isEqualTo(i);
        }
        CommandResult<DcbEvent> other = executor.execute(CreateInvoice.of(id("inv-other"), id("other-series")));
        assertThat(((InvoiceCreated) other.events().get(0).payload()).number()).isEqualTo(1);
    }

    @Test
    void an_opt_in_token_is_used_once() {
        String token = id("token");
        assertThat(rejection(() -> executor.execute(ConfirmOptIn.of(id("sub-0"), token))))
                .contains("token " + token + " was never issued");
        executor.execute(IssueOptInToken.of(id("mail"), token));
        executor.execute(ConfirmOptIn.of(id("sub-1"), token));

        assertThat(rejection(() -> executor.execute(ConfirmOptIn.of(id("sub-2"), token))))
                .contains("token " + token + " was already used");
    }

    @Test
    void racing_subscriptions_fill_a_course_exactly_to_its_capacity() throws Exception {
        String course = id("course");
        int capacity = Math.max(1, racers() / 3);
        executor.execute(DefineCourse.of(course, capacity));
        int accepted = race(i -> SubscribeStudent.of(course, id("s" + i)));

        assertThat(accepted).isEqualTo(capacity);
        long subscribed = store.readTagged(
                        List.of(TagQuery.of(Set.of(StudentSubscribed.class), DcbTags.course(course))))
                .events()
                .size();
        assertThat(subscribed).isEqualTo(capacity);
    }

    @Test
    void racing_registrations_give_a_username_to_one_user() throws Exception {
        String name = id("bob");
        assertThat(race(i -> RegisterUser.of(id("u" + i), name))).isEqualTo(1);
    }

    @Test
    void racing_invoices_take_every_number_once() throws Exception {
        String series = id("series");
        assertThat(race(i -> CreateInvoice.of(id("inv-" + i), series))).isEqualTo(racers());

        List<Long> numbers = new ArrayList<>();
        for (StoredEvent<Object> e : store.readTagged(List.of(TagQuery.tagged(DcbTags.invoices(series))))
                .events()) {
            numbers.add(((InvoiceCreated) e.payload()).number());
        }
        assertThat(numbers)
                .containsExactlyInAnyOrderElementsOf(java.util.stream.LongStream.rangeClosed(1, racers())
                        .boxed()
                        .toList());
    }

    @Test
    void racing_confirmations_use_a_token_once() throws Exception {
        String token = id("token");
        executor.execute(IssueOptInToken.of(id("mail"), token));
        assertThat(race(i -> ConfirmOptIn.of(id("sub-" + i), token))).isEqualTo(1);
    }

    /** Runs one command per racer, all released at once; returns how many were accepted. */
    private int race(java.util.function.IntFunction<org.eventcore.Command<?, ?, ?>> commands) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(racers());
        try {
            CyclicBarrier barrier = new CyclicBarrier(racers());
            List<Future<Boolean>> results = new ArrayList<>();
            for (int r = 0; r < racers(); r++) {
                org.eventcore.Command<?, ?, ?> command = commands.apply(r);
                results.add(pool.submit(() -> {
                    barrier.await(30, TimeUnit.SECONDS);
                    try {
                        execute(command);
                        return true;
                    } catch (CommandRejectedException e) {
                        return false;
                    }
                }));
            }
            int accepted = 0;
            for (Future<Boolean> f : results) {
                accepted += f.get(120, TimeUnit.SECONDS) ? 1 : 0;
            }
            return accepted;
        } finally {
            pool.shutdownNow();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void execute(org.eventcore.Command<?, ?, ?> command) {
        executor.execute((org.eventcore.Command) command);
    }
}
