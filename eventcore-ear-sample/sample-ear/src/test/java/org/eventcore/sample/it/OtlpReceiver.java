package org.eventcore.sample.it;

import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.zip.GZIPInputStream;

/**
 * An OTLP/HTTP receiver for the tests: what a collector would be, reduced to what the tests read. It
 * accepts {@code POST /v1/traces} and {@code /v1/metrics} in protobuf (gzip or not), keeps every span
 * (trace id, span id, parent, name, attributes, links) and every metric's name, and answers 200. The
 * protobuf reading covers the fields of the OTLP messages the tests need and skips every other field
 * by its wire type, so a newer exporter's additions do no harm.
 */
final class OtlpReceiver {

    /** A received span; ids in lower-case hex, the parent empty for a root span. */
    record Span(
            String traceId,
            String spanId,
            String parentSpanId,
            String name,
            Map<String, Object> attributes,
            List<String> linkedSpanIds) {}

    private static OtlpReceiver running;

    private final HttpServer server;
    private final List<Span> spans = new CopyOnWriteArrayList<>();
    private final Set<String> metricNames = ConcurrentHashMap.newKeySet();
    private final List<String> problems = new CopyOnWriteArrayList<>();

    private OtlpReceiver(int port) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 50);
        receive("/v1/traces", OtlpReceiver::traces, spans);
        receive("/v1/metrics", OtlpReceiver::metrics, metricNames);
        server.createContext("/", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(404, -1);
            }
        });
        server.start();
    }

    /**
     * Accepts OTLP requests on {@code path}: the body, read by {@code decode}, goes to {@code into}; a
     * body it cannot read is kept as a problem. Always answers 200, as a collector does.
     */
    private <T> void receive(
            String path, java.util.function.Function<byte[], List<T>> decode, java.util.Collection<T> into) {
        server.createContext(path, exchange -> {
            try (exchange) {
                try {
                    into.addAll(decode.apply(body(
                            exchange.getRequestBody(),
                            exchange.getRequestHeaders().getFirst("Content-Encoding"))));
                } catch (IOException | RuntimeException e) {
                    problems.add(path + ": " + e);
                }
                exchange.getResponseHeaders().set("Content-Type", "application/x-protobuf");
                exchange.sendResponseHeaders(200, -1);
            }
        });
    }

    /** The receiver of this JVM; started by {@link #start} before. */
    static synchronized OtlpReceiver get() {
        return start(0);
    }

    /**
     * Starts the receiver of this JVM, on {@code preferred} when it is free, else on any free loopback
     * port; the receiver already started otherwise.
     */
    static synchronized OtlpReceiver start(int preferred) {
        if (running == null) {
            try {
                try {
                    running = new OtlpReceiver(preferred);
                } catch (java.net.BindException taken) {
                    running = new OtlpReceiver(0);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("the OTLP receiver could not start", e);
            }
            OtlpReceiver started = running;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> started.server.stop(0)));
        }
        return running;
    }

    int port() {
        return server.getAddress().getPort();
    }

    List<Span> spans() {
        return List.copyOf(spans);
    }

    Set<String> metricNames() {
        return Set.copyOf(metricNames);
    }

    /** Requests the receiver could not read: empty unless the exporter sent what this reader misreads. */
    List<String> problems() {
        return List.copyOf(problems);
    }

    private static byte[] body(InputStream in, String encoding) throws IOException {
        InputStream source = "gzip".equalsIgnoreCase(encoding) ? new GZIPInputStream(in) : in;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        source.transferTo(out);
        return out.toByteArray();
    }

    // ---- protobuf, as far as OTLP needs it ----

    /** A field read from a message: its number, wire type, and value (a long, or the bytes of a LEN field). */
    private record Field(int number, int wireType, long value, byte[] bytes) {}

    private static List<Field> fields(byte[] message) {
        List<Field> fields = new ArrayList<>();
        int[] at = {0};
        while (at[0] < message.length) {
            long key = varint(message, at);
            int number = (int) (key >>> 3);
            int wire = (int) (key & 7);
            switch (wire) {
                case 0 -> fields.add(new Field(number, wire, varint(message, at), null));
                case 1 -> {
                    long v = 0;
                    for (int i = 0; i < 8; i++) {
                        v |= (message[at[0] + i] & 0xffL) << (8 * i);
                    }
                    at[0] += 8;
                    fields.add(new Field(number, wire, v, null));
                }
                case 2 -> {
                    int length = (int) varint(message, at);
                    byte[] bytes = java.util.Arrays.copyOfRange(message, at[0], at[0] + length);
                    at[0] += length;
                    fields.add(new Field(number, wire, 0, bytes));
                }
                case 5 -> {
                    long v = 0;
                    for (int i = 0; i < 4; i++) {
                        v |= (message[at[0] + i] & 0xffL) << (8 * i);
                    }
                    at[0] += 4;
                    fields.add(new Field(number, wire, v, null));
                }
                default -> throw new IllegalArgumentException("wire type " + wire + " of field " + number);
            }
        }
        return fields;
    }

    private static long varint(byte[] b, int[] at) {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte x = b[at[0]++];
            v |= (long) (x & 0x7f) << shift;
            if ((x & 0x80) == 0) {
                return v;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    private static List<byte[]> all(byte[] message, int number) {
        List<byte[]> found = new ArrayList<>();
        for (Field f : fields(message)) {
            if (f.number() == number && f.bytes() != null) {
                found.add(f.bytes());
            }
        }
        return found;
    }

    private static String text(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }

    /** ExportTraceServiceRequest → ResourceSpans (1) → ScopeSpans (2) → Span (2). */
    private static List<Span> traces(byte[] request) {
        List<Span> found = new ArrayList<>();
        for (byte[] resourceSpans : all(request, 1)) {
            for (byte[] scopeSpans : all(resourceSpans, 2)) {
                for (byte[] span : all(scopeSpans, 2)) {
                    found.add(span(span));
                }
            }
        }
        return found;
    }

    private static Span span(byte[] span) {
        HexFormat hex = HexFormat.of();
        String trace = "", id = "", parent = "", name = "";
        Map<String, Object> attributes = new LinkedHashMap<>();
        List<String> links = new ArrayList<>();
        for (Field f : fields(span)) {
            switch (f.number()) {
                case 1 -> trace = hex.formatHex(f.bytes());
                case 2 -> id = hex.formatHex(f.bytes());
                case 4 -> parent = hex.formatHex(f.bytes());
                case 5 -> name = text(f.bytes());
                case 9 -> keyValue(f.bytes(), attributes);
                case 13 -> all(f.bytes(), 2).forEach(linked -> links.add(hex.formatHex(linked)));
                default -> {
                    // times, kind, events, status: not read
                }
            }
        }
        return new Span(trace, id, parent, name, attributes, links);
    }

    /** KeyValue: key (1), AnyValue (2): string (1), bool (2), int (3), double (4). */
    private static void keyValue(byte[] kv, Map<String, Object> into) {
        String key = null;
        Object value = null;
        for (Field f : fields(kv)) {
            if (f.number() == 1) {
                key = text(f.bytes());
            } else if (f.number() == 2) {
                for (Field v : fields(f.bytes())) {
                    value = switch (v.number()) {
                        case 1 -> text(v.bytes());
                        case 2 -> v.value() != 0;
                        case 3 -> v.value();
                        case 4 -> Double.longBitsToDouble(v.value());
                        default -> "(not read)";
                    };
                }
            }
        }
        if (key != null) {
            into.put(key, value);
        }
    }

    /** ExportMetricsServiceRequest → ResourceMetrics (1) → ScopeMetrics (2) → Metric (2) → name (1). */
    private static List<String> metrics(byte[] request) {
        List<String> names = new ArrayList<>();
        for (byte[] resourceMetrics : all(request, 1)) {
            for (byte[] scopeMetrics : all(resourceMetrics, 2)) {
                for (byte[] metric : all(scopeMetrics, 2)) {
                    all(metric, 1).forEach(n -> names.add(text(n)));
                }
            }
        }
        return names;
    }
}
