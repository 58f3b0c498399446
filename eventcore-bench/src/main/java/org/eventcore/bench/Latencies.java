package org.eventcore.bench;

import java.util.Arrays;
import java.util.List;

/** The latencies of one client, in nanoseconds; merged and sorted for percentiles at the end. */
final class Latencies {

    private long[] values = new long[1 << 16];
    private int size;

    void add(long nanos) {
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = nanos;
    }

    int size() {
        return size;
    }

    /** The p-th percentile (0 to 1) of all clients' latencies, in milliseconds; NaN when there are none. */
    static double[] percentilesMillis(List<Latencies> clients, double... ps) {
        int total = clients.stream().mapToInt(Latencies::size).sum();
        long[] all = new long[total];
        int at = 0;
        for (Latencies l : clients) {
            System.arraycopy(l.values, 0, all, at, l.size);
            at += l.size;
        }
        Arrays.sort(all);
        double[] result = new double[ps.length];
        for (int i = 0; i < ps.length; i++) {
            result[i] = total == 0 ? Double.NaN : all[Math.min(total - 1, (int) Math.ceil(ps[i] * total) - 1)] / 1e6;
        }
        return result;
    }
}
