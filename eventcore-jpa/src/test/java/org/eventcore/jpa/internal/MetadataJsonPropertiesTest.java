package org.eventcore.jpa.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;

class MetadataJsonPropertiesTest {

    @Property(tries = 500)
    void any_map_of_strings_round_trips(@ForAll Map<String, String> map) {
        assertThat(MetadataJson.decode(MetadataJson.encode(map))).isEqualTo(map);
    }
}
