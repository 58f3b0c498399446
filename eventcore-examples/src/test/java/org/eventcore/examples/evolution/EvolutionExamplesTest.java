package org.eventcore.examples.evolution;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.eventcore.CommandId;
import org.eventcore.EventMetadata;
import org.eventcore.jsonb.JsonbEventSerializer;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.serialization.SerializedEvent;
import org.eventcore.serialization.UnknownEventTypeException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/** The worked examples of the manual's "Evolving events" page, each stored form read as the page says. */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EvolutionExamplesTest {

    static final EventMetadata META = EventMetadata.of("c", CommandId.generate(), Instant.EPOCH);

    final JsonbEventSerializer serializer = JsonbEventSerializer.create(EventTypeRegistry.builder()
            .register(MemberJoined.class)
            .upcasters(ClubUpcasters.all())
            .build());

    Object read(String type, int revision, String json) {
        return serializer.deserialize(SerializedEvent.of(type, revision, json.getBytes(StandardCharsets.UTF_8)), META);
    }

    @Test
    void the_first_release_s_form_goes_through_all_three_steps() {
        assertThat(read("club.SignedUp", 1, "{\"id\":\"m-1\",\"fullName\":\"Ada King Lovelace\",\"newsletter\":true}"))
                .isEqualTo(new MemberJoined("m-1", new MemberJoined.Name("Ada King", "Lovelace"), "basic", null));
    }

    @Test
    void each_later_form_goes_through_the_steps_after_it() {
        assertThat(read("club.MemberJoined", 2, "{\"id\":\"m-2\",\"fullName\":\"Grace\",\"newsletter\":false}"))
                .isEqualTo(new MemberJoined("m-2", new MemberJoined.Name("Grace", ""), "basic", null));
        assertThat(read("club.MemberJoined", 3, "{\"memberId\":\"m-3\",\"fullName\":\"Alan Turing\"}"))
                .isEqualTo(new MemberJoined("m-3", new MemberJoined.Name("Alan", "Turing"), "basic", null));
    }

    /** MemberJoined in the release before the referrer was added. */
    public record BeforeReferrer(String memberId, MemberJoined.Name name, String plan) {}

    @Test
    void an_added_optional_field_needs_no_step_in_either_direction() {
        String without = "{\"memberId\":\"m-4\",\"name\":{\"given\":\"E\",\"family\":\"N\"},\"plan\":\"gold\"}";
        String with = without.substring(0, without.length() - 1) + ",\"referrer\":\"m-1\"}";
        MemberJoined.Name name = new MemberJoined.Name("E", "N");

        assertThat(read("club.MemberJoined", 4, without)).isEqualTo(new MemberJoined("m-4", name, "gold", null));
        assertThat(read("club.MemberJoined", 4, with)).isEqualTo(new MemberJoined("m-4", name, "gold", "m-1"));
        // the release before the field reads the newer rows too: JSON-B skips the field it does not know
        JsonbEventSerializer before = JsonbEventSerializer.create(EventTypeRegistry.builder()
                .register("club.MemberJoined", 4, BeforeReferrer.class)
                .build());
        assertThat(before.deserialize(
                        SerializedEvent.of("club.MemberJoined", 4, with.getBytes(StandardCharsets.UTF_8)), META))
                .isEqualTo(new BeforeReferrer("m-4", name, "gold"));
    }

    @Test
    void a_retired_type_whose_class_is_gone_can_no_longer_be_read() {
        assertThatThrownBy(() -> read("club.NewsletterSent", 1, "{}"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageStartingWith("EC1502 Unknown event type \"club.NewsletterSent\"");
    }
}
