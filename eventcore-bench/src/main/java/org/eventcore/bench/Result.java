package org.eventcore.bench;

import java.util.List;
import java.util.Locale;

/** The figures of one (workload, clients) run. */
record Result(
        String workload,
        int clients,
        double opsPerSecond,
        double eventsPerSecond,
        double p50Millis,
        double p95Millis,
        double p99Millis,
        long conflicts,
        long retries,
        long errors,
        double cpuMillisPerOp,
        double clientCpuMillisPerOp,
        double otherThreadsCpuMillisPerOp,
        double allocatedKilobytesPerOp) {

    /*
     * cpuMillisPerOp: the whole JVM (every thread, garbage collection and the JIT compiler included);
     * clientCpuMillisPerOp: the threads that ran the commands; otherThreadsCpuMillisPerOp: the JVM's other
     * Java threads (pool housekeeping, an SDK's exporter); allocatedKilobytesPerOp: what the client threads
     * allocated.
     */

    String line() {
        return String.format(
                Locale.ROOT,
                "RESULT %-2s clients=%-3d ops/s=%-10.1f events/s=%-10.1f p50=%.2f ms p95=%.2f ms p99=%.2f ms"
                        + " conflicts=%d retries=%d errors=%d cpu=%s ms/op (clients %s, other threads %s,"
                        + " allocated %s kB/op)",
                workload,
                clients,
                opsPerSecond,
                eventsPerSecond,
                p50Millis,
                p95Millis,
                p99Millis,
                conflicts,
                retries,
                errors,
                Double.isNaN(cpuMillisPerOp) ? "n/a" : String.format(Locale.ROOT, "%.3f", cpuMillisPerOp),
                Double.isNaN(clientCpuMillisPerOp) ? "n/a" : String.format(Locale.ROOT, "%.4f", clientCpuMillisPerOp),
                Double.isNaN(otherThreadsCpuMillisPerOp)
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.4f", otherThreadsCpuMillisPerOp),
                Double.isNaN(allocatedKilobytesPerOp)
                        ? "n/a"
                        : String.format(Locale.ROOT, "%.2f", allocatedKilobytesPerOp));
    }

    String json() {
        return String.format(
                Locale.ROOT,
                "{\"workload\":\"%s\",\"clients\":%d,\"ops_per_s\":%.1f,\"events_per_s\":%.1f,\"p50_ms\":%s,"
                        + "\"p95_ms\":%s,\"p99_ms\":%s,\"conflicts\":%d,\"retries\":%d,\"errors\":%d,"
                        + "\"cpu_ms_per_op\":%s,\"client_cpu_ms_per_op\":%s,\"other_threads_cpu_ms_per_op\":%s,"
                        + "\"allocated_kb_per_op\":%s}",
                workload,
                clients,
                opsPerSecond,
                eventsPerSecond,
                number(p50Millis),
                number(p95Millis),
                number(p99Millis),
                conflicts,
                retries,
                errors,
                number(cpuMillisPerOp),
                number(clientCpuMillisPerOp),
                number(otherThreadsCpuMillisPerOp),
                number(allocatedKilobytesPerOp));
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "null" : String.format(Locale.ROOT, "%.3f", value);
    }

    static String json(List<Result> results) {
        StringBuilder out = new StringBuilder("[\n");
        for (int i = 0; i < results.size(); i++) {
            out.append("  ").append(results.get(i).json()).append(i + 1 < results.size() ? ",\n" : "\n");
        }
        return out.append("]\n").toString();
    }
}
