package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.eventcore.CommandId;

/**
 * A {@link LedgerNode} run as a child JVM: started, then killed with SIGKILL or frozen with SIGSTOP and
 * thawed with SIGCONT. The command ids the node prints as acknowledged go to a set the caller gives; the
 * node's standard error goes to {@code target/fault-nodes/<node>.log}.
 */
final class NodeProcess {

    private final String node;
    private final Process process;
    private final Thread reader;
    private final Path log;

    private NodeProcess(String node, Process process, Thread reader, Path log) {
        this.node = node;
        this.process = process;
        this.reader = reader;
        this.log = log;
    }

    /**
     * Starts node {@code node} over the accounts {@code prefix}-account-0 .. {@code accounts - 1} of the
     * database at {@code url}, and waits until it has acknowledged its first command.
     */
    static NodeProcess start(String url, String node, String prefix, int accounts, Set<CommandId> acknowledged)
            throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path log = Path.of("target", "fault-nodes", node + ".log");
        Files.createDirectories(log.getParent());
        Process process = new ProcessBuilder(
                        java,
                        "-Xmx256m",
                        "-cp",
                        System.getProperty("java.class.path"),
                        LedgerNode.class.getName(),
                        url,
                        node,
                        Integer.toString(accounts),
                        prefix)
                .redirectError(log.toFile())
                .start();
        CountDownLatch ready = new CountDownLatch(1);
        Thread reader = new Thread(
                () -> {
                    try (BufferedReader in = new BufferedReader(
                            new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                        for (String line = in.readLine(); line != null; line = in.readLine()) {
                            if (line.startsWith("ACK ")) {
                                acknowledged.add(CommandId.of(line.substring(4)));
                            } else if (line.equals("READY")) {
                                ready.countDown();
                            }
                        }
                    } catch (IOException e) {
                        // the process died: its output ends here
                    }
                },
                "output of " + node);
        reader.start();
        NodeProcess started = new NodeProcess(node, process, reader, log);
        if (!ready.await(90, TimeUnit.SECONDS)) {
            started.kill();
            throw new AssertionError("node " + node + " did not start within 90 s (see " + log + ")");
        }
        return started;
    }

    /** The node's id, its projection runner's owner. */
    String node() {
        return node;
    }

    /** Where the node's standard error (its log) goes. */
    Path log() {
        return log;
    }

    /** Kills the node with SIGKILL and waits until it is gone and its output read. */
    void kill() throws InterruptedException {
        process.destroyForcibly(); // SIGKILL
        assertThat(process.waitFor(30, TimeUnit.SECONDS))
                .as("%s ended after SIGKILL", node)
                .isTrue();
        reader.join(TimeUnit.SECONDS.toMillis(30));
        assertThat(process.exitValue()).as("%s killed by SIGKILL", node).isEqualTo(137);
    }

    /** Freezes the node with SIGSTOP: its threads stop, its sockets stay open. */
    void freeze() throws IOException, InterruptedException {
        signal("-STOP");
    }

    /** Lets a frozen node run on with SIGCONT. */
    void thaw() throws IOException, InterruptedException {
        signal("-CONT");
    }

    private void signal(String signal) throws IOException, InterruptedException {
        Process kill = new ProcessBuilder("kill", signal, Long.toString(process.pid()))
                .redirectErrorStream(true)
                .start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).as("kill %s %s", signal, node).isZero();
    }

    /** After a failure: lets the node run if it was frozen, ignoring any error. */
    void thawQuietly() {
        try {
            signal("-CONT");
        } catch (Exception | AssertionError e) {
            // gone already
        }
    }

    /** After a failure: kills the node if it still runs, ignoring any error. */
    void killQuietly() {
        process.destroyForcibly();
    }

    /** How many lines of the node's log hold {@code text}. */
    long logLinesContaining(String text) throws IOException {
        try (var lines = Files.lines(log, StandardCharsets.UTF_8)) {
            return lines.filter(l -> l.contains(text)).count();
        }
    }
}
