package org.eventcore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.LogBrowser;
import org.eventcore.spi.LogPage;
import org.eventcore.spi.LogQuery;
import org.eventcore.spi.LoggedEvent;
import org.eventcore.spi.PendingEvent;
import org.junit.jupiter.api.Test;

/**
 * What every {@link LogBrowser} must do: pages newest first that together hold every match exactly once,
 * each filter, events and commands by id as stored (hostile text unchanged), and paging that skips nothing
 * while writers append.
 */
public abstract class LogBrowserContract<S extends EventStore & LogBrowser> extends StoreContract<S> {

    private static final String HOSTILE = "<img src=x onerror=\"window.__xss=1\">&amp;'\"";

    /** Appends one event per stream of {@code names}, all by one command; returns the command's id. */
    private CommandId write(Map<String, String> custom, String correlation, String... names) {
        CommandId command = CommandId.generate();
        List<PendingEvent> events = new ArrayList<>();
        Map<StreamId, StreamVersion> expected = new java.util.HashMap<>();
        for (String name : names) {
            expected.put(
                    streams.stream(name),
                    StoreFixture.read(store, streams.stream(name)).version());
            events.add(new PendingEvent(
                    EventId.generate(),
                    streams.stream(name),
                    StoreFixture.event(events.size()),
                    new EventMetadata(correlation, command, Optional.of("user-" + name), Instant.now(), custom)));
        }
        store.append(new AppendRequest(command, expected, events));
        return command;
    }

    private CommandId write(String... names) {
        return write(Map.of(), "correlation-" + System.nanoTime(), names);
    }

    /** Every event {@code query} finds, page after page, newest first. */
    private List<LoggedEvent> all(LogQuery query) {
        List<LoggedEvent> all = new ArrayList<>();
        LogQuery q = query;
        for (int pages = 0; pages < 10_000; pages++) {
            LogPage page = store.browse(q);
            assertThat(page.events().size()).isLessThanOrEqualTo(q.limit());
            assertThat(page.examined()).isLessThanOrEqualTo(LogQuery.MAX_EXAMINED);
            all.addAll(page.events());
            if (page.next().isEmpty()) {
                return all;
            }
            if (!page.events().isEmpty()) {
                assertThat(page.next().get())
                        .isLessThanOrEqualTo(
                                page.events().get(page.events().size() - 1).position());
            }
            q = q.before(page.next().get());
        }
        throw new AssertionError("more than 10,000 pages for " + query);
    }

    private static List<String> ids(List<LoggedEvent> events) {
        return events.stream().map(LoggedEvent::eventId).toList();
    }

    private static void assertNewestFirst(List<LoggedEvent> events) {
        for (int i = 1; i < events.size(); i++) {
            assertThat(events.get(i).position()).isLessThan(events.get(i - 1).position());
        }
    }

    @Test
    void aCommandsEventsComeAsStoredInLogOrder() {
        CommandId command = write(Map.of("note", HOSTILE), "corr-" + HOSTILE, "from", "to");
        List<LoggedEvent> events = store.command(command.value());
        assertThat(events).hasSize(2);
        assertThat(events.get(0).position()).isLessThan(events.get(1).position());
        assertThat(events)
                .extracting(LoggedEvent::streamId)
                .containsExactly(
                        streams.stream("from").value(), streams.stream("to").value());
        LoggedEvent first = events.get(0);
        assertThat(first.commandId()).isEqualTo(command.value());
        assertThat(first.correlationId()).isEqualTo("corr-" + HOSTILE);
        assertThat(first.streamVersion()).isEqualTo(1);
        assertThat(first.user()).contains("user-from");
        assertThat(first.customMetadata()).contains("note").contains("<img src=x onerror=");
        assertThat(first.storedPayload().isPresent() || first.payloadObject().isPresent())
                .isTrue();
        assertThat(store.command(CommandId.generate().value())).isEmpty();
        assertThat(store.command(HOSTILE)).isEmpty();
    }

    @Test
    void anEventById() {
        CommandId command = write("one");
        LoggedEvent stored = store.command(command.value()).get(0);
        assertThat(store.event(stored.eventId())).contains(stored);
        assertThat(store.event(stored.eventId()).get().streamId()).isEqualTo(stored.streamId());
        assertThat(store.event(EventId.generate().toString())).isEmpty();
        assertThat(store.event(HOSTILE)).isEmpty();
    }

