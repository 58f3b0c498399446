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
        this.telemetry = options.telemetry() ? TelemetrySdk.create() : null;
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
                    telemetry == null
                            ? "telemetry: none (no listener but the harness's counts)"
                            : "telemetry: EventCoreTelemetry to an OpenTelemetry SDK (every span sampled, batched and dropped;"
                                    + " metrics read every 10 s)");
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

    /** What one client does once: executes a command, returns how many events it wrote. */
    @FunctionalInterface
    private interface Operation {
        int execute(ThreadLocalRandom random, int client, long n);
    }

    /** Runs {@code workload} with {@code clients}: warm-up, then measured (or only the warm-up, returning null). */
    private Outcome run(Target target, String workload, int clients, List<StreamId> accounts, boolean warmUpOnly)
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
        CommandExecutor executor = target.executor(target.settings()
                .withListener(
                        telemetry == null
                                ? counting
                                : ExecutionListener.all(List.of(counting, EventCoreTelemetry.create(telemetry)))));
        List<StreamId> hot = accounts.subList(0, Math.min(HOT_ACCOUNTS, accounts.size()));
        Map<StreamId, Long> before = workload.equals("W4") || workload.equals("W2")
                ? balances(target, workload.equals("W4") ? hot : accounts)
                : Map.of();
        AtomicLong deposited = new AtomicLong();
        Operation operation = switch (workload) {
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
            default -> throw new IllegalArgumentException(workload);
        };
        if (options.warmupSeconds() > 0) {
            drive(workload, clients, operation, options.warmupSeconds(), true);
            if (warmUpOnly) {
                return null;
            }
            conflicts.set(0);
            retries.set(0);
            deposited.set(0);
            if (!before.isEmpty()) {
                before = balances(target, workload.equals("W4") ? hot : accounts);
            }
        }
        Measured m = drive(workload, clients, operation, options.durationSeconds(), false);
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
                m.cpuNanos() < 0 || m.ops() == 0 ? Double.NaN : m.cpuNanos() / 1e6 / m.ops());
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

    private record Measured(long ops, long events, long errors, long nanos, long cpuNanos, List<Latencies> latencies) {}

    /** The CPU time this JVM has used so far, all threads (garbage collection included), or -1 if unknown. */
    private static long processCpuNanos() {
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
        List<String> firstErrors = java.util.Collections.synchronizedList(new ArrayList<>());
        Thread[] threads = new Thread[clients];
        for (int c = 0; c < clients; c++) {
            Latencies mine = new Latencies();
            latencies.add(mine);
            int client = c;
            threads[c] = new Thread(
                    () -> {
                        ThreadLocalRandom random = ThreadLocalRandom.current();
                        long n = 0;
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
                            finished.countDown();
                        }
                    },
                    "bench-client-" + c);
        }
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
        firstErrors.forEach(e -> out.println("  error: " + e));
        if (rejected.get() > 0) {
            out.println("  rejected by a rule: " + rejected.get());
        }
        return new Measured(ops.get(), events.get(), errors.get(), nanos, cpuNanos, latencies);
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
