package org.eventcore.testkit.scenario;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.Json;
import java.nio.charset.StandardCharsets;
import org.eventcore.EventSerializationException;
import org.eventcore.StreamId;
import org.eventcore.jsonb.JsonUpcaster;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.serialization.EventSerializer;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.serialization.SerializedEvent;
import org.eventcore.testkit.scenario.Increment.Incremented;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * A scenario given events in an older stored form: the command folds them as production would, after
 * the registry's upcasters.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class StoredFormScenarioTest {

    private final StreamId counter = StreamId.of("counter-1");

    /** Revision 1 called the field "amount"; revision 2 calls it "by". */
    private final EventSerializer serializer = JsonbEventSerializer.create(EventTypeRegistry.builder()
            .register("test.Incremented", 2, Incremented.class)
            .upcaster(JsonUpcaster.of(
                    "test.Incremented",
                    1,
                    json -> Json.createPatchBuilder()
                            .move("/by", "/amount")
                            .build()
                            .apply(json)))
            .build());

    private static SerializedEvent stored(int revision, String json) {
        return SerializedEvent.of("test.Incremented", revision, json.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void events_in_an_old_revision_are_upcast_before_the_command_folds_them() {
        CommandScenario.givenStored(counter, serializer, stored(1, "{\"amount\":4}"), stored(2, "{\"by\":5}"))
                .when(new Increment(counter, 2))
                .thenRejectedWith("would pass 10");

        CommandScenario.givenStored(counter, serializer, stored(1, "{\"amount\":4}"), stored(2, "{\"by\":5}"))
                .and(counter, new Incremented(0))
                .when(new Increment(counter, 1))
                .thenEmitted(counter, new Incremented(1))
                .thenNothingElse();
    }

    @Test
    void a_revision_newer_than_the_registry_reads_fails_the_setup_as_production_would() {
        assertThatThrownBy(() -> CommandScenario.givenStored(counter, serializer, stored(3, "{\"by\":1}")))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith("EC1507 Stored event of type test.Incremented has revision 3");
    }
}