    @Test
    void aLoggedEventReadsAsCommandsReadIt() {
        CommandId command = write("readable");
        LoggedEvent logged = store.command(command.value()).get(0);
        org.eventcore.StoredEvent<Object> read = store.read(logged);
        assertThat(read.payload()).isEqualTo(StoredEvent0.PAYLOAD);
        assertThat(read.id().toString()).isEqualTo(logged.eventId());
        assertThat(read.position()).isEqualTo(logged.position());
        assertThat(read.metadata().causationId()).isEqualTo(command);
        store.written(read.payload()).ifPresent(w -> {
            assertThat(w.type()).isEqualTo(logged.eventType());
            assertThat(w.data()).isEqualTo(logged.storedPayload().orElseThrow());
        });
    }

    /** The payload {@link #write} gives the first event of a command. */
    private static final class StoredEvent0 {
        static final Object PAYLOAD = StoreFixture.event(0);
    }

    @Test
    void aStreamNewestFirstInPages() {
        for (int i = 0; i < 7; i++) {
            write("paged");
        }
        write("other");
        List<LoggedEvent> all = new ArrayList<>();
        LogQuery q = LogQuery.newest(3).streamId(streams.stream("paged").value());
        List<Integer> sizes = new ArrayList<>();
        while (true) {
            LogPage page = store.browse(q);
            sizes.add(page.events().size());
            all.addAll(page.events());
            if (page.next().isEmpty()) {
                break;
            }
            q = q.before(page.next().get());
        }
        assertThat(all).extracting(LoggedEvent::streamVersion).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
        assertThat(sizes.subList(0, 2)).containsExactly(3, 3);
        assertNewestFirst(all);
        assertThat(store.browse(LogQuery.newest(5)
                                .streamId(streams.stream("absent").value()))
                        .events())
                .isEmpty();
        assertThat(store.browse(LogQuery.newest(5).streamId(HOSTILE)).events()).isEmpty();
        // a position that is not one of the stream's events: the stream's events before that position
        GlobalPosition otherPosition =
                store.command(write("other").value()).get(0).position();
        write("paged");
        List<LoggedEvent> before =
                all(LogQuery.newest(3).streamId(streams.stream("paged").value()).before(otherPosition));
        assertThat(before).extracting(LoggedEvent::streamVersion).containsExactly(7L, 6L, 5L, 4L, 3L, 2L, 1L);
    }

    @Test
    void aStreamIdPrefixFindsEveryEventOnceAcrossPages() {
        Set<String> written = new HashSet<>();
        for (int i = 0; i < 9; i++) {
            written.addAll(ids(store.command(
                    write("prefix-a" + i, "prefix-b" + i, "elsewhere" + i).value())));
        }
        String prefix = streams.stream("prefix-").value();
        List<LoggedEvent> found = all(LogQuery.newest(4).streamPrefix(prefix));
        assertThat(found).hasSize(18).allSatisfy(e -> assertThat(e.streamId()).startsWith(prefix));
        assertThat(new HashSet<>(ids(found))).hasSize(18);
        assertThat(written).containsAll(ids(found));
        assertNewestFirst(found);
    }

    @Test
    void likeWildcardsInAPrefixAreTakenLiterally() {
        write("x%_!y");
        write("xAAy");
        String prefix = streams.stream("x%_!").value();
        List<LoggedEvent> found = all(LogQuery.newest(10).streamPrefix(prefix));
        assertThat(found)
                .extracting(LoggedEvent::streamId)
                .containsExactly(streams.stream("x%_!y").value());
    }

    @Test
    void eventTypeAndCorrelationFilters() {
        String correlation = "corr-" + UuidText.next();
        write(Map.of(), correlation, "typed-1", "typed-2");
        write("typed-3");
        String type = store.command(write("typed-4").value()).get(0).eventType();
        String prefix = streams.stream("typed-").value();
        assertThat(all(LogQuery.newest(2).streamPrefix(prefix).eventType(type))).hasSize(4);
        assertThat(all(LogQuery.newest(2).streamPrefix(prefix).eventType(type + "-absent")))
                .isEmpty();
        List<LoggedEvent> correlated = all(LogQuery.newest(50).correlationId(correlation));
        assertThat(correlated)
                .extracting(LoggedEvent::streamId)
                .containsExactly(
                        streams.stream("typed-2").value(),
                        streams.stream("typed-1").value());
        assertThat(all(LogQuery.newest(50)
                        .commandId(correlated.get(0).commandId())
                        .streamPrefix(prefix)))
                .hasSize(2);
    }

