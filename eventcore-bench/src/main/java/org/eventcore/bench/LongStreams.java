package org.eventcore.bench;

import java.io.PrintStream;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Function;
import org.eventcore.Command;
import org.eventcore.StreamId;
import org.eventcore.bench.model.CachedDeposit;
import org.eventcore.bench.model.Deposit;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.execution.Snapshots;
import org.eventcore.jpa.JpaSnapshotStore;
import org.eventcore.jpa.JpaStoreSettings;
import org.eventcore.jsonb.JsonbStateSerializer;

/**
 * The benchmarks of long streams, with and without the state cache, in one run on PostgreSQL:
 *
 * <ol>
 *   <li><b>long</b>: the p99 of a W1 command (one deposit, one client) over 100 streams of 100,000 events
 *       each, from a cold start (a new executor whose cache is smaller than the streams: 50 entries for
 *       100 streams), against the same on 100 streams of 10 events; the snapshots a node wrote earlier
 *       are in the database. Without the cache, the same commands fold every event.
 *   <li><b>drift</b>: W1 on 100 accounts for a number of minutes (4 clients), the throughput of every
 *       minute, with and without the cache: the streams grow all the while.
 * </ol>
 *
 * <p>{@code java -cp eventcore-bench/target/eventcore-bench.jar org.eventcore.bench.LongStreams
 * [--part long|drift|all] [--events 100000] [--commands 3000] [--minutes 5] [--jdbc-url URL --user U
 * --password P]}; without a URL it starts an embedded PostgreSQL 15. Prints figures; asserts nothing.
 */
public final class LongStreams {

    private static final int STREAMS = 100;
    private static final int CACHE = 50;

    private final PrintStream out;
    private final Target target;
    private final String run = Long.toString(System.currentTimeMillis(), 36);

    private LongStreams(PrintStream out, Target target) {
        this.out = out;
        this.target = target;
    }

