package org.eventcore.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.GlobalPosition;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.bench.model.BenchEvent;
import org.eventcore.bench.model.CachedDeposit;
import org.eventcore.bench.model.Deposit;
import org.eventcore.bench.model.Transfer;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.inmemory.InMemoryEventStore;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of the in-memory path: a single-stream command without and with the state cache,
 * a two-stream transfer (all through the executor, on 10,000 accounts pre-loaded with 10 events), and
 * the fold of 1,000 events. The streams grow while a benchmark runs: without the cache every command
 * folds its stream from the first event, with it only the events after its cached state.
 * Run: {@code java -cp eventcore-bench/target/eventcore-bench.jar org.openjdk.jmh.Main InMemoryBenchmarks -t 2}.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class InMemoryBenchmarks {

    /** The store and executor shared by all benchmark threads. */
    @State(Scope.Benchmark)
    public static class Store {
        final List<StreamId> accounts = new ArrayList<>();
        CommandExecutor executor;

        @Setup(Level.Trial)
        public void load() {
            InMemoryEventStore store = InMemoryEventStore.create();
            executor = CommandExecutor.create(store);
            for (int i = 0; i < 10_000; i++) {
                StreamId account = StreamId.of("account-" + i);
                accounts.add(account);
                for (int e = 0; e < 10; e++) {
                    executor.execute(new Deposit(account, 1_000));
                }
            }
        }
    }

    /**
     * The same store for the cached command: 10,000 accounts pre-loaded with 10 events, an executor with
     * a state cache of 20,000 entries (room for every account).
     */
    @State(Scope.Benchmark)
    public static class CachedStore {
        final List<StreamId> accounts = new ArrayList<>();
        CommandExecutor executor;

        @Setup(Level.Trial)
        public void load() {
            InMemoryEventStore store = InMemoryEventStore.create();
            executor = CommandExecutor.create(store, ExecutorSettings.DEFAULT.withStateCacheSize(20_000));
            for (int i = 0; i < 10_000; i++) {
                StreamId account = StreamId.of("account-" + i);
                accounts.add(account);
                for (int e = 0; e < 10; e++) {
                    executor.execute(new CachedDeposit(account, 1_000));
                }
            }
        }

        @org.openjdk.jmh.annotations.TearDown(Level.Trial)
        public void report() {
            System.out.println();
            System.out.println("state cache: " + executor.stateCacheStatistics());
        }
    }

    /** 1,000 stored events of one stream and the command that folds them. */
    @State(Scope.Thread)
    public static class Stream {
        final List<StoredEvent<BenchEvent>> events = new ArrayList<>();
        final Deposit command = new Deposit(StreamId.of("folded"), 1);

        @Setup(Level.Trial)
        public void create() {
            StreamId s = StreamId.of("folded");
            EventMetadata metadata = EventMetadata.of("fold", CommandId.generate(), java.time.Instant.now());
            for (int i = 1; i <= 1_000; i++) {
                events.add(new StoredEvent<>(
                        EventId.generate(),
                        s,
                        StreamVersion.of(i),
                        GlobalPosition.of(i),
                        new BenchEvent.Deposited(i),
                        metadata));
            }
        }
    }

    @Benchmark
    public Object singleStreamCommand(Store store) {
        List<StreamId> a = store.accounts;
        return store.executor.execute(
                new Deposit(a.get(ThreadLocalRandom.current().nextInt(a.size())), 1));
    }

    /** W1 with its state cached ({@link CachedDeposit}): reads only the events after the cached state. */
    @Benchmark
    public Object cachedSingleStreamCommand(CachedStore store) {
        List<StreamId> a = store.accounts;
        return store.executor.execute(
                new CachedDeposit(a.get(ThreadLocalRandom.current().nextInt(a.size())), 1));
    }

    @Benchmark
    public Object twoStreamTransfer(Store store) {
        List<StreamId> a = store.accounts;
        ThreadLocalRandom random = ThreadLocalRandom.current();
        int from = random.nextInt(a.size());
        int to = (from + 1 + random.nextInt(a.size() - 1)) % a.size();
        return store.executor.execute(new Transfer(a.get(from), a.get(to), 1));
    }

    @Benchmark
    public long foldOf1000Events(Stream stream) {
        Long balance = stream.command.initialState();
        for (StoredEvent<BenchEvent> e : stream.events) {
            balance = stream.command.apply(balance, e);
        }
        return balance;
    }
}
