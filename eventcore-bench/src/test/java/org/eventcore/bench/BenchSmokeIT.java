package org.eventcore.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * CI's smoke run: the packaged jar, every workload, on an embedded PostgreSQL and in memory. Each run
 * is bounded by a count of commands ({@code --operations}) as well as by time, so that the work, and
 * the memory of the in-memory store, do not grow with the machine's speed. It checks the output's
 * shape and the invariants the harness checks, never the speed.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class BenchSmokeIT {

    private static final List<String> KEYS = List.of(
            "workload",
            "clients",
            "ops_per_s",
            "events_per_s",
            "p50_ms",
            "p95_ms",
            "p99_ms",
            "conflicts",
            "retries",
            "errors");

    private record Run(int exit, String output) {}

    /** How long one run of the harness may take ({@code bench.smoke.limit.seconds}, default 5 minutes). */
    private static final long LIMIT_SECONDS = Long.getLong("bench.smoke.limit.seconds", 300);

    private static Run bench(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m",
                "-jar",
                System.getProperty("bench.jar", "target/eventcore-bench.jar")));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        // read the output beside the wait, so that a run that hangs meets the time limit
        CompletableFuture<String> output = CompletableFuture.supplyAsync(() -> {
            try {
                return new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        boolean ended = p.waitFor(LIMIT_SECONDS, TimeUnit.SECONDS);
        if (!ended) {
            p.destroyForcibly().waitFor();
        }
        String text = output.get(1, TimeUnit.MINUTES);
        System.out.println(text);
        assertThat(ended)
                .as("the harness ended within %d s; its output:%n%s", LIMIT_SECONDS, text)
                .isTrue();
        return new Run(p.exitValue(), text);
    }

    private static void assertResults(Run run, Path json, int expected) throws Exception {
        assertThat(run.exit()).as(run.output()).isZero();
        assertThat(run.output().lines().filter(l -> l.startsWith("RESULT ")).count())
                .isEqualTo(expected);
        String written = Files.readString(json);
        Matcher objects = Pattern.compile("\\{[^}]*}").matcher(written);
        int count = 0;
        while (objects.find()) {
            count++;
            String object = objects.group();
            for (String key : KEYS) {
                assertThat(object).contains("\"" + key + "\":");
            }
            assertThat(object).as("no command failed").contains("\"errors\":0");
        }
        assertThat(count).isEqualTo(expected);
    }

    @Test
    void every_workload_runs_on_postgresql_through_the_jpa_store_with_durable_commits(@TempDir File dir)
            throws Exception {
        Path json = dir.toPath().resolve("postgres.json");
        Run run = bench(
                "--store",
                "postgres",
                "--workload",
                "W1,W2,W3,W4,W5",
                "--clients",
                "1,2",
                "--duration",
                "1",
                "--warmup",
                "0",
                "--operations",
                "200",
                "--accounts",
                "300",
                "--json",
                json.toString());
        assertResults(run, json, 10);
        assertThat(run.output())
                .contains("synchronous_commit=on fsync=on")
                .contains("Hibernate ORM")
                .contains("pre-loaded 300 accounts with 10 events each")
                .contains("W4 check:")
                .contains("no update lost")
                .contains("W2 check:")
                .contains(": conserved")
                .doesNotContain("INVARIANT BROKEN");
    }

    @Test
    void every_workload_runs_in_memory(@TempDir File dir) throws Exception {
        Path json = dir.toPath().resolve("memory.json");
        Run run = bench(
                "--store",
                "memory",
                "--workload",
                "W1,W2,W3,W4,W5",
                "--clients",
                "2",
                "--duration",
                "10",
                "--warmup",
                "1",
                "--operations",
                "200",
                "--accounts",
                "1000",
                "--json",
                json.toString());
        assertResults(run, json, 5);
        assertThat(run.output().lines().filter(l -> l.matches("  \\[W\\d .*\\(--operations 200 reached\\)")))
                .as("every measured run of the in-memory store ends at its count, on any machine that runs 20"
                        + " commands a second")
                .hasSize(5);
        assertThat(run.output()).contains("store: in memory").contains("no update lost");
    }

    /** W1 in memory at one client for at most 5 s and {@code operations} commands, with {@code telemetry}. */
    private static Run memoryW1(int operations, String... telemetry) throws Exception {
        List<String> args = new ArrayList<>(List.of(
                "--store",
                "memory",
                "--workload",
                "W1",
                "--clients",
                "1",
                "--duration",
                "5",
                "--warmup",
                "0",
                "--operations",
                Integer.toString(operations),
                "--accounts",
                "200"));
        args.addAll(List.of(telemetry));
        return bench(args.toArray(String[]::new));
    }

    @Test
    void the_telemetry_comparisons_print_their_figures() throws Exception {
        Run interleaved = memoryW1(400, "--telemetry", "interleave");
        assertThat(interleaved.exit()).as(interleaved.output()).isZero();
        assertThat(interleaved.output())
                .contains(
                        "INTERLEAVE W1 1 client, 5 s: 200 commands without telemetry, 200 with telemetry, alternating")
                .containsPattern(
                        "client threads: [0-9.]+ µs CPU and [0-9.]+ kB allocated per command without telemetry")
                .containsPattern(
                        "OVERHEAD W1 1 client: JVM CPU per command [0-9.]+ µs without telemetry, [0-9.]+ µs with telemetry:")
                .containsPattern("telemetry: [1-9][0-9]* spans exported");

        Run alternated = memoryW1(100, "--telemetry", "alternate", "--rounds", "2");
        assertThat(alternated.exit()).as(alternated.output()).isZero();
        assertThat(alternated.output().lines().filter(l -> l.startsWith("WITHOUT RESULT W1")))
                .hasSize(2);
        assertThat(alternated.output().lines().filter(l -> l.startsWith("WITH    RESULT W1")))
                .hasSize(2);
        assertThat(alternated.output())
                .contains("ROUND 1:", "ROUND 2:")
                .contains("ALTERNATE W1 1 client, 2 rounds of 5 s, JVM CPU per command");

        Run untraced = memoryW1(200, "--telemetry", "interleave-untraced");
        assertThat(untraced.exit()).as(untraced.output()).isZero();
        assertThat(untraced.output())
                .contains("INTERLEAVE W1 1 client, 5 s: 100 commands side A, 100 side B, alternating")
                .containsPattern("OVERHEAD W1 1 client: JVM CPU per command [0-9.]+ µs side A, [0-9.]+ µs side B:")
                .doesNotContain("spans exported");

        Run refused = bench("--telemetry", "alternate", "--workload", "all");
        assertThat(refused.exit()).isEqualTo(2);
        assertThat(refused.output()).contains("--telemetry alternate compares one workload at one client count");
    }

    @Test
    void a_bad_command_line_exits_with_2_and_the_usage() throws Exception {
        Run run = bench("--workload", "W9");
        assertThat(run.exit()).isEqualTo(2);
        assertThat(run.output())
                .contains("error: --workload is W1, W2, W3, W4, W5 or all, not W9")
                .contains("usage: java -jar eventcore-bench.jar");
    }
}
