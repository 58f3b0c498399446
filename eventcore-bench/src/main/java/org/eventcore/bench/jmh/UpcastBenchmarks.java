package org.eventcore.bench.jmh;

import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.eventcore.CommandId;
import org.eventcore.EventMetadata;
import org.eventcore.jsonb.JsonUpcaster;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.serialization.EventType;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.serialization.SerializedEvent;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * JMH micro-benchmarks of reading one stored event through the JSON-B serializer: JSON-B's own binding
 * of the same JSON (the floor), an event in its class's form with no upcaster registered, the same
 * with a chain registered for older revisions (the no-upcaster path must cost nothing more), and an
 * event two revisions old taken through a two-step chain (its cost per event). Run: {@code java -cp
 * eventcore-bench/target/eventcore-bench.jar org.openjdk.jmh.Main UpcastBenchmarks}.
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class UpcastBenchmarks {

    /** Revision 1 was {"ref", "amount"}; 2 renamed them; 3 added the currency and a reference. */
    @EventType(name = "bench.Paid", revision = 3)
    public record Paid(String orderId, long cents, String currency, String reference) {}

    /** The serializers and the stored events they read. */
    @State(Scope.Benchmark)
    public static class Reading {
        Jsonb jsonb;
        String currentJson;
        JsonbEventSerializer withoutUpcasters;
        JsonbEventSerializer withChain;
        SerializedEvent current;
        SerializedEvent twoRevisionsOld;
        EventMetadata metadata;

        @Setup(Level.Trial)
        public void create() {
            jsonb = JsonbBuilder.create();
            metadata = EventMetadata.of("corr-1", CommandId.generate(), Instant.EPOCH);
            withoutUpcasters = JsonbEventSerializer.create(
                    EventTypeRegistry.builder().register(Paid.class).build());
            withChain = JsonbEventSerializer.create(EventTypeRegistry.builder()
                    .register(Paid.class)
                    .upcaster(JsonUpcaster.of(
                            "bench.Paid",
                            1,
                            json -> JsonUpcaster.JSON
                                    .createPatchBuilder()
                                    .move("/orderId", "/ref")
                                    .move("/cents", "/amount")
                                    .build()
                                    .apply(json)))
                    .upcaster(JsonUpcaster.of(
                            "bench.Paid",
                            2,
                            (json, m) -> JsonUpcaster.JSON
                                    .createObjectBuilder(json)
                                    .add("currency", "EUR")
                                    .add("reference", m.correlationId())
                                    .build()))
                    .build());
            current = withoutUpcasters.serialize(new Paid("order-42", 1_234, "EUR", "corr-1"));
            currentJson = new String(current.data(), StandardCharsets.UTF_8);
            twoRevisionsOld = SerializedEvent.of(
                    "bench.Paid", 1, "{\"amount\":1234,\"ref\":\"order-42\"}".getBytes(StandardCharsets.UTF_8));
            Object read = withChain.deserialize(twoRevisionsOld, metadata);
            if (!read.equals(new Paid("order-42", 1_234, "EUR", "corr-1"))) {
                throw new IllegalStateException("the chain reads " + read);
            }
        }

        @TearDown(Level.Trial)
        public void close() throws Exception {
            jsonb.close();
        }
    }

    /** JSON-B binding the current JSON, with nothing of EventCore: the floor. */
    @Benchmark
    public Object bindOnly(Reading r) {
        return r.jsonb.fromJson(r.currentJson, Paid.class);
    }

    /** An event in its class's form, no upcaster registered. */
    @Benchmark
    public Object currentFormNoUpcasters(Reading r) {
        return r.withoutUpcasters.deserialize(r.current, r.metadata);
    }

    /** An event in its class's form, a chain registered for older revisions: the same path. */
    @Benchmark
    public Object currentFormChainRegistered(Reading r) {
        return r.withChain.deserialize(r.current, r.metadata);
    }

    /** An event two revisions old, through both steps. */
    @Benchmark
    public Object twoStepChain(Reading r) {
        return r.withChain.deserialize(r.twoRevisionsOld, r.metadata);
    }
}
