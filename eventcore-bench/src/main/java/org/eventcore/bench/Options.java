package org.eventcore.bench;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The command line of {@link Bench}; see {@link #USAGE}. */
record Options(
        String store,
        String jdbcUrl,
        String user,
        String password,
        List<String> workloads,
        List<Integer> clients,
        int durationSeconds,
        int warmupSeconds,
        int accounts,
        long operations,
        Path json,
        boolean heapCheck,
        boolean lockOnRead,
        Telemetry telemetry,
        int rounds,
        double traceRatio) {

    /** What {@code --telemetry} asks for. */
    enum Telemetry {
        /** No telemetry: the harness's own counting listener only. */
        OFF,
        /** Every command reported through EventCoreTelemetry to an installed SDK. */
        ON,
        /**
         * Both in one JVM, in alternating blocks of {@code --duration} seconds (off-on, on-off, ...), for
         * {@code --rounds} rounds: the two settings share the JIT's state, the heap and the database's
         * growth, so what differs between blocks is the telemetry.
         */
        ALTERNATE,
        /**
         * Both on the same clients, command by command: every other command through an executor with
         * telemetry, each timed on its thread (CPU and allocation), so that both see the same database, the
         * same streams' lengths and the same moment; the closest comparison the harness makes.
         */
        INTERLEAVE,
        /**
         * As {@link #INTERLEAVE}, but neither side has telemetry: what it prints as overhead is the
         * method's own error.
         */
        INTERLEAVE_UNTRACED;

        /** Whether the run installs an SDK (some of its commands are traced). */
        boolean installsSdk() {
            return this == ON || this == ALTERNATE || this == INTERLEAVE;
        }

        /** Whether commands of two executors alternate command by command. */
        boolean interleaved() {
            return this == INTERLEAVE || this == INTERLEAVE_UNTRACED;
        }
    }

    static final String USAGE = """
            usage: java -jar eventcore-bench.jar [options]
              --store postgres|memory     where the events go (default postgres)
              --jdbc-url URL --user U --password P
                                          an existing PostgreSQL (default: start an embedded PostgreSQL 15)
              --workload W1|W2|W3|W4|W5|all  W1 single-stream command, W2 two-stream transfer, W3 1,000-event
                                          batch to a fresh stream, W4 16 clients' worth of contention on 10
                                          hot accounts, W5 W1's deposit with a tag query for its boundary
                                          (a tag-conditioned append); all is W1 to W4 (default all)
              --clients 1,4,16            concurrent clients, each run in turn (default 1,4,16)
              --duration SECONDS          measured time per (workload, clients) (default 10)
              --warmup SECONDS            unmeasured time before each (default 10)
              --accounts N                accounts pre-loaded with 10 events each (default 10000)
              --operations N              at most N commands per run, warm-up runs included: a run ends after N
                                          commands or --duration seconds, whichever comes first (default: no
                                          limit). Bounds the work, and the memory of the in-memory store, by
                                          count rather than by the machine's speed
              --json FILE                 also write the results as a JSON array
              --lock-on-read true         JpaStoreSettings.withLockOnRead: reads lock the streams, so commands on hot
                                          streams wait instead of conflicting (default false)
              --heap-check true           collect garbage at every full minute of a run and print the heap
                                          left in use, to see whether memory stays bounded
              --telemetry true            report every command through EventCoreTelemetry to an installed
                                          OpenTelemetry SDK (spans and metrics processed, then dropped), to
                                          measure what tracing and metrics cost (default false)
              --telemetry alternate       one workload and client count, without and with telemetry in
                                          alternating blocks of --duration seconds in one JVM (off-on, on-off,
                                          off-on, ...) after --warmup seconds of each; prints the JVM CPU per
                                          command of every block, each round's ratio and the median ratio
              --rounds N                  rounds of --telemetry alternate (default 6)
              --trace-ratio R             with telemetry, the share of commands whose traces are sampled
                                          (parentbased_traceidratio; default 1: every one, the SDK's default)
              --telemetry interleave      every other command of each client with telemetry, each command's CPU
                                          and allocation taken on its thread: prints the JVM CPU per command
                                          without and with (the SDK's threads and a share of GC counted in)
              --telemetry interleave-untraced
                                          the same with no telemetry on either side: the method's own error
            """;

    static Options parse(String... args) {
        String store = "postgres";
        String url = null;
        String user = null;
        String password = null;
        List<String> workloads = List.of("W1", "W2", "W3", "W4");
        List<Integer> clients = List.of(1, 4, 16);
        int duration = 10;
        int warmup = 10;
        int accounts = 10_000;
        long operations = 0;
        Path json = null;
        boolean heapCheck = false;
        boolean lockOnRead = false;
        Telemetry telemetry = Telemetry.OFF;
        int rounds = 6;
        double traceRatio = 1.0;
        for (int i = 0; i < args.length; i++) {
            String option = args[i];
            if (option.equals("--help") || option.equals("-h")) {
                throw new IllegalArgumentException("");
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException(option + " needs a value");
            }
            String value = args[++i];
            switch (option) {
                case "--store" -> {
                    store = value.toLowerCase(Locale.ROOT);
                    if (!store.equals("postgres") && !store.equals("memory")) {
                        throw new IllegalArgumentException("--store is postgres or memory, not " + value);
                    }
                }
                case "--jdbc-url" -> url = value;
                case "--user" -> user = value;
                case "--password" -> password = value;
                case "--workload" -> workloads = workloads(value);
                case "--clients" -> clients = clients(value);
                case "--duration" -> duration = positive(option, value);
                case "--warmup" -> warmup = positive(option, value);
                case "--accounts" -> accounts = positive(option, value);
                case "--operations" -> operations = positive(option, value);
                case "--json" -> json = Path.of(value);
                case "--heap-check" -> heapCheck = Boolean.parseBoolean(value);
                case "--lock-on-read" -> lockOnRead = Boolean.parseBoolean(value);
                case "--telemetry" ->
                    telemetry = switch (value.toLowerCase(Locale.ROOT)) {
                        case "true" -> Telemetry.ON;
                        case "false" -> Telemetry.OFF;
                        case "alternate" -> Telemetry.ALTERNATE;
                        case "interleave" -> Telemetry.INTERLEAVE;
                        case "interleave-untraced" -> Telemetry.INTERLEAVE_UNTRACED;
                        default ->
                            throw new IllegalArgumentException(
                                    "--telemetry is true, false, alternate, interleave or interleave-untraced, not "
                                            + value);
                    };
                case "--rounds" -> rounds = positive(option, value);
                case "--trace-ratio" -> traceRatio = ratio(value);
                default -> throw new IllegalArgumentException("unknown option " + option);
            }
        }
        if (url == null && (user != null || password != null)) {
            throw new IllegalArgumentException("--user and --password go with --jdbc-url");
        }
        if (telemetry == Telemetry.ALTERNATE && (workloads.size() != 1 || clients.size() != 1)) {
            throw new IllegalArgumentException(
                    "--telemetry alternate compares one workload at one client count: give --workload and --clients"
                            + " one value each");
        }
        return new Options(
                store,
                url,
                user,
                password,
                workloads,
                clients,
                duration,
                warmup,
                accounts,
                operations,
                json,
                heapCheck,
                lockOnRead,
                telemetry,
                rounds,
                traceRatio);
    }

    private static double ratio(String value) {
        try {
            double r = Double.parseDouble(value);
            if (!(r > 0 && r <= 1)) {
                throw new IllegalArgumentException("--trace-ratio is more than 0 and at most 1, not " + value);
            }
            return r;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("--trace-ratio takes a number, not " + value);
        }
    }

    private static List<String> workloads(String value) {
        if (value.equalsIgnoreCase("all")) {
            return List.of("W1", "W2", "W3", "W4");
        }
        List<String> chosen = new ArrayList<>();
        for (String w : value.split(",")) {
            String name = w.trim().toUpperCase(Locale.ROOT);
            if (!List.of("W1", "W2", "W3", "W4", "W5").contains(name)) {
                throw new IllegalArgumentException("--workload is W1, W2, W3, W4, W5 or all, not " + w);
            }
            chosen.add(name);
        }
        return List.copyOf(chosen);
    }

    private static List<Integer> clients(String value) {
        List<Integer> counts = new ArrayList<>();
        for (String c : value.split(",")) {
            counts.add(positive("--clients", c.trim()));
        }
        return List.copyOf(counts);
    }

    private static int positive(String option, String value) {
        try {
            int n = Integer.parseInt(value);
            if (n < 0 || (n == 0 && !option.equals("--warmup"))) {
                throw new IllegalArgumentException(option + " must be positive, was " + value);
            }
            return n;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(option + " takes a whole number, not " + value);
        }
    }
}
