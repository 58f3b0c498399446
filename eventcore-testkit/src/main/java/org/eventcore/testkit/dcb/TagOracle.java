package org.eventcore.testkit.dcb;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.eventcore.Command;
import org.eventcore.CommandRejectedException;
import org.eventcore.EventId;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.CommandResult;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.execution.RetryPolicy;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.GlobalLogReader;
import org.eventcore.spi.TagReader;
import org.eventcore.testkit.dcb.DcbEvent.AccountDeleted;
import org.eventcore.testkit.dcb.DcbEvent.CourseCapacityChanged;
import org.eventcore.testkit.dcb.DcbEvent.CourseDefined;
import org.eventcore.testkit.dcb.DcbEvent.InvoiceCreated;
import org.eventcore.testkit.dcb.DcbEvent.OptInConfirmed;
import org.eventcore.testkit.dcb.DcbEvent.OptInTokenIssued;
import org.eventcore.testkit.dcb.DcbEvent.StudentSubscribed;
import org.eventcore.testkit.dcb.DcbEvent.StudentUnsubscribed;
import org.eventcore.testkit.dcb.DcbEvent.UserRegistered;

/**
 * A race oracle for consistency by tags: many writers run the scenarios' commands at random over few courses,
 * students, usernames, invoice series and tokens, so that most commands compete for the same rules; some
 * writers run only stream-only commands that tag their events, some write through a node of the release before
 * {@link StudentSubscribed} was renamed. Then the global log is replayed in its order and every rule checked at
 * every event: a course never over its capacity, a student in at most {@value SubscribeStudent#MAX_COURSES}
 * courses and never twice in one, a username held by one account at a time, invoice numbers 1, 2, 3... per
 * series, a token used once and only after it was issued. Every acknowledged command's events must be in the
 * log. A second phase runs writers on disjoint tags, which must meet no conflict, and measures a tag-conditioned
 * command (a registration: one tag query, a tagged event) beside a stream-only one (a token sent to an
 * address), each reading a handful of events.
 *
 * <p>Thread-safe to call; each run uses ids of its own, so runs may share a store (the audit reads the whole
 * log but checks only this run's ids).
 */
public final class TagOracle {

    /**
     * How a run is shaped.
     *
     * @param writers the racing writer threads
     * @param commands the commands of the racing phase, spread over the writers
     * @param disjointCommands the commands per writer in the disjoint phase (each writer its own tags)
     * @param courses the courses the writers compete for
     * @param students the students
     * @param usernames the usernames
     * @param series the invoice series
     * @param tokens the opt-in tokens
     * @param oldNodeEvery every how many writers one writes through the node before the rename (0: none)
     * @param streamOnlyEvery every how many writers one runs only stream-only commands that tag their events
     */
    public record Settings(
            int writers,
            int commands,
            int disjointCommands,
            int courses,
            int students,
            int usernames,
            int series,
            int tokens,
            int oldNodeEvery,
            int streamOnlyEvery) {

        /**
         * {@code writers} writers and {@code commands} racing commands over 8 courses of 3 to 6 places, 40
         * students, 12 usernames, 4 invoice series and 16 tokens; a longer run has proportionally more of each
         * (one course per 2,500 commands, a username per 1,000, a series per 4,000, a token per 500), so that a
         * rule's events stay in the hundreds (every command reads all the events of its rules) while every rule
         * keeps being raced for by several writers at once.
         */
        public static Settings of(int writers, int commands) {
            int courses = Math.max(8, commands / 2_500);
            return new Settings(
                    writers,
                    commands,
                    Math.max(10, commands / writers / 4),
                    courses,
                    courses * 5,
                    Math.max(12, commands / 1_000),
                    Math.max(4, commands / 4_000),
                    Math.max(16, commands / 500),
                    4,
                    8);
        }
    }

