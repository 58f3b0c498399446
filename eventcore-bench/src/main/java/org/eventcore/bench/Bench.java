package org.eventcore.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.eventcore.CommandId;
import org.eventcore.CommandRejectedException;
import org.eventcore.EventCoreException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.bench.model.BenchEvent;
import org.eventcore.bench.model.Deposit;
import org.eventcore.bench.model.TaggedDeposit;
import org.eventcore.bench.model.Transfer;
import org.eventcore.bench.model.WriteBatch;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.ExecutionListener;
import org.eventcore.opentelemetry.EventCoreTelemetry;
import org.eventcore.spi.StreamRead;

/**
 * The benchmark harness: {@code java -jar eventcore-bench/target/eventcore-bench.jar --help}. Every
 * workload runs commands through the real path: the {@link CommandExecutor} with its retry loop, the
 * JPA store, Hibernate and a connection pool (or the in-memory store). It prints a progress line a
 * second, a {@code RESULT} line per (workload, clients), and writes the same as JSON with
 * {@code --json}. Exit code 0, 1 if W4 lost an update or the money of W2 was not conserved, 2 for a
 * bad command line.
 */
public final class Bench {

    /** Deposits pre-loaded per account, and their amount. */
    static final int PRELOAD_EVENTS = 10;

    static final long PRELOAD_CENTS = 1_000;

    private static final int HOT_ACCOUNTS = 10;

    private final Options options;
    private final PrintStream out;
    private final String run = Long.toString(System.currentTimeMillis(), 36);
    /** Numbers W3's fresh streams across all its runs. */
    private final AtomicLong batches = new AtomicLong();

    /** The SDK the commands report to with {@code --telemetry true}, else null. */
    private final io.opentelemetry.sdk.OpenTelemetrySdk telemetry;

    private Bench(Options options, PrintStream out) {
        this.options = options;
        this.out = out;
        this.telemetry = options.telemetry().installsSdk() ? TelemetrySdk.create(options.traceRatio()) : null;
    }

    public static void main(String[] args) {
        System.exit(run(System.out, args));
    }

