package org.eventcore.jsonb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventcore.EventSerializationException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonbStateSerializerTest {

    public record Line(String text, long cents) {}

    public record Ledger(String owner, long balance, List<Line> lines, Map<String, Long> byTag, Set<String> seen) {}

    private final JsonbStateSerializer json = JsonbStateSerializer.create();

    @Test
    void a_state_reads_back_equal_with_its_collections_unmodifiable_again() {
        Map<String, Long> byTag = new LinkedHashMap<>();
        byTag.put("rent", -900L);
        byTag.put("salary", 3000L);
        Ledger state = new Ledger(
                "Zoë ✓",
                2100,
                List.of(new Line("rent", -900), new Line("salary", 3000)),
                Map.copyOf(byTag),
                Set.of("a", "b"));
        Ledger back = json.deserialize(json.serialize(state), Ledger.class);
        assertThat(back).isEqualTo(state);
        assertThat(back.lines().getClass().getName()).startsWith("java.util.ImmutableCollections$");
        assertThat(back.byTag().getClass().getName()).startsWith("java.util.Collections$Unmodifiable");
        assertThat(back.seen().getClass().getName()).startsWith("java.util.Collections$Unmodifiable");
        assertThatThrownBy(() -> back.lines().add(new Line("x", 1))).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void lists_read_back_in_their_stored_order_and_sets_and_maps_with_their_elements() {
        Set<String> seen = new LinkedHashSet<>(List.of("c", "a", "b"));
        Map<String, Long> byTag = new LinkedHashMap<>();
        byTag.put("z", 1L);
        byTag.put("a", 2L);
        List<Line> lines = new ArrayList<>(List.of(new Line("2", 2), new Line("1", 1)));
        Ledger back = json.deserialize(json.serialize(new Ledger("o", 0, lines, byTag, seen)), Ledger.class);
        // JSON-B reads a Set into a HashSet and a Map into a HashMap: the elements are kept, their order is JSON-B's
        assertThat(back.seen()).containsExactlyInAnyOrder("c", "a", "b");
        assertThat(back.byTag()).containsExactlyInAnyOrderEntriesOf(byTag);
        assertThat(back.lines()).extracting(Line::text).containsExactly("2", "1");
    }

    @Test
    void data_that_is_not_a_state_of_the_class_is_refused_with_EC1517() {
        for (String bad : new String[] {"not json", "null", "[1,2]"}) {
            assertThatThrownBy(() -> json.deserialize(bad.getBytes(StandardCharsets.UTF_8), Ledger.class))
                    .as(bad)
                    .isInstanceOf(EventSerializationException.class)
                    .hasMessageStartingWith(
                            "EC1517 A snapshot could not be read back into the state " + Ledger.class.getName());
        }
    }
}