    /**
     * What a run found.
     *
     * @param writers the racing writers
     * @param commands the commands run in the racing phase
     * @param acknowledged those that returned with their events stored
     * @param rejected those a rule rejected
     * @param gaveUp those that ran out of attempts (not acknowledged; never a violation)
     * @param retries the attempts after a conflict in the racing phase
     * @param violations every rule broken in the log, described (empty when the store is right)
     * @param lostAcknowledged acknowledged commands with an event missing from the log
     * @param eventsAudited the run's events read back from the log
     * @param disjointCommands the commands of the disjoint phase
     * @param disjointConflicts the attempts after a conflict in the disjoint phase (0 when no false conflicts)
     * @param taggedPerSecond tag-conditioned commands (a registration under a username of one's own) per second
     * @param streamPerSecond stream-only commands per second, same writers, same store
     * @param elapsed the racing phase's duration
     */
    public record Report(
            int writers,
            long commands,
            long acknowledged,
            long rejected,
            long gaveUp,
            long retries,
            List<String> violations,
            long lostAcknowledged,
            long eventsAudited,
            long disjointCommands,
            long disjointConflicts,
            double taggedPerSecond,
            double streamPerSecond,
            Duration elapsed) {

        /** One line of figures, for logs and the manual. */
        public String summary() {
            return String.format(
                    java.util.Locale.ROOT,
                    "tag oracle: %d writers, %d commands in %.1f s (%d acknowledged, %d rejected by a rule, %d gave up,"
                            + " %d retries), %d events audited: %d violations, %d lost acknowledged commands;"
                            + " disjoint tags: %d commands, %d conflicts; throughput: %.0f tag-conditioned commands/s,"
                            + " %.0f stream-only commands/s",
                    writers,
                    commands,
                    elapsed.toMillis() / 1000.0,
                    acknowledged,
                    rejected,
                    gaveUp,
                    retries,
                    eventsAudited,
                    violations.size(),
                    lostAcknowledged,
                    disjointCommands,
                    disjointConflicts,
                    taggedPerSecond,
                    streamPerSecond);
        }
    }

    private static final AtomicLong RUNS = new AtomicLong();

    private TagOracle() {}

    /**
     * Runs the oracle.
     *
     * @param settings the run's shape
     * @param store the store under test (the current release's registry)
     * @param oldNode the same database through the release before the rename (its registry writes {@link
     *     StudentSubscribed} as {@value DcbEvent#OLD_SUBSCRIBED_NAME}); {@code store} itself where there are no
     *     stored names (an in-memory store)
     * @param log the global log of {@code store}, read with the current registry
     */
    public static <S extends EventStore & TagReader> Report run(
            Settings settings, S store, EventStore oldNode, GlobalLogReader log) throws Exception {
        ExecutorSettings executorSettings = ExecutorSettings.DEFAULT.withRetryPolicy(RETRY_POLICY);
        return run(
                settings,
                CommandExecutor.create(store, executorSettings),
                CommandExecutor.create(oldNode, executorSettings),
                log);
    }

    /**
     * The retry policy of the oracle's executors: patient, as writers that all compete for a few rules need
     * (40 attempts, 2 ms doubling to 200 ms, two minutes).
     */
    public static final RetryPolicy RETRY_POLICY = new RetryPolicy(
                    40, Duration.ofMillis(2), 2.0, Duration.ofMillis(200), 0.5)
            .withTimeLimit(Duration.ofMinutes(2));

