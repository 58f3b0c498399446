package org.eventcore.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import org.eventcore.GlobalPosition;
import org.eventcore.spi.LogBrowser;
import org.eventcore.spi.LogPage;
import org.eventcore.spi.LogQuery;

/**
 * The console's page times: a page of 50 events for each filter of the log view over a log of 1,000,000 events on
 * PostgreSQL, through {@link LogBrowser} (what the console's resources call), with the time of each, the entries
 * it examined, and the sequential scans of {@code ec_events} the pages caused (none expected: every read is an
 * index range).
 *
 * <p>The log: 10,000 account streams of 100 events, written 1,000 events a transaction in the order
 * {@code ec_append} would (positions from the sequence, the transaction's id), each pair of events one command
 * with one correlation id, one event in 10,000 of a rare type, times one millisecond apart.
 *
 * <p>{@code java -cp eventcore-bench/target/eventcore-bench.jar org.eventcore.bench.LogPages [--events 1000000]
 * [--repeat 50] [--jdbc-url URL --user U --password P]}; without a URL it starts an embedded PostgreSQL 15. Prints
 * figures; asserts nothing.
 */
public final class LogPages {

    private static final int STREAMS = 10_000;
    private static final int PER_TRANSACTION = 1_000;

    private LogPages() {}

    public static void main(String[] args) throws Exception {
        int events = 1_000_000;
        int repeat = 50;
        String url = null;
        String user = null;
        String password = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--events" -> events = Integer.parseInt(value);
                case "--repeat" -> repeat = Integer.parseInt(value);
                case "--jdbc-url" -> url = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        PrintStream out = System.out;
        try (Target target = Target.postgres(url, user, password, 4, false)) {
            out.println("EventCore console page-time benchmark; machine: "
                    + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version"));
            target.description().forEach(out::println);
            String run = Long.toString(System.currentTimeMillis(), 36);
            Instant start = load(target, run, events, out);
            measure(target, run, events, start, repeat, out);
        }
    }

    /** The log, by SQL as ec_append writes it; returns the time of the first event. */
    private static Instant load(Target target, String run, int events, PrintStream out) throws Exception {
        long started = System.nanoTime();
        Instant first = Instant.now().minusMillis(events);
        try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
                Statement s = c.createStatement()) {
            s.execute("set search_path to " + target.schema());
            for (int from = 0; from < events; from += PER_TRANSACTION) {
                int to = Math.min(events, from + PER_TRANSACTION) - 1;
                // event g: stream g % STREAMS, version g / STREAMS + 1; events 2k and 2k+1 one command
                s.execute("insert into ec_events (global_position, tx_id, event_id, stream_id, stream_version,"
                        + " event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at,"
                        + " custom_metadata) select nextval('ec_event_position_seq'),"
                        + " cast(cast(pg_current_xact_id() as text) as bigint),"
                        + " substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(h, 14, 3) || '-8'"
                        + " || substr(h, 18, 3) || '-' || substr(h, 21, 12),"
                        + " 'acct-" + run + "-' || (g % " + STREAMS + "), g / " + STREAMS + " + 1,"
                        + " case when g % 10000 = 7 then 'bench.Rare' when g % 2 = 0 then 'bench.Deposited'"
                        + " else 'bench.Withdrawn' end, 1, convert_to('{\"cents\":' || g || '}', 'UTF8'),"
                        + " 'corr-" + run + "-' || (g / 2), 'cmd-" + run + "-' || (g / 2), 'user-' || (g % 7),"
                        + " timestamptz '" + first + "' + g * interval '1 millisecond', '{\"tenant\":\"t' || (g % 3)"
                        + " || '\"}' from (select g, md5('" + run + "/' || g) as h from generate_series(" + from + ", "
                        + to + ") g) x order by g");
            }
            s.execute("insert into ec_streams (stream_id, stream_version) select 'acct-" + run + "-' || i, "
                    + (events / STREAMS) + " from generate_series(0, " + (STREAMS - 1) + ") i");
            s.execute("analyze ec_events");
            s.execute("analyze ec_streams");
        }
        out.printf(
                Locale.ROOT,
                "loaded %,d events (%,d streams, %,d events a transaction) in %.1f s%n",
                events,
                STREAMS,
                PER_TRANSACTION,
                (System.nanoTime() - started) / 1e9);
        return first;
    }

    private record Case(String name, Supplier<LogQuery> query) {}

