package org.eventcore.bench.jmh;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eventcore.StreamId;
import org.eventcore.bench.model.CachedDeposit;
import org.eventcore.execution.CommandExecutor;
import org.eventcore.execution.ExecutorSettings;
import org.eventcore.inmemory.InMemoryEventStore;
import org.eventcore.opentelemetry.EventCoreTelemetry;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What telemetry adds to a command, without a database in the way: the cached single-stream command of
 * {@link InMemoryBenchmarks} with no listener and with {@link EventCoreTelemetry} reporting to an
 * installed SDK (every span sampled, batched and dropped; metrics read every 10 s). Run:
 * {@code java -cp eventcore-bench/target/eventcore-bench.jar org.openjdk.jmh.Main TelemetryBenchmarks}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class TelemetryBenchmarks {

    @State(Scope.Benchmark)
    public static class Store {
        @Param({"false", "true"})
        boolean telemetry;

        final List<StreamId> accounts = new ArrayList<>();
        CommandExecutor executor;
        io.opentelemetry.sdk.OpenTelemetrySdk sdk;

        @Setup(Level.Trial)
        public void load() {
            ExecutorSettings settings = ExecutorSettings.DEFAULT.withStateCacheSize(20_000);
            if (telemetry) {
                sdk = org.eventcore.bench.TelemetrySdk.create();
                settings = settings.withListener(EventCoreTelemetry.create(sdk));
            }
            executor = CommandExecutor.create(InMemoryEventStore.create(), settings);
            for (int i = 0; i < 10_000; i++) {
                StreamId account = StreamId.of("account-" + i);
                accounts.add(account);
                executor.execute(new CachedDeposit(account, 1_000));
            }
        }

        @TearDown(Level.Trial)
        public void close() {
            if (sdk != null) {
                sdk.close();
            }
        }
    }

    @Benchmark
    public Object cachedCommand(Store store) {
        List<StreamId> a = store.accounts;
        return store.executor.execute(
                new CachedDeposit(a.get(ThreadLocalRandom.current().nextInt(a.size())), 1));
    }
}