    public static void main(String[] args) throws Exception {
        String part = "all";
        int events = 100_000;
        int commands = 3_000;
        int minutes = 5;
        String url = null;
        String user = null;
        String password = null;
        for (int i = 0; i < args.length; i += 2) {
            String value = args[i + 1];
            switch (args[i]) {
                case "--part" -> part = value;
                case "--events" -> events = Integer.parseInt(value);
                case "--commands" -> commands = Integer.parseInt(value);
                case "--minutes" -> minutes = Integer.parseInt(value);
                case "--jdbc-url" -> url = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        try (Target target = Target.postgres(url, user, password, 12, false)) {
            PrintStream out = System.out;
            out.println("EventCore long-stream benchmark; machine: "
                    + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version"));
            target.description().forEach(out::println);
            LongStreams bench = new LongStreams(out, target);
            if (part.equals("long") || part.equals("all")) {
                bench.longStreams(events, commands);
            }
            if (part.equals("drift") || part.equals("all")) {
                bench.drift(minutes);
            }
        }
    }

    private ExecutorSettings cached(int size) {
        return target.settings()
                .withStateCacheSize(size)
                .withSnapshots(Snapshots.of(
                        JpaSnapshotStore.create(target.jpa(), JpaStoreSettings.DEFAULT),
                        JsonbStateSerializer.create(),
                        target.types().fingerprint()));
    }

    /** Streams of {@code perStream} deposits of 1,000 cents, inserted by SQL as ec_append would. */
    private List<StreamId> load(String name, int perStream) throws Exception {
        List<StreamId> streams = new ArrayList<>();
        long started = System.nanoTime();
        try (Connection c = DriverManager.getConnection(target.url(), target.user(), target.password());
                Statement s = c.createStatement()) {
            s.execute("set search_path to " + target.schema());
            for (int i = 0; i < STREAMS; i++) {
                String id = name + "-" + run + "-" + i;
                streams.add(StreamId.of(id));
                // event ids: version 7 UUIDs made of a digest of the stream and version
                s.execute("insert into ec_events (global_position, tx_id, event_id, stream_id, stream_version,"
                        + " event_type, type_revision, payload, correlation_id, causation_id, user_name, recorded_at,"
                        + " custom_metadata) select nextval('ec_event_position_seq'),"
                        + " cast(cast(pg_current_xact_id() as text) as bigint),"
                        + " substr(h, 1, 8) || '-' || substr(h, 9, 4) || '-7' || substr(h, 14, 3) || '-8'"
                        + " || substr(h, 18, 3) || '-' || substr(h, 21, 12), '" + id + "', g, 'bench.Deposited', 1,"
                        + " convert_to('{\"cents\":1000}', 'UTF8'), 'preload', 'preload-" + id + "', null, now(), '{}'"
                        + " from (select g, md5('" + id + "/' || g) as h from generate_series(1, " + perStream
                        + ") g) x order by g");
                s.execute(
                        "insert into ec_streams (stream_id, stream_version) values ('" + id + "', " + perStream + ")");
            }
            s.execute("analyze ec_events");
        }
        out.printf(
                Locale.ROOT,
                "loaded %d streams of %,d events (%s) in %.1f s%n",
                STREAMS,
                perStream,
                name,
                (System.nanoTime() - started) / 1e9);
        return streams;
    }

    private void longStreams(int events, int commands) throws Exception {
        List<StreamId> longOnes = load("long", events);
        List<StreamId> shortOnes = load("short", 10);

        // an earlier node's work: one command per long stream folds it whole and stores a snapshot
        CommandExecutor earlier = target.executor(cached(CACHE));
        long[] firstFolds = new long[STREAMS];
        for (int i = 0; i < STREAMS; i++) {
            long t = System.nanoTime();
            earlier.execute(new CachedDeposit(longOnes.get(i), 1));
            firstFolds[i] = System.nanoTime() - t;
        }
        Arrays.sort(firstFolds);
        out.printf(
                Locale.ROOT,
                "an earlier node folded each long stream once, whole (%,d events), and stored its snapshot:"
                        + " median %.1f ms, max %.1f ms; %s%n",
                events,
                firstFolds[STREAMS / 2] / 1e6,
                firstFolds[STREAMS - 1] / 1e6,
                earlier.stateCacheStatistics());

        for (boolean warm : new boolean[] {true, false}) {
            // the JIT compiles the path on short streams first; then every measured executor starts cold
            measure(
                    "short streams, cache " + CACHE + " (cold)",
                    shortOnes,
                    commands,
                    cached(CACHE),
                    CachedDeposit::new,
                    warm);
            measure(
                    "long streams, cache " + CACHE + " (cold)",
                    longOnes,
                    commands,
                    cached(CACHE),
                    CachedDeposit::new,
                    warm);
        }
        measure("short streams, no cache", shortOnes, commands, target.settings(), Deposit::new, false);
        measure(
                "long streams, no cache",
                longOnes,
                Math.max(10, commands / 100),
                target.settings(),
                Deposit::new,
                false);
    }

    /** {@code commands} single-client W1 commands over random streams by a new executor; prints percentiles. */
    private double[] measure(
            String what,
            List<StreamId> streams,
            int commands,
            ExecutorSettings settings,
            java.util.function.BiFunction<StreamId, Long, Command<?, ?, ?>> command,
            boolean warmUpOnly) {
        CommandExecutor executor = target.executor(settings);
        Random random = new Random(42);
        long[] latencies = new long[commands];
        long started = System.nanoTime();
        for (int i = 0; i < commands; i++) {
            StreamId stream = streams.get(random.nextInt(streams.size()));
            long t = System.nanoTime();
            execute(executor, command.apply(stream, 1L));
            latencies[i] = System.nanoTime() - t;
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        Arrays.sort(latencies);
        double[] p = {
            latencies[commands / 2] / 1e6,
            latencies[(int) Math.ceil(0.99 * commands) - 1] / 1e6,
            latencies[commands - 1] / 1e6
        };
        if (!warmUpOnly) {
            out.printf(
                    Locale.ROOT,
                    "RESULT %-32s %,6d commands in %6.1f s: p50 %7.2f ms, p99 %8.2f ms, max %8.2f ms; %s%n",
                    what,
                    commands,
                    seconds,
                    p[0],
                    p[1],
                    p[2],
                    executor.stateCacheStatistics());
        }
        return p;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static void execute(CommandExecutor executor, Command<?, ?, ?> command) {
        executor.execute((Command) command);
    }

    private void drift(int minutes) throws Exception {
        for (boolean cache : new boolean[] {true, false}) {
            List<StreamId> accounts = new ArrayList<>();
            for (int i = 0; i < STREAMS; i++) {
                accounts.add(StreamId.of("drift-" + cache + "-" + run + "-" + i));
            }
            target.preload(accounts, Bench.PRELOAD_EVENTS, Bench.PRELOAD_CENTS);
            CommandExecutor executor = target.executor(cache ? cached(10_000) : target.settings());
            Function<StreamId, Command<?, ?, ?>> command =
                    cache ? a -> new CachedDeposit(a, 1) : a -> new Deposit(a, 1);
            AtomicLongArray perMinute = new AtomicLongArray(minutes);
            long start = System.nanoTime();
            long end = start + TimeUnit.MINUTES.toNanos(minutes);
            ExecutorService clients = Executors.newFixedThreadPool(4);
            List<Future<?>> running = new ArrayList<>();
            for (int c = 0; c < 4; c++) {
                Random random = new Random(c);
                running.add(clients.submit(() -> {
                    long now;
                    while ((now = System.nanoTime()) < end) {
                        execute(executor, command.apply(accounts.get(random.nextInt(accounts.size()))));
                        int minute = (int) ((System.nanoTime() - start) / 60_000_000_000L);
                        if (minute < minutes) {
                            perMinute.incrementAndGet(minute);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
            clients.shutdown();
            StringBuilder line = new StringBuilder();
            for (int m = 0; m < minutes; m++) {
                line.append(String.format(Locale.ROOT, " %.0f", perMinute.get(m) / 60.0));
            }
            long total = 0;
            for (int m = 0; m < minutes; m++) {
                total += perMinute.get(m);
            }
            out.printf(
                    Locale.ROOT,
                    "RESULT drift W1 100 accounts 4 clients %s: commands/s per minute%s; last/first %.3f;"
                            + " events per stream at the end about %d; %s%n",
                    cache ? "with the cache" : "without a cache",
                    line,
                    (double) perMinute.get(minutes - 1) / perMinute.get(0),
                    Bench.PRELOAD_EVENTS + total / STREAMS,
                    executor.stateCacheStatistics());
        }
    }
}
