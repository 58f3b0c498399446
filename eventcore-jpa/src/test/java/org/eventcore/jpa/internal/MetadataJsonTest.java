package org.eventcore.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class MetadataJsonTest {

    @Test
    void hostile_keys_and_values_round_trip_exactly() {
        Map<String, String> map = Map.of(
                "quote\"key",
                "back\\slash",
                "line\nbreak",
                "tab\tand \u0001 control",
                "ünïcødé 🙂",
                "'; drop table x;--");
        String json = MetadataJson.encode(map);
        assertThat(MetadataJson.decode(json)).isEqualTo(map);
        assertThat(json).doesNotContain("\n").doesNotContain("\t");
    }

    @Test
    void encoding_is_sorted_by_key_and_stable() {
        assertThat(MetadataJson.encode(Map.of("b", "2", "a", "1"))).isEqualTo("{\"a\":\"1\",\"b\":\"2\"}");
        assertThat(MetadataJson.encode(Map.of())).isEqualTo("{}");
    }

    @Test
    void one_entry_round_trips_and_a_repeated_key_keeps_its_last_value() {
        String trace = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        String json = MetadataJson.encode(Map.of("traceparent", trace));
        assertThat(json).isEqualTo("{\"traceparent\":\"" + trace + "\"}");
        assertThat(MetadataJson.decode(json)).containsExactly(Map.entry("traceparent", trace));
        assertThat(MetadataJson.decode(" { \"a\" : \"1\" , \"a\":\"2\"} ")).containsExactly(Map.entry("a", "2"));
        assertThat(MetadataJson.decode("{\"b\":\"2\",\"a\":\"1\",\"b\":\"3\"}"))
                .containsExactly(Map.entry("a", "1"), Map.entry("b", "3"));
        assertThatThrownBy(() -> MetadataJson.decode("{\"a\":\"1\""))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("more text");
    }

    @Test
    void broken_json_is_refused_with_the_offset() {
        assertThatThrownBy(() -> MetadataJson.decode("{\"a\":1}"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("offset 5");
        assertThatThrownBy(() -> MetadataJson.decode("{\"a\":\"1\"} trailing"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("the end of the text");
        assertThatThrownBy(() -> MetadataJson.decode("{\"a\":\"\\uZZZZ\"}"))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
