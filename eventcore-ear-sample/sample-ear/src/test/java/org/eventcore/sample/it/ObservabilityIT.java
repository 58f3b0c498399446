package org.eventcore.sample.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.eventcore.sample.it.Api.Reply;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.spec.EnterpriseArchive;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample on WildFly with MicroProfile Health and Telemetry (standalone-observed.xml, made by
 * src/main/wildfly/observe.cli), and on Payara with
 * MicroProfile Telemetry switched on (src/test/payara/payara.sh): a REST transfer
 * leaves the server as spans over OTLP (the server's request span, EventCore's command, attempt and
 * append spans under it, the projections' spans linked to the attempt), the stored events carry the
 * attempt's trace context, and EventCore's metrics are exported. The receiver is {@link OtlpReceiver},
 * run by this JVM. Readiness: {@link SampleReadinessIT} (Payara), {@link WarReadinessIT} (WildFly).
 */
@ExtendWith({ServerEnvironment.class, ArquillianExtension.class})
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class ObservabilityIT {

    @Deployment(testable = false)
    static EnterpriseArchive ear() {
        return Api.ear();
    }

    private final String id = "alice-observed-" + System.nanoTime();
    private final Api alice = Api.as("alice");
    private final OtlpReceiver receiver = OtlpReceiver.get();

    /** Waits until {@code condition} holds; fails after 20 s, listing what the receiver got. */
    private void eventually(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting until " + what + "; received spans "
                        + receiver.spans().stream()
                                .map(s -> s.name() + " " + s.traceId() + "/" + s.spanId() + " <- " + s.parentSpanId())
                                .toList()
                        + ", metrics " + receiver.metricNames() + ", problems " + receiver.problems());
            }
            Thread.sleep(100);
        }
    }

    private List<OtlpReceiver.Span> trace(String traceId) {
        return receiver.spans().stream()
                .filter(s -> s.traceId().equals(traceId))
                .toList();
    }

    @Test
    void a_rest_transfer_leaves_the_server_as_a_trace_with_the_command_attempt_and_append_spans() throws Exception {
        for (String account : new String[] {id + "-a", id + "-b"}) {
            Reply opened = alice.post("accounts", "{\"id\":\"" + account + "\"}");
            assertThat(opened.status()).as(opened.body()).isEqualTo(201);
        }
        Reply deposited = alice.post("accounts/" + id + "-a/deposits", "{\"cents\":10000}");
        assertThat(deposited.status()).as(deposited.body()).isEqualTo(200);

        HexFormat hex = HexFormat.of();
        byte[] random = new byte[24];
        ThreadLocalRandom.current().nextBytes(random);
        String traceId = hex.formatHex(random, 0, 16);
        String callerSpan = hex.formatHex(random, 16, 24);
        Reply transfer = alice.post(
                "transfers",
                "{\"from\":\"" + id + "-a\",\"to\":\"" + id + "-b\",\"cents\":2500}",
                "traceparent",
                "00-" + traceId + "-" + callerSpan + "-01");
        assertThat(transfer.status()).as(transfer.body()).isEqualTo(200);

        // the spans end, and are exported in batches, child first: wait for the server's span too
        eventually(
                "the command's spans and the server's span reach the receiver",
                () -> trace(traceId).stream().anyMatch(s -> s.name().equals("append"))
                        && trace(traceId).stream()
                                .anyMatch(s -> s.parentSpanId().equals(callerSpan))
                        && trace(traceId).stream().anyMatch(s -> s.attributes().containsKey("eventcore.command.type")));
        List<OtlpReceiver.Span> spans = trace(traceId);
        OtlpReceiver.Span server = spans.stream()
                .filter(s -> s.parentSpanId().equals(callerSpan))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no span under the caller's " + callerSpan + ": " + spans));
        OtlpReceiver.Span command = spans.stream()
                .filter(s -> s.attributes().containsKey("eventcore.command.type"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no command span: " + spans));
        assertThat((String) command.attributes().get("eventcore.command.type")).contains("Transfer");
        assertThat(command.attributes())
                .containsEntry("eventcore.command.outcome", "committed")
                .containsEntry("eventcore.command.attempts", 1L)
                .containsEntry("eventcore.command.events", 2L);
        assertThat(ancestors(spans, command))
                .as("the command runs inside the request")
                .contains(server.spanId());
        OtlpReceiver.Span attempt = only(spans, "attempt");
        assertThat(attempt.parentSpanId()).isEqualTo(command.spanId());
        OtlpReceiver.Span append = only(spans, "append");
        assertThat(append.parentSpanId()).isEqualTo(attempt.spanId());
        assertThat(append.attributes()).containsEntry("eventcore.append.events", 2L);

        // the stored events carry the attempt's context, so the projections' spans link back to it
        try (Connection c = ServerEnvironment.connection();
                PreparedStatement q = c.prepareStatement(
                        "select custom_metadata from ec_events where stream_id in (?, ?) and causation_id ="
                                + " (select causation_id from ec_events where stream_id = ? order by stream_version desc limit 1)")) {
            q.setString(1, "account-" + id + "-a");
            q.setString(2, "account-" + id + "-b");
            q.setString(3, "account-" + id + "-b");
            try (ResultSet rows = q.executeQuery()) {
                int n = 0;
                while (rows.next()) {
                    assertThat(rows.getString(1)).contains("00-" + traceId + "-" + attempt.spanId() + "-01");
                    n++;
                }
                assertThat(n).as("both events of the transfer").isEqualTo(2);
            }
        }
        eventually(
                "a projection's span links to the attempt",
                () -> receiver.spans().stream()
                        .anyMatch(s -> s.name().startsWith("projection ")
                                && s.linkedSpanIds().contains(attempt.spanId())));
        eventually(
                "EventCore's metrics are exported",
                () -> receiver.metricNames()
                        .containsAll(Set.of(
                                "eventcore.commands",
                                "eventcore.command.duration",
                                "eventcore.append.duration",
                                "eventcore.events.appended",
                                "eventcore.projection.lag",
                                "eventcore.projection.events.handled")));
        assertThat(receiver.problems())
                .as("requests the receiver could not read")
                .isEmpty();
        System.out.printf(
                "ObservabilityIT trace %s:%n%s%nmetrics: %s%n",
                traceId,
                trace(traceId).stream()
                        .map(s -> "  " + s.name() + " " + s.spanId() + " <- " + s.parentSpanId() + " " + s.attributes())
                        .collect(Collectors.joining("\n")),
                receiver.metricNames().stream()
                        .filter(n -> n.startsWith("eventcore."))
                        .sorted()
                        .toList());
    }

    private static OtlpReceiver.Span only(List<OtlpReceiver.Span> spans, String name) {
        List<OtlpReceiver.Span> named =
                spans.stream().filter(s -> s.name().equals(name)).toList();
        assertThat(named).as(name + " spans in " + spans).hasSize(1);
        return named.get(0);
    }

    /** The span ids above {@code span} in {@code spans}, nearest first. */
    private static List<String> ancestors(List<OtlpReceiver.Span> spans, OtlpReceiver.Span span) {
        Map<String, OtlpReceiver.Span> byId =
                spans.stream().collect(Collectors.toMap(OtlpReceiver.Span::spanId, s -> s, (x, y) -> x));
        java.util.ArrayList<String> up = new java.util.ArrayList<>();
        for (OtlpReceiver.Span at = byId.get(span.parentSpanId()); at != null; at = byId.get(at.parentSpanId())) {
            up.add(at.spanId());
        }
        return up;
    }
}