    @Test
    void aTimeRangeKeepsTheEventsRecordedInIt() throws InterruptedException {
        write("timed-before");
        Thread.sleep(20);
        Instant from = Instant.now();
        Thread.sleep(5);
        write("timed-in-1");
        write("timed-in-2");
        Thread.sleep(5);
        Instant to = Instant.now();
        Thread.sleep(20);
        write("timed-after");
        List<LoggedEvent> found = all(LogQuery.newest(50)
                .streamPrefix(streams.stream("timed-").value())
                .recorded(from, to));
        assertThat(found)
                .extracting(LoggedEvent::streamId)
                .containsExactly(
                        streams.stream("timed-in-2").value(),
                        streams.stream("timed-in-1").value());
        assertThat(all(LogQuery.newest(50)
                        .streamPrefix(streams.stream("timed-").value())
                        .recorded(to, null)))
                .extracting(LoggedEvent::streamId)
                .containsExactly(streams.stream("timed-after").value());
    }

    /** A page walks stretches of growing size: a match older than the first finds its way onto the page. */
    @Test
    void aMatchBehindMoreThanAThousandOtherEventsIsFoundOnTheFirstPage() {
        String needle = ids(store.command(write("deep-needle").value())).get(0);
        StreamId hay = streams.stream("deep-hay");
        long version = 0;
        for (int append = 0; append < 3; append++) {
            CommandId command = CommandId.generate();
            List<PendingEvent> events = new ArrayList<>();
            for (int i = 0; i < 500; i++) {
                events.add(new PendingEvent(
                        EventId.generate(), hay, StoreFixture.event(i), StoreFixture.metadata(command)));
            }
            store.append(new AppendRequest(command, Map.of(hay, StreamVersion.of(version)), events));
            version += 500;
        }
        LogPage page = store.browse(
                LogQuery.newest(10).streamPrefix(streams.stream("deep-needle").value()));
        assertThat(ids(page.events())).containsExactly(needle);
        assertThat(page.examined()).isGreaterThan(1_500);
    }

    @Test
    void aPageWithoutMatchesSaysWhereToGoOn() {
        write("lonely");
        LogPage page = store.browse(
                LogQuery.newest(50).streamPrefix(streams.stream("nothing-").value()));
        assertThat(page.events()).isEmpty();
        assertThat(page.examined()).isLessThanOrEqualTo(LogQuery.MAX_EXAMINED);
        assertThat(page.examinedAll()).isEqualTo(page.next().isEmpty());
    }

    /**
     * Pages read while writers append to the same streams still hold every event that was there when the
     * first page was read, exactly once: newer events only ever come before the first page's position.
     */
    @Test
    void pagingWhileWritersAppendSkipsNothingAndRepeatsNothing() throws Exception {
        Set<String> before = new HashSet<>();
        for (int i = 0; i < 40; i++) {
            before.addAll(ids(store.command(write("busy-" + (i % 4)).value())));
        }
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService writers = Executors.newFixedThreadPool(2);
        try {
            List<Future<Integer>> running = new ArrayList<>();
            for (int w = 0; w < 2; w++) {
                int writer = w;
                running.add(writers.submit(() -> {
                    int n = 0;
                    while (!stop.get() && n < 500) {
                        write("busy-" + writer, "busy-x" + writer);
                        n++;
                    }
                    return n;
                }));
            }
            List<LoggedEvent> seen =
                    all(LogQuery.newest(3).streamPrefix(streams.stream("busy-").value()));
            stop.set(true);
            for (Future<Integer> f : running) {
                f.get(60, TimeUnit.SECONDS);
            }
            assertThat(new HashSet<>(ids(seen))).hasSize(seen.size());
            assertThat(ids(seen)).containsAll(before);
            assertNewestFirst(seen);
        } finally {
            stop.set(true);
            writers.shutdownNow();
        }
    }

    /** A unique text for a test's ids. */
    private static final class UuidText {
        static String next() {
            return java.util.UUID.randomUUID().toString();
        }
    }
}