    private static void measure(Target target, String run, int events, Instant first, int repeat, PrintStream out)
            throws Exception {
        LogBrowser browser = (LogBrowser) target.store();
        GlobalPosition middle = browser.browse(LogQuery.newest(1).streamId("acct-" + run + "-" + (STREAMS / 2)))
                .events()
                .get(0)
                .position();
        GlobalPosition deep = target.jpa()
                .execute(a -> browser.browse(LogQuery.newest(1).commandId("cmd-" + run + "-" + (events / 4))))
                .events()
                .get(0)
                .position();
        Instant at = first.plusMillis(events / 2);
        List<Case> cases = List.of(
                new Case("newest 50", () -> LogQuery.newest(50)),
                new Case(
                        "50 before a position a quarter into the log",
                        () -> LogQuery.newest(50).before(deep)),
                new Case(
                        "a stream, newest 50 of its 100",
                        () -> LogQuery.newest(50).streamId("acct-" + run + "-4242")),
                new Case(
                        "a stream, its 50 before a position",
                        () -> LogQuery.newest(50)
                                .streamId("acct-" + run + "-" + (STREAMS / 2))
                                .before(middle)),
                new Case("a command id", () -> LogQuery.newest(50).commandId("cmd-" + run + "-" + (events / 3))),
                new Case(
                        "a correlation id (one command's)",
                        () -> LogQuery.newest(50).correlationId("corr-" + run + "-" + (events / 3))),
                new Case(
                        "a stream id prefix matching 1 stream in 100 (1%)",
                        () -> LogQuery.newest(50).streamPrefix("acct-" + run + "-42")),
                new Case(
                        "a stream id prefix matching nothing",
                        () -> LogQuery.newest(50).streamPrefix("nobody-")),
                new Case(
                        "an event type (every other event)",
                        () -> LogQuery.newest(50).eventType("bench.Deposited")),
                new Case(
                        "a rare event type (1 in 10,000)",
                        () -> LogQuery.newest(50).eventType("bench.Rare")),
                new Case(
                        "a time range of one minute in the middle of the log",
                        () -> LogQuery.newest(50).recorded(at, at.plusSeconds(60))),
                new Case(
                        "a time range ending before the log",
                        () -> LogQuery.newest(50).recorded(first.minusSeconds(3600), first.minusSeconds(60))));
        long seqBefore = sequentialScans(target);
        out.printf(
                Locale.ROOT,
                "%-54s %10s %10s %10s %8s %10s%n",
                "page of the log view (" + repeat + " times each)",
                "median ms",
                "p99 ms",
                "max ms",
                "events",
                "examined");
        for (Case c : cases) {
            LogQuery query = c.query().get();
            for (int i = 0; i < Math.max(5, repeat / 5); i++) { // the JIT and the cache first
                target.jpa().execute(a -> browser.browse(query));
            }
            long[] times = new long[repeat];
            LogPage page = null;
            for (int i = 0; i < repeat; i++) {
                long t = System.nanoTime();
                page = target.jpa().execute(a -> browser.browse(query));
                times[i] = System.nanoTime() - t;
            }
            Arrays.sort(times);
            out.printf(
                    Locale.ROOT,
                    "%-54s %10.2f %10.2f %10.2f %8d %10d%n",
                    c.name(),
                    times[repeat / 2] / 1e6,
                    times[Math.min(repeat - 1, (int) Math.ceil(repeat * 0.99) - 1)] / 1e6,
                    times[repeat - 1] / 1e6,
                    page.events().size(),
                    page.examined());
        }
        List<Long> eventTimes = new ArrayList<>();
        String eventId = target.jpa()
                .execute(a -> browser.browse(LogQuery.newest(1).before(middle)))
                .events()
                .get(0)
                .eventId();
        for (int i = 0; i < repeat; i++) {
            long t = System.nanoTime();
            target.jpa().execute(a -> {
                var e = browser.event(eventId).orElseThrow();
                browser.command(e.commandId());
                return browser.read(e);
            });
            eventTimes.add(System.nanoTime() - t);
        }
        eventTimes.sort(Long::compare);
        out.printf(
                Locale.ROOT,
                "%-54s %10.2f %10.2f %10.2f%n",
                "an event whole (event, its command, read)",
                eventTimes.get(repeat / 2) / 1e6,
                eventTimes.get(repeat - 1) / 1e6,
                eventTimes.get(repeat - 1) / 1e6);
        out.printf(
                Locale.ROOT,
                "sequential scans of ec_events during the pages: %d%n",
                sequentialScans(target) - seqBefore);
    }

    /** The sequential scans of ec_events so far (the statistics collector's count, flushed first). */
    private static long sequentialScans(Target target) throws Exception {
        Thread.sleep(700); // the statistics of other sessions reach the shared counters at most every 500 ms
        try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("select seq_scan from pg_stat_user_tables where relname = 'ec_events'"
                        + " and schemaname = '" + target.schema() + "'")) {
            return r.next() ? r.getLong(1) : -1;
        }
    }
}