    /**
     * Runs the oracle with executors of the caller's making (a transaction per attempt, say).
     *
     * @param settings the run's shape
     * @param current an executor on the store under test (the current release's registry)
     * @param old an executor on the same store through the first release of the rename (see {@link
     *     DcbEvent#registry(boolean)}), or {@code current}
     * @param log the store's global log, read with the current registry
     */
    public static Report run(Settings settings, CommandExecutor current, CommandExecutor old, GlobalLogReader log)
            throws Exception {
        String run = "o" + System.currentTimeMillis() % 100_000 + "x" + RUNS.incrementAndGet();
        Random setup = new Random(42);
        for (int c = 0; c < settings.courses(); c++) {
            current.execute(DefineCourse.of(run + "-course-" + c, 3 + setup.nextInt(4)));
        }
        Map<EventId, Boolean> acknowledgedEvents = new ConcurrentHashMap<>();
        AtomicLong acknowledged = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        AtomicLong gaveUp = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        List<String> failures = java.util.Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(settings.writers());
        long started = System.nanoTime();
        try {
            CyclicBarrier start = new CyclicBarrier(settings.writers());
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < settings.writers(); w++) {
                int writer = w;
                boolean throughOldNode = settings.oldNodeEvery() > 0 && writer % settings.oldNodeEvery() == 1;
                boolean streamOnly = settings.streamOnlyEvery() > 0 && writer % settings.streamOnlyEvery() == 2;
                CommandExecutor executor = throughOldNode ? old : current;
                int share = settings.commands() / settings.writers()
                        + (writer < settings.commands() % settings.writers() ? 1 : 0);
                writers.add(pool.submit(() -> {
                    Random random = new Random(writer * 7919L + 1);
                    List<String> myUsers = new ArrayList<>();
                    start.await(60, TimeUnit.SECONDS);
                    for (int i = 0; i < share; i++) {
                        Command<?, ?, ?> command = next(settings, run, writer, i, random, myUsers, streamOnly);
                        try {
                            CommandResult<?> result = execute(executor, command);
                            acknowledged.incrementAndGet();
                            retries.addAndGet(result.attempts() - 1L);
                            for (StoredEvent<?> e : result.events()) {
                                acknowledgedEvents.put(e.id(), Boolean.TRUE);
                            }
                            if (command instanceof RegisterUser r) {
                                myUsers.add(r.userId());
                            }
                        } catch (CommandRejectedException e) {
                            rejected.incrementAndGet();
                        } catch (org.eventcore.RetriesExhaustedException e) {
                            gaveUp.incrementAndGet();
                        } catch (RuntimeException e) {
                            failures.add(command + ": " + e);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : writers) {
                f.get(30, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        List<String> violations = new ArrayList<>();
        failures.stream().limit(20).forEach(f -> violations.add("unexpected failure: " + f));
        Set<EventId> inLog = new HashSet<>();
        long audited = audit(log, run, violations, inLog);
        long lost = 0;
        for (EventId id : acknowledgedEvents.keySet()) {
            if (!inLog.contains(id)) {
                lost++;
            }
        }
        long[] disjoint = disjoint(settings, run, current);
        return new Report(
                settings.writers(),
                settings.commands(),
                acknowledged.get(),
                rejected.get(),
                gaveUp.get(),
                retries.get(),
                List.copyOf(violations),
                lost,
                audited,
                disjoint[0],
                disjoint[1],
                disjoint[2] / 1000.0,
                disjoint[3] / 1000.0,
                elapsed);
    }

    /** The next command of one writer: mostly on the shared rules, stream-only writers only unsubscribe and delete. */
    private static Command<?, ?, ?> next(
            Settings s, String run, int writer, int i, Random random, List<String> myUsers, boolean streamOnly) {
        String course = run + "-course-" + random.nextInt(s.courses());
        String student = run + "-student-" + random.nextInt(s.students());
        int roll = random.nextInt(100);
        if (streamOnly) {
            if (roll < 70 || myUsers.isEmpty()) {
                return UnsubscribeStudent.of(course, student);
            }
            return DeleteAccount.of(myUsers.remove(random.nextInt(myUsers.size())));
        }
        if (roll < 40) {
            return SubscribeStudent.of(course, student);
        }
        if (roll < 50) {
            return UnsubscribeStudent.of(course, student);
        }
        if (roll < 55) {
            return ChangeCourseCapacity.of(course, 2 + random.nextInt(5));
        }
        if (roll < 67) {
            return RegisterUser.of(run + "-user-" + writer + "-" + i, run + "-name-" + random.nextInt(s.usernames()));
        }
        if (roll < 73 && !myUsers.isEmpty()) {
            return DeleteAccount.of(myUsers.remove(random.nextInt(myUsers.size())));
        }
        if (roll < 85) {
            return CreateInvoice.of(
                    run + "-invoice-" + writer + "-" + i, run + "-series-" + random.nextInt(s.series()));
        }
        String token = run + "-token-" + random.nextInt(s.tokens());
        if (roll < 90) {
            return IssueOptInToken.of(run + "-mail-" + writer + "-" + i, token);
        }
        return ConfirmOptIn.of(run + "-subscriber-" + writer + "-" + i, token);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static CommandResult<?> execute(CommandExecutor executor, Command<?, ?, ?> command) {
        return executor.execute((Command) command);
    }

    /** Replays the log in its order and checks every rule at every event of this run; returns the events read. */
    private static long audit(GlobalLogReader log, String run, List<String> violations, Set<EventId> seen) {
        String mine = run + "-";
        Map<String, Integer> capacity = new HashMap<>();
        Map<String, Set<String>> courseStudents = new HashMap<>();
        Map<String, Integer> studentCourses = new HashMap<>();
        Map<String, String> holder = new HashMap<>();
        Set<String> registered = new HashSet<>();
        Map<String, Long> lastInvoice = new HashMap<>();
        Set<String> issued = new HashSet<>();
        Set<String> used = new HashSet<>();
        long audited = 0;
        GlobalPosition at = GlobalPosition.start();
        while (true) {
            List<StoredEvent<Object>> batch = log.readLog(at, 1000);
            if (batch.isEmpty()) {
                break;
            }
            for (StoredEvent<Object> e : batch) {
                at = e.position();
                if (!(e.payload() instanceof DcbEvent event)
                        || !e.streamId().value().contains(mine)) {
                    continue;
                }
                audited++;
                seen.add(e.id());
                String where = " at " + e.position() + " (" + e.id() + ")";
                if (event instanceof CourseDefined d) {
                    capacity.put(d.courseId(), d.capacity());
                } else if (event instanceof CourseCapacityChanged c) {
                    int students =
                            courseStudents.getOrDefault(c.courseId(), Set.of()).size();
                    if (c.capacity() < students) {
                        violations.add("course " + c.courseId() + " set to " + c.capacity() + " with " + students
                                + " students" + where);
                    }
                    capacity.put(c.courseId(), c.capacity());
                } else if (event instanceof StudentSubscribed s) {
                    Set<String> in = courseStudents.computeIfAbsent(s.courseId(), k -> new HashSet<>());
                    if (!in.add(s.studentId())) {
                        violations.add("student " + s.studentId() + " subscribed twice to " + s.courseId() + where);
                    }
                    Integer cap = capacity.get(s.courseId());
                    if (cap == null || in.size() > cap) {
                        violations.add(
                                "course " + s.courseId() + " over its capacity " + cap + " with " + in.size() + where);
                    }
                    int courses = studentCourses.merge(s.studentId(), 1, Integer::sum);
                    if (courses > SubscribeStudent.MAX_COURSES) {
                        violations.add("student " + s.studentId() + " in " + courses + " courses" + where);
                    }
                } else if (event instanceof StudentUnsubscribed u) {
                    if (!courseStudents
                            .getOrDefault(u.courseId(), new HashSet<>())
                            .remove(u.studentId())) {
                        violations.add(
                                "student " + u.studentId() + " left " + u.courseId() + " without being in it" + where);
                    }
                    studentCourses.merge(u.studentId(), -1, Integer::sum);
                } else if (event instanceof UserRegistered r) {
                    if (!registered.add(r.userId())) {
                        violations.add("user " + r.userId() + " registered twice" + where);
                    }
                    String had = holder.putIfAbsent(r.username(), r.userId());
                    if (had != null) {
                        violations.add("username " + r.username() + " taken by " + r.userId() + " while " + had
                                + " held it" + where);
                    }
                } else if (event instanceof AccountDeleted d) {
                    if (!d.userId().equals(holder.get(d.username()))) {
                        violations.add("account " + d.userId() + " deleted without holding " + d.username() + where);
                    }
                    holder.remove(d.username(), d.userId());
                } else if (event instanceof InvoiceCreated c) {
                    long expected = lastInvoice.getOrDefault(c.series(), 0L) + 1;
                    if (c.number() != expected) {
                        violations.add("invoice " + c.invoiceId() + " numbered " + c.number() + " where " + expected
                                + " was next in " + c.series() + where);
                    }
                    lastInvoice.put(c.series(), Math.max(expected, c.number()));
                } else if (event instanceof OptInTokenIssued i) {
                    issued.add(i.token());
                } else if (event instanceof OptInConfirmed c) {
                    if (!issued.contains(c.token())) {
                        violations.add("token " + c.token() + " used before it was issued" + where);
                    }
                    if (!used.add(c.token())) {
                        violations.add("token " + c.token() + " used twice" + where);
                    }
                }
            }
        }
        return audited;
    }

    /**
     * Each writer on tags of its own: registrations under usernames no one else uses (a tag query, a tagged
     * event, a condition), then as many stream-only commands (tokens sent to an address of its own). Returns
     * {commands, conflicts, tagged per second * 1000, stream-only per second * 1000}.
     */
    private static long[] disjoint(Settings s, String run, CommandExecutor executor) throws Exception {
        int per = s.disjointCommands();
        AtomicLong conflicts = new AtomicLong();
        long tagged = timed(s.writers(), w -> {
            for (int i = 0; i < per; i++) {
                String id = run + "-own-" + w + "-" + i;
                conflicts.addAndGet(executor.execute(RegisterUser.of(id, id)).attempts() - 1L);
            }
        });
        long stream = timed(s.writers(), w -> {
            for (int i = 0; i < per; i++) {
                conflicts.addAndGet(executor.execute(IssueOptInToken.of(
                                        run + "-own-mail-" + w + "-" + i / 10, run + "-own-token-" + w + "-" + i))
                                .attempts()
                        - 1L);
            }
        });
        long total = (long) per * s.writers();
        return new long[] {
            2 * total, conflicts.get(), total * 1_000_000_000_000L / tagged, total * 1_000_000_000_000L / stream
        };
    }

    /** Runs {@code work} on {@code writers} threads released together; returns the nanoseconds until all ended. */
    private static long timed(int writers, java.util.function.IntConsumer work) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        try {
            CyclicBarrier start = new CyclicBarrier(writers + 1);
            List<Future<?>> all = new ArrayList<>();
            for (int w = 0; w < writers; w++) {
                int writer = w;
                all.add(pool.submit(() -> {
                    start.await(60, TimeUnit.SECONDS);
                    work.accept(writer);
                    return null;
                }));
            }
            start.await(60, TimeUnit.SECONDS);
            long began = System.nanoTime();
            for (Future<?> f : all) {
                f.get(30, TimeUnit.MINUTES);
            }
            return Math.max(1, System.nanoTime() - began);
        } finally {
            pool.shutdownNow();
        }
    }
}
