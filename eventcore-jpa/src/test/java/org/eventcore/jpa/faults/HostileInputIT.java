package org.eventcore.jpa.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.eventcore.CommandId;
import org.eventcore.EventId;
import org.eventcore.EventMetadata;
import org.eventcore.EventSerializationException;
import org.eventcore.GlobalPosition;
import org.eventcore.InvalidStreamIdException;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.jpa.HostileSamples;
import org.eventcore.jpa.JpaEventStore;
import org.eventcore.jpa.TestDatabases;
import org.eventcore.spi.AppendRequest;
import org.eventcore.spi.PendingEvent;
import org.eventcore.spi.StreamRead;
import org.eventcore.testkit.contract.ContractEvent;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Generated hostile input through the JPA store on PostgreSQL, at the fault suite's size (CI 3,000
 * inputs, the full run 100,000): stream ids, custom metadata and users, stored payload and metadata
 * JSON, command ids and log positions. Each input is refused with the error code of its kind, or
 * stored and read back exactly (found by its command id, read from its position); no other exception,
 * and the store works on afterwards. The seed is printed ({@code -Deventcore.hostile.seed} replays a
 * run) and named in every failure.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class HostileInputIT {

    private static final int BATCH = 50;

    private static final String CONTRACT_TYPE = "eventcore.testkit.ContractEvent";

    private final long seed = Long.getLong("eventcore.hostile.seed", System.nanoTime());
    private final Random random = new Random(seed);
    private final Map<String, Map<String, Long>> outcomes = new TreeMap<>();

    private void count(String kind, String outcome) {
        outcomes.computeIfAbsent(kind, k -> new TreeMap<>()).merge(outcome, 1L, Long::sum);
    }

    @Test
    void generated_hostile_input_of_every_kind_is_refused_with_its_code_or_stored_and_read_back_exactly()
            throws Exception {
        String url = TestDatabases.createDatabase();
        long started = System.nanoTime();
        System.out.println("HostileInputIT seed " + seed + " (replay with -Deventcore.hostile.seed=" + seed + ")");
        try (Ledger ledger = Ledger.connect(url, 2)) {
            JpaEventStore store = ledger.store;
            streamIds(store, FaultReport.scale(1_000, 40_000));
            metadata(store, FaultReport.scale(500, 20_000));
            storedJson(url, store, FaultReport.scale(500, 20_000));
            commandIds(store, FaultReport.scale(500, 10_000));
            positions(url, store, FaultReport.scale(500, 10_000));

            // the store works on: a plain append and read
            StreamId after = StreamId.of("after-hostile-input");
            CommandId last = CommandId.generate();
            append(store, last, Map.of(after, 0L), List.of(pending(after, new ContractEvent("ok", 1), last)));
            assertThat(store.read(Set.of(after)).get(after).events()).hasSize(1);
        }
        long inputs = outcomes.values().stream()
                .flatMap(m -> m.values().stream())
                .mapToLong(Long::longValue)
                .sum();
        long seconds = TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started);
        FaultReport.row(
                "Generated hostile input through the store: stream ids, custom metadata and users, stored payload"
                        + " and metadata JSON, command ids, log positions (HostileInputIT, seed " + seed + ")",
                inputs,
                inputs + " inputs in " + seconds + " s: " + outcomes,
                "each refused with its code (EC1001 stream id, EC1006 metadata, EC1005 command id, EC1004 position;"
                        + " a stored row that cannot be read: EC3202 or EC3203 naming the event, its stream and version) or"
                        + " stored and read back exactly (id, payload, metadata, by command id, from its position);"
                        + " no other exception; the store works on",
                "held");
    }

    // ---------------------------------------------------------------- stream ids

    private void streamIds(JpaEventStore store, int total) {
        for (int done = 0; done < total; done += BATCH) {
            Map<String, StreamId> valid = new LinkedHashMap<>();
            int validInputs = 0; // a repeated id is one stream, and two inputs
            for (int i = 0; i < BATCH; i++) {
                String raw = hostileText();
                try {
                    valid.put(raw, StreamId.of(raw));
                    validInputs++;
                } catch (InvalidStreamIdException e) {
                    assertThat(e.getMessage()).as(replay(raw)).startsWith("EC1001 Invalid stream id");
                    count("stream ids", "refused EC1001");
                }
            }
            if (valid.isEmpty()) {
                continue;
            }
            Set<StreamId> ids = Set.copyOf(valid.values());
            Map<StreamId, StreamRead> before = store.read(ids);
            Map<StreamId, Long> expected = new HashMap<>();
            List<PendingEvent> events = new ArrayList<>();
            CommandId command = CommandId.generate();
            for (StreamId id : ids) {
                long version = before.get(id).version().value();
                expected.put(id, version);
                events.add(pending(id, new ContractEvent(id.value(), version + 1), command));
            }
            append(store, command, expected, events);
            Map<StreamId, StreamRead> after = store.read(ids);
            for (StreamId id : ids) {
                List<StoredEvent<Object>> read = after.get(id).events();
                StoredEvent<Object> last = read.get(read.size() - 1);
                assertThat(last.streamId().value()).as(replay(id.value())).isEqualTo(id.value());
                assertThat(last.payload())
                        .as(replay(id.value()))
                        .isEqualTo(new ContractEvent(id.value(), expected.get(id) + 1));
                assertThat(after.get(id).version().value()).isEqualTo(expected.get(id) + 1);
            }
            for (int i = 0; i < validInputs; i++) {
                count("stream ids", "stored, read back exactly");
            }
        }
    }

    // ---------------------------------------------------------------- metadata

    private void metadata(JpaEventStore store, int total) {
        for (int done = 0; done < total; done += BATCH) {
            CommandId command = CommandId.generate();
            Map<StreamId, EventMetadata> written = new LinkedHashMap<>();
            for (int i = 0; i < BATCH; i++) {
                String key = hostileText();
                String value = hostileText();
                boolean asUser = random.nextInt(4) == 0;
                EventMetadata metadata = EventMetadata.of("hostile-metadata", command, Instant.now());
                try {
                    metadata = asUser ? metadata.withUser(value) : metadata.with(key, value);
                } catch (IllegalArgumentException e) {
                    assertThat(e.getMessage()).as(replay(key + " = " + value)).startsWith("EC1006 ");
                    count("metadata", "refused EC1006");
                    continue;
                }
                written.put(StreamId.of("hostile-metadata-" + UUID.randomUUID()), metadata);
            }
            if (written.isEmpty()) {
                continue;
            }
            Map<StreamId, Long> expected = new HashMap<>();
            List<PendingEvent> events = new ArrayList<>();
            written.forEach((id, metadata) -> {
                expected.put(id, 0L);
                events.add(new PendingEvent(EventId.generate(), id, new ContractEvent("m", 1), metadata));
            });
            append(store, command, expected, events);
            Map<StreamId, StreamRead> read = store.read(written.keySet());
            written.forEach((id, metadata) -> {
                EventMetadata stored = read.get(id).events().get(0).metadata();
                assertThat(stored.custom()).as(replay(metadata.toString())).isEqualTo(metadata.custom());
                assertThat(stored.user()).as(replay(metadata.toString())).isEqualTo(metadata.user());
                count("metadata", "stored, read back exactly");
            });
        }
    }

    // ---------------------------------------------------------------- stored JSON

    /**
     * Rows written by hand, as a corrupt or forged row would look: payload JSON (valid, mutated,
     * truncated, deeply nested, wrong types, bytes that are not UTF-8) and custom metadata JSON.
     */
    private void storedJson(String url, JpaEventStore store, int total) throws Exception {
        try (Connection admin = TestDatabases.adminConnection(url)) {
            for (int done = 0; done < total; done += BATCH) {
                Map<StreamId, ContractEvent> rows = new LinkedHashMap<>();
                Map<StreamId, String> described = new HashMap<>();
                try (PreparedStatement insert = admin.prepareStatement("insert into ec_events (global_position,"
                        + " tx_id, event_id, stream_id, stream_version, event_type, type_revision, payload,"
                        + " correlation_id, causation_id, recorded_at, custom_metadata) values"
                        + " (nextval('ec_event_position_seq'), cast(cast(pg_current_xact_id() as text) as bigint),"
                        + " ?, ?, 1, ?, 1, ?, 'c', 'forged', now(), ?)")) {
                    for (int i = 0; i < BATCH; i++) {
                        StreamId id = StreamId.of("hostile-json-" + UUID.randomUUID());
                        ContractEvent intended = new ContractEvent(jsonSafeText(), random.nextInt());
                        byte[] payload;
                        boolean exact = random.nextInt(4) == 0;
                        if (exact) {
                            payload = json(intended).getBytes(StandardCharsets.UTF_8);
                            rows.put(id, intended);
                        } else {
                            payload = mutatedJson(intended);
                            rows.put(id, null);
                        }
                        String metadata = random.nextInt(5) == 0 ? hostileMetadataJson() : "{}";
                        if (!metadata.equals("{}")) {
                            rows.put(id, null);
                        }
                        described.put(
                                id,
                                new String(payload, 0, Math.min(payload.length, 200), StandardCharsets.UTF_8)
                                        + " metadata " + abbreviate(metadata));
                        insert.setString(1, EventId.generate().toString());
                        insert.setString(2, id.value());
                        insert.setString(3, CONTRACT_TYPE);
                        insert.setBytes(4, payload);
                        insert.setString(5, metadata);
                        insert.addBatch();
                    }
                    insert.executeBatch();
                }
                for (Map.Entry<StreamId, ContractEvent> row : rows.entrySet()) {
                    StreamId id = row.getKey();
                    List<StoredEvent<Object>> read;
                    try {
                        read = store.read(Set.of(id)).get(id).events();
                    } catch (EventSerializationException e) {
                        assertThat(row.getValue())
                                .as("%s: a valid row was refused: %s", replay(described.get(id)), e.getMessage())
                                .isNull();
                        assertThat(e.getMessage())
                                .as("%s: %s", replay(described.get(id)), abbreviate(e.getMessage()))
                                .contains("stream " + id)
                                .containsPattern("EC[0-9]{4}");
                        count("stored JSON", "refused " + e.getMessage().substring(0, 6));
                        continue;
                    }
                    if (row.getValue() != null) {
                        assertThat(read.get(0).payload())
                                .as(replay(described.get(id)))
                                .isEqualTo(row.getValue());
                        count("stored JSON", "read back exactly");
                    } else {
                        assertThat(read.get(0).payload())
                                .as(replay(described.get(id)))
                                .isInstanceOf(ContractEvent.class);
                        count("stored JSON", "mutated but readable");
                    }
                }
            }
        }
    }

    private String json(ContractEvent event) {
        return "{\"text\":\"" + escape(event.text()) + "\",\"number\":" + event.number() + "}";
    }

    private byte[] mutatedJson(ContractEvent event) {
        String valid = json(event);
        String text;
        switch (random.nextInt(14)) {
            case 0 -> text = valid.substring(0, random.nextInt(valid.length())); // truncated
            case 1 ->
                text = "{\"text\":" + "[".repeat(1 + random.nextInt(100_000)) + "]".repeat(random.nextInt(3)) + "}";
            case 2 ->
                text = "{\"text\":\"a\",\"number\":"
                        + pick(
                                "9223372036854775808",
                                "1e999",
                                "-0",
                                "1.5",
                                "\"7\"",
                                "true",
                                "null",
                                "[]",
                                "{}",
                                "0x10",
                                "NaN")
                        + "}";
            case 3 ->
                text = "{\"text\":" + pick("1", "true", "null", "[\"a\"]", "{\"a\":1}", "\"\\ud800\"")
                        + ",\"number\":1}";
            case 4 -> text = "{\"text\":\"a\",\"text\":\"b\",\"number\":1}";
            case 5 -> text = "{\"number\":1}";
            case 6 -> text = "{\"text\":\"a\",\"number\":1,\"extra\":" + valid + "}";
            case 7 -> text = pick("null", "[]", "\"text\"", "1", "", " ", "{", "}", "\ufeff" + valid);
            case 8 -> {
                byte[] bytes = valid.getBytes(StandardCharsets.UTF_8);
                bytes[random.nextInt(bytes.length)] = (byte) (0x80 + random.nextInt(0x80)); // not UTF-8
                return bytes;
            }
            case 9 -> text = valid.replace("\"text\"", "\"te\\u0000xt\"");
            case 10 -> text = "{\"text\":\"" + "\\".repeat(1 + random.nextInt(5)) + "\",\"number\":1}";
            case 11 ->
                text = "{\"@type\":\"java.lang.ProcessBuilder\",\"command\":[\"id\"],\"text\":\"a\",\"number\":1}";
            case 12 -> text = valid + valid;
            default -> {
                StringBuilder b = new StringBuilder(valid);
                for (int i = 0; i < 1 + random.nextInt(3); i++) {
                    b.setCharAt(random.nextInt(b.length()), (char) random.nextInt(128));
                }
                text = b.toString();
            }
        }
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private String hostileMetadataJson() {
        return pick(
                "null",
                "[]",
                "{\"k\":1}",
                "{\"k\":{\"nested\":true}}",
                "{\"" + escape(hostileText()) + "\":\"" + escape(hostileText()) + "\"}",
                "{\"k\":\"" + "v".repeat(5_000) + "\"}",
                "{\"a\":\"1\",\"a\":\"2\"}",
                "{\"k\":\"\\ud800\"}");
    }

    // ---------------------------------------------------------------- command ids

    private void commandIds(JpaEventStore store, int total) {
        Map<String, StreamId> used = new HashMap<>();
        for (int i = 0; i < total; i++) {
            String raw = random.nextBoolean() ? hostileText() : "cmd-" + hostileText();
            CommandId id;
            try {
                id = CommandId.of(raw);
            } catch (IllegalArgumentException e) {
                assertThat(e.getMessage()).as(replay(raw)).startsWith("EC1005 Invalid command id");
                count("command ids", "refused EC1005");
                continue;
            }
            StreamId stream = used.get(raw);
            if (stream == null) {
                stream = StreamId.of("hostile-command-" + UUID.randomUUID());
                append(store, id, Map.of(stream, 0L), List.of(pending(stream, new ContractEvent(raw, 1), id)));
                used.put(raw, stream);
            }
            List<StoredEvent<Object>> found = store.eventsOf(id)
                    .orElseThrow(() -> new AssertionError(replay(raw) + ": a stored command not found by its id"));
            assertThat(found).as(replay(raw)).hasSize(1);
            assertThat(found.get(0).streamId()).as(replay(raw)).isEqualTo(stream);
            assertThat(found.get(0).payload()).as(replay(raw)).isEqualTo(new ContractEvent(raw, 1));
            count("command ids", "stored, found by its id");
        }
    }

    // ---------------------------------------------------------------- positions

    private void positions(String url, JpaEventStore store, int total) throws Exception {
        // a position is (transaction id, sequence): real ones of the log, so that a read starts anywhere in it
        List<GlobalPosition> stored = new ArrayList<>();
        try (Connection admin = TestDatabases.adminConnection(url);
                java.sql.Statement s = admin.createStatement();
                java.sql.ResultSet r = s.executeQuery("select tx_id, global_position from ec_events")) {
            while (r.next()) {
                stored.add(GlobalPosition.of(r.getLong(1), r.getLong(2)));
            }
        }
        for (int i = 0; i < total; i++) {
            GlobalPosition position;
            String raw;
            if (random.nextInt(3) == 0) {
                long epoch = edgeNumber();
                long offset = edgeNumber();
                raw = "of(" + epoch + ", " + offset + ")";
                try {
                    position = GlobalPosition.of(epoch, offset);
                } catch (IllegalArgumentException e) {
                    assertThat(e.getMessage()).as(replay(raw)).startsWith("EC1004 ");
                    count("positions", "refused EC1004");
                    continue;
                }
            } else {
                raw = positionText(stored.get(random.nextInt(stored.size())));
                try {
                    position = GlobalPosition.decode(raw);
                } catch (IllegalArgumentException e) {
                    assertThat(e.getMessage()).as(replay(raw)).startsWith("EC1004 ");
                    count("positions", "refused EC1004");
                    continue;
                }
                assertThat(position.encode()).as(replay(raw)).isEqualTo(raw);
            }
            List<StoredEvent<Object>> read;
            try {
                read = store.readLog(position, 3);
            } catch (EventSerializationException e) {
                // the log holds the forged rows written above: reading from before one of them meets it
                assertThat(e.getMessage()).as(replay(raw)).contains("hostile-json-");
                count("positions", "read, met a forged row (named)");
                continue;
            }
            GlobalPosition previous = position;
            for (StoredEvent<Object> event : read) {
                assertThat(event.position()).as(replay(raw)).isGreaterThan(previous);
                previous = event.position();
            }
            count("positions", read.isEmpty() ? "read, nothing after it" : "read, events after it in order");
        }
    }

    private long edgeNumber() {
        return switch (random.nextInt(6)) {
            case 0 -> Long.MIN_VALUE + random.nextInt(3);
            case 1 -> Long.MAX_VALUE - random.nextInt(3);
            case 2 -> -1 - random.nextInt(1_000);
            case 3 -> 0;
            default -> random.nextInt(100_000);
        };
    }

    /** Text near {@code stored}, a position of the log: itself, its neighbours, and hostile variants. */
    private String positionText(GlobalPosition stored) {
        long near = Math.max(0, stored.offset() + random.nextInt(5) - 2);
        long epoch = Math.max(0, stored.epoch() + random.nextInt(3) - 1);
        return switch (random.nextInt(8)) {
            case 0 -> Long.toString(near);
            case 1, 4 -> epoch + "." + near;
            case 2 ->
                pick(
                        "",
                        " ",
                        "-1",
                        "+1",
                        "01",
                        "1.",
                        ".1",
                        "1..2",
                        "1.2.3",
                        "0x10",
                        "1e3",
                        "NaN",
                        "\u0663",
                        "9223372036854775807",
                        "9223372036854775808",
                        "18446744073709551616",
                        "1 ",
                        " 1",
                        "1\u0000");
            case 3 -> near + "." + hostileText();
            default -> hostileText();
        };
    }

    // ---------------------------------------------------------------- generators

    /** Hostile text: random code points of every kind, syntax of SQL, arrays, JSON and markup, edge lengths. */
    private String hostileText() {
        return switch (random.nextInt(7)) {
            case 0 -> randomCodePoints(random.nextInt(300));
            case 1 -> randomFrom("'\";\\-%_*/()$:?{},[]<>&\u0000\t\r\n ", 1 + random.nextInt(40));
            case 2 -> HostileSamples.TEXTS.get(random.nextInt(HostileSamples.TEXTS.size()));
            case 3 -> "x".repeat(pick(127, 128, 129, 254, 255, 256, 4_095, 4_096, 4_097, 10_240));
            case 4 -> randomCodePoints(1 + random.nextInt(20)) + "-" + UUID.randomUUID();
            case 5 -> "account-" + random.nextInt(1_000) + randomFrom("'\"\\{}", random.nextInt(3));
            default -> randomCodePoints(1 + random.nextInt(5)).repeat(1 + random.nextInt(60));
        };
    }

    /** Text that a JSON string holds after escaping: any valid Unicode. */
    private String jsonSafeText() {
        String text = randomCodePoints(random.nextInt(80));
        return text.codePoints().anyMatch(c -> c >= 0xD800 && c <= 0xDFFF) ? "plain" : text;
    }

    private String randomCodePoints(int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            int c = switch (random.nextInt(6)) {
                case 0 -> random.nextInt(0x20); // controls and NUL
                case 1 -> 0xD800 + random.nextInt(0x800); // a lone surrogate
                case 2 -> 0x10000 + random.nextInt(0x100000 - 0x10000); // supplementary
                case 3 -> 0x80 + random.nextInt(0x780);
                default -> 0x20 + random.nextInt(0x5f);
            };
            b.appendCodePoint(c);
        }
        return b.toString();
    }

    private String randomFrom(String chars, int count) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < count; i++) {
            b.append(chars.charAt(random.nextInt(chars.length())));
        }
        return b.toString();
    }

    @SafeVarargs
    private <T> T pick(T... choices) {
        return choices[random.nextInt(choices.length)];
    }

    private static String escape(String text) {
        StringBuilder b = new StringBuilder();
        for (char c : text.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static PendingEvent pending(StreamId stream, Object payload, CommandId command) {
        return new PendingEvent(
                EventId.generate(), stream, payload, EventMetadata.of("hostile-input", command, Instant.now()));
    }

    private static void append(
            JpaEventStore store, CommandId command, Map<StreamId, Long> expected, List<PendingEvent> events) {
        Map<StreamId, StreamVersion> versions = new HashMap<>();
        expected.forEach((id, v) -> versions.put(id, StreamVersion.of(v)));
        store.append(new AppendRequest(command, versions, events));
    }

    private String replay(String input) {
        return "seed " + seed + ", input " + abbreviate(input);
    }

    /** At most 200 characters, controls and surrogates escaped, so that a report shows them. */
    private static String abbreviate(String text) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < text.length() && i < 200; i++) {
            char c = text.charAt(i);
            if (c < 0x20 || c == 0x7f || Character.isSurrogate(c)) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return text.length() <= 200 ? b.toString() : b + "... (" + text.length() + " chars)";
    }
}
