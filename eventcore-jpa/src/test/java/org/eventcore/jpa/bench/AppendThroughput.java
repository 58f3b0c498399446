package org.eventcore.jpa.bench;

import static org.eventcore.testkit.contract.StoreFixture.event;
import static org.eventcore.testkit.contract.StoreFixture.request;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.eventcore.StreamConflictException;
import org.eventcore.StreamId;
import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.JpaStoreSettings;
import org.eventcore.jpa.ResourceLocalJpa;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.testkit.contract.StoreFixture;

/**
 * Prints append figures of the JPA store on the test PostgreSQL (embedded, synchronous_commit on):
 * single-stream read-and-append transactions per second at several thread counts, with latency
 * percentiles, and events per second for appends of 1,000 events. Not a test: a program, run by
 * hand (see the manual page "PostgreSQL and JPA"); the benchmark module measures properly.
 *
 * <p>Arguments: persistence unit (eventcore-hibernate or eventcore-eclipselink), seconds per run.
 */
public final class AppendThroughput {

    public static void main(String[] args) throws Exception {
        String unit = args.length > 0 ? args[0] : "eventcore-hibernate";
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        ResourceLocalJpa jpa = ResourceLocalJpa.create(TestDatabases.postgres(unit));
        JpaEventStore store = JpaEventStore.create(jpa, TestDatabases.serializer(), JpaStoreSettings.DEFAULT);
        StoreFixture fixture = StoreFixture.withPrefix("bench");
        List<StreamId> streams = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            streams.add(fixture.stream("s" + i));
        }
        for (int threads : new int[] {1, 16}) {
            singleStream(jpa, store, streams, threads, 2);
            singleStream(jpa, store, streams, threads, seconds);
        }
        batches(jpa, store, fixture, seconds);
        System.exit(0);
    }

    private static void singleStream(
            ResourceLocalJpa jpa, JpaEventStore store, List<StreamId> streams, int threads, int seconds)
            throws InterruptedException {
        AtomicLong ops = new AtomicLong();
        AtomicLong conflicts = new AtomicLong();
        List<long[]> latencies = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        Thread[] workers = new Thread[threads];
        for (int t = 0; t < threads; t++) {
            long[] mine = new long[2_000_000];
            latencies.add(mine);
            int index = t;
            workers[t] = new Thread(
                    () -> {
                        int n = 0;
                        while (System.nanoTime() < end) {
                            StreamId s = streams.get(ThreadLocalRandom.current().nextInt(streams.size()));
                            long start = System.nanoTime();
                            try {
                                jpa.execute(attempt -> {
                                    long v = store.read(Set.of(s))
                                            .get(s)
                                            .version()
                                            .value();
                                    return store.append(request()
                                            .expect(s, v)
                                            .write(s, event(v + 1))
                                            .build());
                                });
                                if (n < mine.length) {
                                    mine[n++] = System.nanoTime() - start;
                                }
                                ops.incrementAndGet();
                            } catch (StreamConflictException e) {
                                conflicts.incrementAndGet();
                            }
                        }
                        mine[mine.length - 1] = n;
                    },
                    "bench-" + index);
            workers[t].start();
        }
        for (Thread w : workers) {
            w.join();
        }
        long total = 0;
        for (long[] l : latencies) {
            total += l[l.length - 1];
        }
        long[] all = new long[(int) total];
        int k = 0;
        for (long[] l : latencies) {
            int n = (int) l[l.length - 1];
            System.arraycopy(l, 0, all, k, n);
            k += n;
        }
        Arrays.sort(all);
        System.out.printf(
                "single-stream read+append, %2d threads, %2d s: %8.0f tx/s, p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, conflicts %d%n",
                threads,
                seconds,
                ops.get() / (double) seconds,
                pct(all, 0.50),
                pct(all, 0.95),
                pct(all, 0.99),
                conflicts.get());
    }

    private static void batches(ResourceLocalJpa jpa, JpaEventStore store, StoreFixture fixture, int seconds) {
        long events = 0;
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        int n = 0;
        while (System.nanoTime() < end) {
            StreamId s = fixture.stream("batch-" + n++);
            StoreFixture.RequestBuilder b = request().expect(s, 0);
            for (int i = 0; i < 1000; i++) {
                b.write(s, event(i));
            }
            jpa.execute(attempt -> store.append(b.build()));
            events += 1000;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "1,000-event appends, 1 thread: %.0f events/s (%d appends in %.1f s)%n", events / elapsed, n, elapsed);
    }

    private static double pct(long[] sorted, double p) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        return sorted[Math.min(sorted.length - 1, (int) (p * sorted.length))] / 1e6;
    }
}
