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
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The README's run command, {@code bash eventcore-ear-sample/run.sh}, stopped the two ways a user
 * stops it: Ctrl-C, which sends SIGINT to every process of the terminal's foreground group, and TERM
 * to the script alone. Either way nothing of the server may be left running or listening, and the
 * EAR it deployed is removed. The script starts what the build made ({@code --no-build}; the build
 * itself is the README's other command) on free ports ({@code SAMPLE_PORT_OFFSET}).
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class RunScriptIT {

    private static final File SCRIPT = new File(System.getProperty("sample.run.script", "../run.sh"));
    private static final File DEPLOYMENTS = new File(System.getProperty("jboss.home"), "standalone/deployments");

    /** A started run.sh: the script's process, what it printed, the offset of its ports. */
    private record Started(Process script, List<String> output, int offset) {
        int httpPort() {
            return 8080 + offset;
        }

        String printed() {
            return String.join("\n", output);
        }
    }

    private static Started start() throws Exception {
        int offset = FreePorts.wildflyOffset(20_000);
        ProcessBuilder builder =
                new ProcessBuilder("bash", SCRIPT.getAbsolutePath(), "--no-build").redirectErrorStream(true);
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
                output.add("(reading the output failed: " + e + ")");
            }
        });
        reader.setDaemon(true);
        reader.start();
        Started started = new Started(script, output, offset);
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
        while (output.stream().noneMatch(l -> l.contains("Ctrl-C stops the server"))) {
            assertThat(script.isAlive())
                    .as("run.sh is running; it printed:%n%s", started.printed())
                    .isTrue();
            assertThat(System.nanoTime())
                    .as("run.sh started the sample within 4 minutes")
                    .isLessThan(deadline);
            Thread.sleep(200);
        }
        assertThat(started.printed())
                .as("the banner names the moved port")
                .contains("http://localhost:" + started.httpPort() + "/eventcore-sample/api");
        HttpResponse<String> reply = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(
                                        "http://localhost:" + started.httpPort() + "/eventcore-sample/api/accounts"))
                                .timeout(Duration.ofSeconds(30))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(reply.statusCode())
                .as("the sample answers, and asks who is calling")
                .isEqualTo(401);
        assertThat(DEPLOYMENTS.list()).as("the EAR is deployed").contains("eventcore-sample.ear");
        return started;
    }

    private static void signal(String signal, List<ProcessHandle> processes) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        processes.forEach(p -> command.add(Long.toString(p.pid())));
        new ProcessBuilder(command).inheritIO().start().waitFor(10, TimeUnit.SECONDS);
    }

    /** Asserts that the script ended with {@code exitCode} and left nothing behind. */
    private static void assertNothingLeft(Started started, List<ProcessHandle> processes, int exitCode)
            throws Exception {
        assertThat(started.script().waitFor(90, TimeUnit.SECONDS))
                .as("run.sh ended; it printed:%n%s", started.printed())
                .isTrue();
        assertThat(started.script().exitValue()).isEqualTo(exitCode);
        for (ProcessHandle p : processes) {
            p.onExit().get(30, TimeUnit.SECONDS);
            assertThat(p.isAlive())
                    .as("process %s (%s) ended", p.pid(), p.info().command().orElse("?"))
                    .isFalse();
        }
        assertThat(IntStream.of(FreePorts.WILDFLY_PORTS).map(p -> p + started.offset()))
                .as("no port of the server is listening any more")
                .noneMatch(FreePorts::isListening);
        assertThat(DEPLOYMENTS.list())
                .as("the deployed EAR is removed")
                .noneMatch(name -> name.startsWith("eventcore-sample.ear"));
        assertThat(started.printed()).contains("WildFly stopped.");
    }

    @Test
    void ctrl_c_which_sends_SIGINT_to_every_process_stops_the_server() throws Exception {
        Started started = start();
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(started.script().toHandle());
        started.script().toHandle().descendants().forEach(processes::add);
        assertThat(processes).as("the script, standalone.sh and WildFly's JVM").hasSizeGreaterThanOrEqualTo(3);

        signal("INT", processes);

        assertNothingLeft(started, processes, 130);
    }

    @Test
    void TERM_to_the_script_alone_stops_the_server() throws Exception {
        Started started = start();
        List<ProcessHandle> processes = new ArrayList<>();
        processes.add(started.script().toHandle());
        started.script().toHandle().descendants().forEach(processes::add);

        signal("TERM", List.of(started.script().toHandle()));

        assertNothingLeft(started, processes, 143);
    }
}
