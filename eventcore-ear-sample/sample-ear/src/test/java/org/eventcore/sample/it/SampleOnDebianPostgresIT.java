package org.eventcore.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The sample's page, "On PostgreSQL", followed as written on a Debian PostgreSQL 15 (a cluster
 * {@code .ci/run} creates and starts, whose port it passes as {@code EVENTCORE_DEBIAN_PG_PORT}; the
 * {@code debian-postgres} profile runs this test only then): {@code setup-database.sh} run as root
 * (twice: it is safe to run again), then {@code run.sh --postgres} started with the login it made,
 * commands over HTTP, the roles checked in the database, and the same start as a superuser refused.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class SampleOnDebianPostgresIT {

    private static final String PORT = System.getenv("EVENTCORE_DEBIAN_PG_PORT");
    private static final File SAMPLE = new File(System.getProperty("sample.dir", ".."));

    private record Ran(int exit, String output) {}

    private static Ran run(Map<String, String> env, String... command) throws Exception {
        // from the root directory, which the OS user postgres may enter (a clone in a private folder it may not)
        ProcessBuilder builder =
                new ProcessBuilder(command).redirectErrorStream(true).directory(new File("/"));
        builder.environment().putAll(env);
        builder.environment().put("PGPORT", PORT);
        Process p = builder.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(5, TimeUnit.MINUTES)).isTrue();
        System.out.println(output);
        return new Ran(p.exitValue(), output);
    }

    /** psql as the administrator (the OS user postgres), for what the test looks at. */
    private static String psql(String sql) throws Exception {
        Ran r = run(Map.of(), "runuser", "-u", "postgres", "--", "psql", "-X", "-At", "-d", "eventcore", "-c", sql);
        assertThat(r.exit()).as(r.output()).isZero();
        return r.output().strip();
    }

    @Test
    @Order(1)
    void the_setup_script_keeps_the_roles_apart_upgrades_an_earlier_schema_and_is_safe_to_run_again() throws Exception {
        String script = new File(SAMPLE, "postgres/setup-database.sh").getAbsolutePath();
        // first as with an earlier EventCore: its scripts only (roles and version 1)
        java.nio.file.Path shipped =
                new File(SAMPLE, "../eventcore-jpa/src/main/resources/META-INF/eventcore/schema/postgresql").toPath();
        java.nio.file.Path earlier = java.nio.file.Files.createTempDirectory("eventcore-v1-");
        for (String name : new String[] {"roles.sql", "V1__eventcore_schema.sql"}) {
            java.nio.file.Files.copy(shipped.resolve(name), earlier.resolve(name));
        }
        Ran first = run(Map.of("EVENTCORE_SCHEMA_DIR", earlier.toString()), "bash", script);
        assertThat(first.exit()).as(first.output()).isZero();
        assertThat(first.output()).contains("a new schema").contains("V1__eventcore_schema.sql");
        assertThat(psql("select to_regclass('ec_schema_version') is null")).isEqualTo("t");
        psql("insert into ec_commands (command_id, recorded_at) values ('kept-across-the-upgrade', now())");

        Ran upgrade = run(Map.of(), "bash", script);
        assertThat(upgrade.exit()).as(upgrade.output()).isZero();
        assertThat(upgrade.output())
                .contains("an upgrade from version 1")
                .contains("V2__eventcore_skipped_events.sql")
                .contains("V3__eventcore_append_function.sql")
                .contains("V4__eventcore_append_generic_plans.sql")
                .contains("V5__eventcore_snapshots.sql")
                .contains("V6__eventcore_append_key_lookups.sql")
                .contains("V7__eventcore_projection_controls.sql")
                .contains("V8__eventcore_tags.sql")
                .contains("V9__eventcore_tag_lock_order.sql")
                .doesNotContain("   V1__eventcore_schema.sql");
        Ran again = run(Map.of(), "bash", script);
        assertThat(again.exit()).as(again.output()).isZero();
        assertThat(again.output())
                .contains("EventCore's schema is installed and up to date (version "
                        + org.eventcore.jpa.EventCoreSchema.VERSION + ")");
        assertThat(psql("select max(version) from ec_schema_version"))
                .isEqualTo(Integer.toString(org.eventcore.jpa.EventCoreSchema.VERSION));
        assertThat(psql("select count(*) from ec_commands where command_id = 'kept-across-the-upgrade'"))
                .isEqualTo("1");
        assertThat(psql("select tableowner from pg_tables where tablename = 'ec_skipped_events'"))
                .isEqualTo("eventcore_owner");

        assertThat(psql("select tableowner from pg_tables where tablename = 'ec_events'"))
                .isEqualTo("eventcore_owner");
        assertThat(psql(
                        "select rolsuper::text || ' ' || pg_has_role('eventcore_sample', 'eventcore_owner', 'MEMBER')::text"
                                + " || ' ' || pg_has_role('eventcore_sample', 'eventcore_app', 'MEMBER')::text"
                                + " from pg_roles where rolname = 'eventcore_sample'"))
                .as("the login: no superuser, not the owner, a member of eventcore_app")
                .isEqualTo("false false true");
    }

    @Test
    @Order(2)
    void the_sample_runs_on_it_as_the_page_says() throws Exception {
        Started sample = start(Map.of("SAMPLE_PG_URL", "jdbc:postgresql://localhost:" + PORT + "/eventcore"));
        try {
            assertThat(sample.printed()).contains("Ctrl-C stops the server");
            String api = "http://localhost:" + (8080 + sample.offset()) + "/eventcore-sample/api/";
            String id = "alice-deb" + System.nanoTime();
            assertThat(post(api + "accounts", "{\"id\":\"" + id + "\"}").statusCode())
                    .isEqualTo(201);
            HttpResponse<String> deposit = post(api + "accounts/" + id + "/deposits", "{\"cents\":4200}");
            assertThat(deposit.statusCode()).as(deposit.body()).isEqualTo(200);
            String position = deposit.body().replaceAll(".*\"position\":\"([^\"]+)\".*", "$1");
            HttpResponse<String> balance = get(api + "accounts/" + id + "?after=" + position);
            assertThat(balance.statusCode()).as(balance.body()).isEqualTo(200);
            assertThat(balance.body()).contains("\"cents\":4200");
        } finally {
            sample.stop();
        }
        assertThat(psql("select tableowner from pg_tables where tablename = 'sample_balances'"))
                .as("the sample created its read models as its login")
                .isEqualTo("eventcore_sample");
        assertThat(psql("select count(*) from ec_events where user_name = 'alice'"))
                .isNotEqualTo("0");
    }

    @Test
    @Order(3)
    void a_superuser_login_is_refused_with_what_to_do() throws Exception {
        psql("drop role if exists ec_too_mighty; create role ec_too_mighty login superuser password 'mighty'");
        Started sample = start(Map.of(
                "SAMPLE_PG_URL", "jdbc:postgresql://localhost:" + PORT + "/eventcore",
                "SAMPLE_PG_USER", "ec_too_mighty",
                "SAMPLE_PG_PASSWORD", "mighty"));
        try {
            assertThat(sample.printed())
                    .contains("WildFly could not start the sample")
                    .contains("as ec_too_mighty, a superuser, who could switch off the triggers");
        } finally {
            sample.stop();
            psql("drop role if exists ec_too_mighty");
        }
    }

    private record Started(Process script, List<String> output, int offset) {
        String printed() {
            return String.join("\n", output);
        }

        /** TERM to run.sh, which stops WildFly; then nothing of it may be left listening. */
        void stop() throws Exception {
            if (script.isAlive()) {
                new ProcessBuilder("kill", "-TERM", Long.toString(script.pid()))
                        .inheritIO()
                        .start()
                        .waitFor(10, TimeUnit.SECONDS);
            }
            assertThat(script.waitFor(90, TimeUnit.SECONDS)).as(printed()).isTrue();
            assertThat(java.util.stream.IntStream.of(FreePorts.WILDFLY_PORTS).map(p -> p + offset))
                    .as("nothing of the server listens any more; run.sh printed:%n%s", printed())
                    .noneMatch(FreePorts::isListening);
        }
    }

    /** run.sh --postgres --no-build, until it says the sample runs or that it could not start it. */
    private static Started start(Map<String, String> env) throws Exception {
        int offset = FreePorts.wildflyOffset(30_000);
        ProcessBuilder builder = new ProcessBuilder(
                        "bash", new File(SAMPLE, "run.sh").getAbsolutePath(), "--postgres", "--no-build")
                .redirectErrorStream(true);
        builder.environment().putAll(env);
        builder.environment().put("SAMPLE_PORT_OFFSET", Integer.toString(offset));
        Process script = builder.start();
        List<String> output = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in =
                    new BufferedReader(new InputStreamReader(script.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null; ) {
                    output.add(line);
                }
            } catch (IOException e) {
                output.add("(reading failed: " + e + ")");
            }
        });
        reader.setDaemon(true);
        reader.start();
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (output.stream().noneMatch(l -> l.contains("Ctrl-C stops the server"))
                && script.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        reader.join(2_000);
        return new Started(script, output, offset);
    }

    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private static HttpRequest.Builder asAlice(String url) {
        return HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header(
                        "Authorization",
                        "Basic " + Base64.getEncoder().encodeToString("alice:alice-secret".getBytes()));
    }

    private static HttpResponse<String> post(String url, String json) throws Exception {
        return HTTP.send(
                asAlice(url)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static HttpResponse<String> get(String url) throws Exception {
        return HTTP.send(asAlice(url).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