    /** Runs the benchmark as the command line {@code args} says; returns the exit code. */
    public static int run(PrintStream out, String... args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            if (!e.getMessage().isEmpty()) {
                out.println("error: " + e.getMessage());
            }
            out.print(Options.USAGE);
            return e.getMessage().isEmpty() ? 0 : 2;
        }
        try {
            return new Bench(options, out).run();
        } catch (Exception e) {
            out.println("error: the benchmark failed: " + e);
            e.printStackTrace(out);
            return 1;
        }
    }

    private int run() throws Exception {
        int maxClients =
                options.clients().stream().mapToInt(Integer::intValue).max().orElse(1);
        try (Target target = options.store().equals("memory")
                ? Target.memory()
                : Target.postgres(
                        options.jdbcUrl(), options.user(), options.password(), maxClients + 4, options.lockOnRead())) {
            out.println("EventCore benchmark " + String.join(" ", options.workloads()) + ", clients "
                    + options.clients() + ", " + options.durationSeconds() + " s each after " + options.warmupSeconds()
                    + " s warm-up");
            out.println("machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                    + System.getProperty("java.version") + ", max heap "
                    + Runtime.getRuntime().maxMemory() / (1024 * 1024) + " MB");
            target.description().forEach(line -> out.println(line));
            out.println(
                    switch (options.telemetry()) {
                        case OFF -> "telemetry: none (no listener but the harness's counts)";
                        case ON ->
                            "telemetry: EventCoreTelemetry to an OpenTelemetry SDK (" + sampled() + ", batched"
                                    + " and dropped; metrics read every 10 s)";
                        case ALTERNATE ->
                            "telemetry: alternating blocks without any and with EventCoreTelemetry to an"
                                    + " OpenTelemetry SDK (" + sampled()
                                    + ", batched and dropped; metrics read every 10 s), "
                                    + options.rounds() + " rounds";
                        case INTERLEAVE ->
                            "telemetry: every other command of each client with EventCoreTelemetry to an"
                                    + " OpenTelemetry SDK (" + sampled()
                                    + ", batched and dropped; metrics read every 10 s),"
                                    + " each command timed on its thread";
                        case INTERLEAVE_UNTRACED ->
                            "telemetry: none on either side of an interleaved run, each command timed on its thread"
                                    + " (what it shows as overhead is the method's own error)";
                    });
            List<StreamId> accounts = new ArrayList<>(options.accounts());
            for (int i = 0; i < options.accounts(); i++) {
                accounts.add(StreamId.of("account-" + run + "-" + i));
            }
            long started = System.nanoTime();
            target.preload(accounts, PRELOAD_EVENTS, PRELOAD_CENTS);
            out.printf(
                    Locale.ROOT,
                    "pre-loaded %d accounts with %d events each in %.1f s (W1 and W4 streams grow during the run)%n",
                    accounts.size(),
                    PRELOAD_EVENTS,
                    (System.nanoTime() - started) / 1e9);
            List<Result> results = new ArrayList<>();
            boolean invariantsHeld = true;
            if (options.telemetry() == Options.Telemetry.ALTERNATE) {
                invariantsHeld = alternate(target, accounts, results);
            } else {
                if (options.warmupSeconds() > 0) {
                    // the JIT compiles the whole path (executor, store, provider, driver) before anything is measured
                    for (String workload : options.workloads()) {
                        run(target, workload, 2, accounts, true);
                    }
                }
                for (String workload : options.workloads()) {
                    for (int clients : options.clients()) {
                        Outcome outcome = run(target, workload, clients, accounts, false);
                        results.add(outcome.result());
                        out.println(outcome.result().line());
                        if (outcome.problem() != null) {
                            out.println("INVARIANT BROKEN: " + outcome.problem());
                            invariantsHeld = false;
                        }
                    }
                }
            }
            if (options.json() != null) {
                Files.writeString(options.json(), Result.json(results));
                out.println("wrote " + options.json());
            }
            if (telemetry != null) {
                telemetry.getSdkTracerProvider().forceFlush().join(10, java.util.concurrent.TimeUnit.SECONDS);
                out.println("telemetry: " + TelemetrySdk.SPANS.get() + " spans exported");
                telemetry.close();
            }
            return invariantsHeld ? 0 : 1;
        }
    }

    private record Outcome(Result result, String problem) {}

    /** How the SDK samples, for the header. */
    private String sampled() {
        return options.traceRatio() >= 1.0 ? "every trace sampled" : options.traceRatio() + " of the traces sampled";
    }

    /**
     * {@code --telemetry alternate}: warms up without and with telemetry, then runs rounds of one block
     * without and one with, the order swapped each round so that a drift (the streams growing, the JIT)
     * falls on both alike. Prints each block, each round's ratio of JVM CPU per command (with / without)
     * and the medians. Returns whether every invariant held.
     */
    private boolean alternate(Target target, List<StreamId> accounts, List<Result> results) throws Exception {
        String workload = options.workloads().get(0);
        int clients = options.clients().get(0);
        if (options.warmupSeconds() > 0) {
            run(target, workload, clients, accounts, true, Options.Telemetry.OFF, options.warmupSeconds());
            run(target, workload, clients, accounts, true, Options.Telemetry.ON, options.warmupSeconds());
        }
        boolean held = true;
        List<Result[]> rounds = new ArrayList<>();
        for (int round = 1; round <= options.rounds(); round++) {
            Result[] pair = new Result[2];
            for (boolean traced : round % 2 == 1 ? new boolean[] {false, true} : new boolean[] {true, false}) {
                Outcome outcome = run(
                        target,
                        workload,
                        clients,
                        accounts,
                        false,
                        traced ? Options.Telemetry.ON : Options.Telemetry.OFF,
                        0);
                results.add(outcome.result());
                out.println(
                        (traced ? "WITH    " : "WITHOUT ") + outcome.result().line());
                if (outcome.problem() != null) {
                    out.println("INVARIANT BROKEN: " + outcome.problem());
                    held = false;
                }
                pair[traced ? 1 : 0] = outcome.result();
            }
            rounds.add(pair);
            out.printf(
                    Locale.ROOT,
                    "ROUND %d: JVM CPU per command %.4f / %.4f ms (%+.1f %%), its Java threads' %.4f / %.4f ms"
                            + " (%+.1f %%), allocated %.2f / %.2f kB (without / with telemetry)%n",
                    round,
                    pair[0].cpuMillisPerOp(),
                    pair[1].cpuMillisPerOp(),
                    (pair[1].cpuMillisPerOp() / pair[0].cpuMillisPerOp() - 1) * 100,
                    javaThreads(pair[0]),
                    javaThreads(pair[1]),
                    (javaThreads(pair[1]) / javaThreads(pair[0]) - 1) * 100,
                    pair[0].allocatedKilobytesPerOp(),
                    pair[1].allocatedKilobytesPerOp());
        }
        String name = workload + " " + clients + " client" + (clients == 1 ? "" : "s");
        summary(name, "JVM CPU per command (all threads, GC and JIT included)", rounds, Result::cpuMillisPerOp);
        summary(name, "Java threads' CPU per command (clients and others)", rounds, Bench::javaThreads);
        summary(name, "client threads' CPU per command", rounds, Result::clientCpuMillisPerOp);
        return held;
    }

    /** The CPU of the JVM's Java threads per command: the clients' and the others'. */
    private static double javaThreads(Result r) {
        return r.clientCpuMillisPerOp() + r.otherThreadsCpuMillisPerOp();
    }

    /** Prints the medians of {@code figure} without and with telemetry, and of the rounds' ratios. */
    private void summary(
            String name, String what, List<Result[]> rounds, java.util.function.ToDoubleFunction<Result> figure) {
        List<Double> without = new ArrayList<>();
        List<Double> with = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (Result[] pair : rounds) {
            without.add(figure.applyAsDouble(pair[0]));
            with.add(figure.applyAsDouble(pair[1]));
            ratios.add(figure.applyAsDouble(pair[1]) / figure.applyAsDouble(pair[0]));
        }
        out.printf(
                Locale.ROOT,
                "ALTERNATE %s, %d rounds of %d s, %s: median %.4f ms without, %.4f ms with (%+.1f %%);"
                        + " median of the rounds' ratios %+.1f %% (from %+.1f %% to %+.1f %%)%n",
                name,
                rounds.size(),
                options.durationSeconds(),
                what,
                median(without),
                median(with),
                (median(with) / median(without) - 1) * 100,
                (median(ratios) - 1) * 100,
                (java.util.Collections.min(ratios) - 1) * 100,
                (java.util.Collections.max(ratios) - 1) * 100);
    }

    /**
     * Prints what {@code --telemetry interleave} measured: the client threads' CPU and allocation per
     * command without and with telemetry; the JVM's other Java threads (the SDK's exporter and metric
     * reader among them) counted wholly against telemetry; the JVM's own threads (garbage collection, the
     * JIT) shared by bytes allocated. The overhead is the traced command's total over the plain one's.
     */
    private void reportInterleaved(String workload, int clients, Measured m, long[][] costs, boolean untraced) {
        long[] sum = new long[6];
        for (long[] c : costs) {
            for (int i = 0; i < 6; i++) {
                sum[i] += c[i];
            }
        }
        long n0 = sum[2];
        long n1 = sum[5];
        if (n0 == 0 || n1 == 0 || m.cpuNanos() < 0) {
            out.println("INTERLEAVE: not enough commands measured");
            return;
        }
        double client0 = sum[0] / 1e3 / n0;
        double client1 = sum[3] / 1e3 / n1;
        double alloc0 = sum[1] / 1024.0 / n0;
        double alloc1 = sum[4] / 1024.0 / n1;
        double others = m.otherCpuNanos() / 1e3 / n1;
        // the JVM's own threads: the process's CPU less its Java threads' (clients and others)
        double vmMicros = Math.max(0, m.cpuNanos() - m.clientCpuNanos() - m.otherCpuNanos()) / 1e3;
        double perByte = sum[1] + sum[4] == 0 ? 0 : vmMicros / (sum[1] + sum[4]);
        double vm0 = perByte * sum[1] / n0;
        double vm1 = perByte * sum[4] / n1;
        double plainTotal = client0 + vm0;
        double tracedTotal = client1 + vm1 + others;
        // with both sides untraced, the second side's "overhead" is the method's own error
        String a = untraced ? "side A" : "without telemetry";
        String b = untraced ? "side B" : "with telemetry";
        String name = workload + " " + clients + " client" + (clients == 1 ? "" : "s");
        out.printf(
                Locale.ROOT,
                "INTERLEAVE %s, %d s: %d commands %s, %d %s, alternating%n"
                        + "  client threads: %.2f µs CPU and %.2f kB allocated per command %s, %.2f µs and %.2f kB"
                        + " %s (%+.2f µs)%n"
                        + "  other Java threads (the SDK's exporter and metric reader, the pool): %.2f µs per command"
                        + " %s, all counted against it%n"
                        + "  the JVM's own threads (GC, JIT), shared by bytes allocated: %.2f µs per command %s,"
                        + " %.2f µs %s%n"
                        + "OVERHEAD %s: JVM CPU per command %.2f µs %s, %.2f µs %s: %+.2f µs, %+.1f %%%n",
                name,
                options.durationSeconds(),
                n0,
                a,
                n1,
                b,
                client0,
                alloc0,
                a,
                client1,
                alloc1,
                b,
                client1 - client0,
                others,
                b,
                vm0,
                a,
                vm1,
                b,
                name,
                plainTotal,
                a,
                tracedTotal,
                b,
                tracedTotal - plainTotal,
                (tracedTotal / plainTotal - 1) * 100);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        java.util.Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    /** What one client does once: executes a command, returns how many events it wrote. */
    @FunctionalInterface
    private interface Operation {
        int execute(ThreadLocalRandom random, int client, long n);
    }

    /** What a client of {@code workload} does once, through {@code executor}. */
    private Operation operation(
            String workload,
            CommandExecutor executor,
            List<StreamId> accounts,
            List<StreamId> hot,
            AtomicLong deposited) {
        return switch (workload) {
            case "W1" ->
                (random, client, n) -> {
                    executor.execute(
                            new Deposit(accounts.get(random.nextInt(accounts.size())), 1 + random.nextInt(100)));
                    return 1;
                };
            case "W2" ->
                (random, client, n) -> {
                    int from = random.nextInt(accounts.size());
                    int to = (from + 1 + random.nextInt(accounts.size() - 1)) % accounts.size();
                    executor.execute(new Transfer(accounts.get(from), accounts.get(to), 1 + random.nextInt(100)));
                    return 2;
                };
            case "W3" ->
                (random, client, n) -> {
                    executor.execute(
                            new WriteBatch(StreamId.of("batch-" + run + "-" + batches.incrementAndGet()), 1000));
                    return 1000;
                };
            case "W4" ->
                (random, client, n) -> {
                    long cents = 1 + random.nextInt(100);
                    executor.execute(new Deposit(hot.get(random.nextInt(hot.size())), cents));
                    deposited.addAndGet(cents);
                    return 1;
                };
            case "W5" ->
                (random, client, n) -> {
                    executor.execute(new TaggedDeposit(
                            StreamId.of("receipt-" + run + "-" + client + "-" + n),
                            accounts.get(random.nextInt(accounts.size())).value(),
                            1 + random.nextInt(100)));
                    return 1;
                };
            default -> throw new IllegalArgumentException(workload);
        };
    }

    /** The accounts at even ({@code parity} 0) or odd positions. */
    private static List<StreamId> half(List<StreamId> accounts, int parity) {
        List<StreamId> half = new ArrayList<>();
        for (int i = parity; i < accounts.size(); i += 2) {
            half.add(accounts.get(i));
        }
        return half;
    }

    /**
     * Every other command through {@code traced} (odd numbers) and the others through {@code plain}, each
     * timed on its thread: {@code costs[client]} collects CPU nanoseconds, allocated bytes and commands,
     * plain then traced.
     */
    private static Operation interleaved(Operation plain, Operation traced, long[][] costs) {
        return (random, client, n) -> {
            int side = (int) (n & 1);
            long cpu = THREADS.getCurrentThreadCpuTime();
            long allocated = allocatedBytes();
            int written = (side == 0 ? plain : traced).execute(random, client, n);
            long[] mine = costs[client];
            mine[side * 3] += THREADS.getCurrentThreadCpuTime() - cpu;
            mine[side * 3 + 1] += allocatedBytes() - allocated;
            mine[side * 3 + 2]++;
            return written;
        };
    }

    /** Runs {@code workload} with {@code clients}: warm-up, then measured (or only the warm-up, returning null). */
    private Outcome run(Target target, String workload, int clients, List<StreamId> accounts, boolean warmUpOnly)
            throws Exception {
        return run(target, workload, clients, accounts, warmUpOnly, options.telemetry(), options.warmupSeconds());
    }

    /**
     * As above, with or without telemetry or both interleaved ({@code mode}; ALTERNATE counts as without)
     * and with {@code warmupSeconds} of warm-up.
     */
    private Outcome run(
            Target target,
            String workload,
            int clients,
            List<StreamId> accounts,
            boolean warmUpOnly,
            Options.Telemetry mode,
            int warmupSeconds)
            throws Exception {
        AtomicLong conflicts = new AtomicLong();
        AtomicLong retries = new AtomicLong();
        ExecutionListener counting = new ExecutionListener() {
            @Override
            public void retrying(
                    CommandId commandId, String commandType, int attempt, EventCoreException cause, Duration backoff) {
                retries.incrementAndGet();
                if (cause instanceof StreamConflictException) {
                    conflicts.incrementAndGet();
                }
            }
        };
        CommandExecutor plain = target.executor(target.settings().withListener(counting));
        // a second executor only where commands go through it; for interleave-untraced one like the
        // first, so that only the method differs
        CommandExecutor traced = mode != Options.Telemetry.ON && !mode.interleaved()
                ? null
                : telemetry == null
                        ? target.executor(target.settings().withListener(counting))
                        : target.executor(target.settings()
                                .withListener(ExecutionListener.all(
                                        List.of(counting, EventCoreTelemetry.create(telemetry)))));
        List<StreamId> hot = accounts.subList(0, Math.min(HOT_ACCOUNTS, accounts.size()));
        Map<StreamId, Long> before = workload.equals("W4") || workload.equals("W2")
                ? balances(target, workload.equals("W4") ? hot : accounts)
                : Map.of();
        AtomicLong deposited = new AtomicLong();
        long[][] costs = new long[clients][6];
        Operation operation = switch (mode) {
            case OFF, ALTERNATE -> operation(workload, plain, accounts, hot, deposited);
            case ON -> operation(workload, traced, accounts, hot, deposited);
            // each side on its own half of the accounts: a side's streams hold only its own events, so the
            // untraced side never reads a trace context the traced side wrote (the hot accounts are shared)
            case INTERLEAVE, INTERLEAVE_UNTRACED ->
                interleaved(
                        operation(workload, plain, half(accounts, 0), hot, deposited),
                        operation(workload, traced, half(accounts, 1), hot, deposited),
                        costs);
        };
        if (warmupSeconds > 0) {
            drive(workload, clients, operation, warmupSeconds, true);
            if (warmUpOnly) {
                return null;
            }
            conflicts.set(0);
            retries.set(0);
            deposited.set(0);
            for (long[] c : costs) {
                java.util.Arrays.fill(c, 0);
            }
            if (!before.isEmpty()) {
                before = balances(target, workload.equals("W4") ? hot : accounts);
            }
        }
        Measured m = drive(workload, clients, operation, options.durationSeconds(), false);
        if (mode.interleaved()) {
            reportInterleaved(workload, clients, m, costs, mode == Options.Telemetry.INTERLEAVE_UNTRACED);
        }
        double seconds = m.nanos() / 1e9;
        double[] p = Latencies.percentilesMillis(m.latencies(), 0.50, 0.95, 0.99);
        Result result = new Result(
                workload,
                clients,
                m.ops() / seconds,
                m.events() / seconds,
                p[0],
                p[1],
                p[2],
                conflicts.get(),
                retries.get(),
                m.errors(),
                perOp(m.cpuNanos(), m.ops()),
                perOp(m.clientCpuNanos(), m.ops()),
                perOp(m.otherCpuNanos(), m.ops()),
                m.allocatedBytes() < 0 || m.ops() == 0 ? Double.NaN : m.allocatedBytes() / 1024.0 / m.ops());
        String problem = null;
        if (workload.equals("W4")) {
            long gained = sum(balances(target, hot)) - sum(before);
            out.printf(
                    Locale.ROOT,
                    "W4 check: %d cents acknowledged as deposited, the hot accounts' balances grew by %d: %s%n",
                    deposited.get(),
                    gained,
                    gained == deposited.get() ? "no update lost" : "UPDATES LOST");
            problem = gained == deposited.get() ? null : "W4 lost " + (deposited.get() - gained) + " cents of deposits";
        } else if (workload.equals("W2")) {
            long total = sum(balances(target, accounts));
            boolean kept = total == sum(before);
            out.printf(
                    Locale.ROOT,
                    "W2 check: total money %d before, %d after: %s%n",
                    sum(before),
                    total,
                    kept ? "conserved" : "NOT CONSERVED");
            problem = kept ? null : "W2 changed the total money from " + sum(before) + " to " + total;
        }
        return new Outcome(result, problem);
    }

    private record Measured(
            long ops,
            long events,
            long errors,
            long nanos,
            long cpuNanos,
            long clientCpuNanos,
            long otherCpuNanos,
            long allocatedBytes,
            List<Latencies> latencies) {}

    /** Nanoseconds per operation in milliseconds, NaN when unknown. */
    private static double perOp(long nanos, long ops) {
        return nanos < 0 || ops == 0 ? Double.NaN : nanos / 1e6 / ops;
    }

    private static final java.lang.management.ThreadMXBean THREADS =
            java.lang.management.ManagementFactory.getThreadMXBean();

    /** The CPU time of each live Java thread but {@code except}, by id. */
    private static Map<Long, Long> threadCpuNanos(java.util.Set<Long> except) {
        Map<Long, Long> cpu = new java.util.HashMap<>();
        for (long id : THREADS.getAllThreadIds()) {
            if (!except.contains(id)) {
                long t = THREADS.getThreadCpuTime(id);
                if (t >= 0) {
                    cpu.put(id, t);
                }
            }
        }
        return cpu;
    }

    /** The current thread's allocated bytes, or -1 where the JVM does not count them. */
    private static long allocatedBytes() {
        return THREADS instanceof com.sun.management.ThreadMXBean sun && sun.isThreadAllocatedMemoryEnabled()
                ? sun.getCurrentThreadAllocatedBytes()
                : -1;
    }

    /** The CPU time this JVM has used so far, all threads (garbage collection included), or -1 if unknown. */
    private static long processCpuNanos() {
        // counted in clock ticks (10 ms on Linux): fine for runs of seconds, coarse for a smoke run
        return ProcessHandle.current()
                .info()
                .totalCpuDuration()
                .map(java.time.Duration::toNanos)
                .orElse(-1L);
    }

    private Measured drive(String workload, int clients, Operation operation, int seconds, boolean warmup)
            throws InterruptedException {
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong ops = new AtomicLong();
        AtomicLong events = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicLong rejected = new AtomicLong();
        // --operations: each client claims a command before running it; none runs past the limit
        AtomicLong claimed = new AtomicLong();
        long limit = options.operations() > 0 ? options.operations() : Long.MAX_VALUE;
        CountDownLatch finished = new CountDownLatch(clients);
        List<Latencies> latencies = new ArrayList<>();
        List<long[]> clientCost = new ArrayList<>();
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            long[] own = new long[2];
            clientCost.add(own);
            int client = c;
            threads[c] = new Thread(
                    () -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        long n = 0;
                        long cpuBefore = THREADS.getCurrentThreadCpuTime();
                        long allocatedBefore = allocatedBytes();
                        try {
                            while (!stop.get() && claimed.incrementAndGet() <= limit) {
                                long start = System.nanoTime();
                                try {
                                    int written = operation.execute(random, client, n++);
                                    mine.add(System.nanoTime() - start);
                                    ops.incrementAndGet();
                                    events.addAndGet(written);
                                } catch (CommandRejectedException e) {
                                    rejected.incrementAndGet();
                                    errors.incrementAndGet();
                                    if (firstErrors.size() < 3) {
                                        firstErrors.add(e.getMessage());
                                    }
                                } catch (RuntimeException e) {
                                    errors.incrementAndGet();
                                    if (firstErrors.size() < 3) {
                                        firstErrors.add(e.toString());
                                    }
                                }
                            }
                        } finally {
                            own[0] = THREADS.getCurrentThreadCpuTime() - cpuBefore;
                            own[1] = allocatedBefore < 0 ? -1 : allocatedBytes() - allocatedBefore;
                            finished.countDown();
                        }
                    },
                    "bench-client-" + c);
        }
        java.util.Set<Long> clientIds = new java.util.HashSet<>();
        for (Thread t : threads) {
            clientIds.add(t.getId());
        }
        clientIds.add(Thread.currentThread().getId());
        Map<Long, Long> othersAtStart = threadCpuNanos(clientIds);
        long cpuAtStart = processCpuNanos();
        long start = System.nanoTime();
        for (Thread t : threads) {
            t.start();
        }
        String label = (warmup ? "warm-up " : "") + workload + " " + clients + " client" + (clients == 1 ? "" : "s");
        long lastOps = 0;
        for (int s = 1; s <= seconds; s++) {
            long untilTick = start + s * 1_000_000_000L - System.nanoTime();
            boolean allDone = finished.await(Math.max(0, untilTick), TimeUnit.NANOSECONDS);
            long now = ops.get();
            Runtime rt = Runtime.getRuntime();
            out.printf(
                    Locale.ROOT,
                    "  [%s] %2d s: %.0f ops/s, errors %d, heap used %d MB%s%n",
                    label,
                    s,
                    (double) (now - lastOps),
                    errors.get(),
                    (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024),
                    allDone ? " (--operations " + options.operations() + " reached)" : "");
            lastOps = now;
            if (allDone) {
                break;
            }
            if (options.heapCheck() && !warmup && s % 60 == 0) {
                System.gc();
                out.printf(
                        Locale.ROOT,
                        "HEAP [%s] after %d min: %d MB in use after a full collection%n",
                        label,
                        s / 60,
                        (rt.totalMemory() - rt.freeMemory()) / (1024 * 1024));
            }
        }
        stop.set(true);
        for (Thread t : threads) {
            t.join();
        }
        long nanos = System.nanoTime() - start;
        long cpuAtEnd = processCpuNanos();
        long cpuNanos = cpuAtStart < 0 || cpuAtEnd < 0 ? -1 : cpuAtEnd - cpuAtStart;
        long otherCpu = 0;
        for (Map.Entry<Long, Long> e : threadCpuNanos(clientIds).entrySet()) {
            otherCpu += e.getValue() - othersAtStart.getOrDefault(e.getKey(), 0L);
        }
        long clientCpu = 0;
        long allocated = 0;
        for (long[] own : clientCost) {
            clientCpu += own[0];
            allocated = allocated < 0 || own[1] < 0 ? -1 : allocated + own[1];
        }
        firstErrors.forEach(e -> out.println("  error: " + e));
        if (rejected.get() > 0) {
            out.println("  rejected by a rule: " + rejected.get());
        }
        return new Measured(
                ops.get(), events.get(), errors.get(), nanos, cpuNanos, clientCpu, otherCpu, allocated, latencies);
    }

    private static Map<StreamId, Long> balances(Target target, List<StreamId> accounts) {
        Map<StreamId, Long> balances = new java.util.HashMap<>();
        for (int from = 0; from < accounts.size(); from += 500) {
            Set<StreamId> chunk = Set.copyOf(accounts.subList(from, Math.min(accounts.size(), from + 500)));
            Map<StreamId, StreamRead> read =
                    target.settings().boundary().execute(a -> target.store().read(chunk));
            for (StreamRead r : read.values()) {
                long balance = 0;
                for (StoredEvent<Object> e : r.events()) {
                    if (e.payload() instanceof BenchEvent.Deposited d) {
                        balance += d.cents();
                    } else if (e.payload() instanceof BenchEvent.Withdrawn w) {
                        balance -= w.cents();
                    }
                }
                balances.put(r.streamId(), balance);
            }
        }
        return balances;
    }

    private static long sum(Map<StreamId, Long> balances) {
        return balances.values().stream().mapToLong(Long::longValue).sum();
    }
}
