package org.eventcore.testkit.contract;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.eventcore.GlobalPosition;
import org.eventcore.StreamId;
import org.eventcore.StreamVersion;
import org.eventcore.spi.Snapshot;
import org.eventcore.spi.SnapshotStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * Contract: snapshots of cached command states are kept exactly, one per key, the later one of the same
 * revisions winning. Extend it with a method that returns the snapshot store under test:
 *
 * <pre>{@code
 * class JpaSnapshotsIT extends SnapshotStoreContract<JpaSnapshotStore> {
 *     protected JpaSnapshotStore newSnapshotStore() { return JpaSnapshotStore.create(jpa, settings); }
 * }
 * }</pre>
 *
 * @param <S> the snapshot store type
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
public abstract class SnapshotStoreContract<S extends SnapshotStore> {

    /** The store under test, new for every test. */
    protected S snapshots;

    private String prefix;

    /** Returns a snapshot store (keys used by the tests are unique per test). */
    protected abstract S newSnapshotStore();

    @BeforeEach
    void setUpStore() {
        snapshots = newSnapshotStore();
        prefix = "org.example.Command" + System.nanoTime();
    }

    private String key(String... streams) {
        StringBuilder key = new StringBuilder(prefix);
        for (String s : streams) {
            key.append('\n').append(s);
        }
        return key.toString();
    }

    private static Snapshot snapshot(String key, long position, int foldRevision, String fingerprint, String state) {
        Map<StreamId, StreamVersion> versions = new LinkedHashMap<>();
        String[] lines = key.split("\n");
        for (int i = 1; i < lines.length; i++) {
            versions.put(StreamId.of(lines[i]), StreamVersion.of(position + i));
        }
        return new Snapshot(
                key,
                versions,
                GlobalPosition.of(position, 3),
                foldRevision,
                1,
                fingerprint,
                position * 2,
                state.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void a_key_never_saved_has_no_snapshot() {
        assertThat(snapshots.load(key("account-1"))).isEmpty();
    }

    @Test
    void a_saved_snapshot_is_loaded_exactly() {
        String key = key("account-1", "account-2");
        Snapshot saved = snapshot(key, 41, 2, "f".repeat(64), "{\"balance\":42,\"name\":\"Zoë ✓\"}");
        snapshots.save(saved);
        assertThat(snapshots.load(key)).contains(saved);
        assertThat(snapshots.load(key).orElseThrow().commandType()).isEqualTo(prefix);
    }

    @Test
    void any_bytes_of_state_are_kept_exactly() {
        String key = key("account-1");
        byte[] state = new byte[4096];
        for (int i = 0; i < state.length; i++) {
            state[i] = (byte) i;
        }
        Snapshot saved = new Snapshot(
                key, Map.of(StreamId.of("account-1"), StreamVersion.of(9)), GlobalPosition.of(9), 1, 1, "x", 9, state);
        snapshots.save(saved);
        assertThat(snapshots.load(key).orElseThrow().state()).isEqualTo(state);
    }

    @Test
    void a_later_snapshot_replaces_an_earlier_one_and_an_earlier_one_does_not_replace_a_later() {
        String key = key("account-1");
        snapshots.save(snapshot(key, 10, 1, "types", "ten"));
        snapshots.save(snapshot(key, 20, 1, "types", "twenty"));
        assertThat(snapshots.load(key).orElseThrow().lastPosition()).isEqualTo(GlobalPosition.of(20, 3));
        snapshots.save(snapshot(key, 15, 1, "types", "fifteen"));
        assertThat(new String(snapshots.load(key).orElseThrow().state(), StandardCharsets.UTF_8))
                .as("two nodes saving at once: the later state stays")
                .isEqualTo("twenty");
    }

    @Test
    void a_snapshot_of_another_revision_or_registry_replaces_the_stored_one_whatever_its_position() {
        String key = key("account-1");
        snapshots.save(snapshot(key, 20, 1, "types", "old fold"));
        snapshots.save(snapshot(key, 5, 2, "types", "new fold"));
        assertThat(snapshots.load(key).orElseThrow().foldRevision()).isEqualTo(2);
        snapshots.save(snapshot(key, 4, 2, "other types", "new registry"));
        assertThat(snapshots.load(key).orElseThrow().fingerprint()).isEqualTo("other types");
    }

    @Test
    void keys_are_kept_apart_also_when_long() {
        List<String> many = new ArrayList<>();
        for (int i = 0; i < 300; i++) {
            many.add("stream-" + "x".repeat(40) + "-" + i);
        }
        String longKey = key(many.toArray(new String[0]));
        String shortKey = key("account-1");
        snapshots.save(snapshot(longKey, 7, 1, "types", "long"));
        snapshots.save(snapshot(shortKey, 8, 1, "types", "short"));
        assertThat(snapshots.load(longKey).orElseThrow().versions()).hasSize(300);
        assertThat(new String(snapshots.load(shortKey).orElseThrow().state(), StandardCharsets.UTF_8))
                .isEqualTo("short");
        assertThat(snapshots.load(key("account-2"))).isEmpty();
    }
}
