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
        double cpuMillisPerOp) {

    String line() {
        return String.format(
                Locale.ROOT,
                "RESULT %-2s clients=%-3d ops/s=%-10.1f events/s=%-10.1f p50=%.2f ms p95=%.2f ms p99=%.2f ms"
                        + " conflicts=%d retries=%d errors=%d cpu=%s ms/op",
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
                Double.isNaN(cpuMillisPerOp) ? "n/a" : String.format(Locale.ROOT, "%.3f", cpuMillisPerOp));
    }

    String json() {
        return String.format(
                Locale.ROOT,
                "{\"workload\":\"%s\",\"clients\":%d,\"ops_per_s\":%.1f,\"events_per_s\":%.1f,\"p50_ms\":%s,"
                        + "\"p95_ms\":%s,\"p99_ms\":%s,\"conflicts\":%d,\"retries\":%d,\"errors\":%d,"
                        + "\"cpu_ms_per_op\":%s}",
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
                number(cpuMillisPerOp));
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
