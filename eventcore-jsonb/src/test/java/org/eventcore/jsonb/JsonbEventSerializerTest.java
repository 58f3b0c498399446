package org.eventcore.jsonb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.json.bind.JsonbException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.eventcore.CommandId;
import org.eventcore.EventMetadata;
import org.eventcore.EventSerializationException;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.serialization.SerializedEvent;
import org.eventcore.serialization.ShopEvents.Address;
import org.eventcore.serialization.ShopEvents.Customer;
import org.eventcore.serialization.ShopEvents.Line;
import org.eventcore.serialization.ShopEvents.OrderPlaced;
import org.eventcore.serialization.ShopEvents.PaymentReceived;
import org.eventcore.serialization.ShopEvents.PaymentRefunded;
import org.eventcore.serialization.ShopEvents.ShopEvent;
import org.eventcore.serialization.ShopEvents.Unnamed;
import org.eventcore.serialization.UnknownEventTypeException;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class JsonbEventSerializerTest {

    static final EventTypeRegistry REGISTRY =
            EventTypeRegistry.builder().registerSealed(ShopEvent.class).build();

    static final EventMetadata META =
            EventMetadata.of("corr-1", CommandId.generate(), java.time.Instant.parse("2026-01-02T03:04:05Z"));

    final JsonbEventSerializer serializer = JsonbEventSerializer.create(REGISTRY);

    static OrderPlaced order() {
        return new OrderPlaced(
                "order-1",
                new Customer("Zoë \"the\" Ørsted \\ 😀 日本", new Address("Hauptstraße 1; DROP", "Zürich")),
                List.of(new Line("sku-1", 2), new Line("sku-\u00e9", 1)));
    }

    static String json(SerializedEvent event) {
        return new String(event.data(), StandardCharsets.UTF_8);
    }

    @Test
    void a_record_with_nested_records_and_unusual_text_round_trips_to_an_equal_value() {
        OrderPlaced original = order();

        SerializedEvent serialized = serializer.serialize(original);
        Object back = serializer.deserialize(serialized, META);

        assertThat(serialized.type()).isEqualTo("shop.OrderPlaced");
        assertThat(serialized.revision()).isEqualTo(2);
        assertThat(back).isEqualTo(original).isNotSameAs(original);
    }

    @Test
    void the_payload_is_utf_8_json_of_the_fields_without_any_class_name() {
        SerializedEvent serialized = serializer.serialize(new PaymentReceived("o-1", 250));

        assertThat(json(serialized)).isEqualTo("{\"cents\":250,\"orderId\":\"o-1\"}");
        assertThat(json(serializer.serialize(order())))
                .contains("Zoë")
                .contains("😀")
                .doesNotContain("ShopEvents")
                .doesNotContain("org.eventcore");
    }

    @Test
    void equal_payloads_serialize_to_identical_bytes() {
        SerializedEvent first = serializer.serialize(order());
        SerializedEvent second = JsonbEventSerializer.create(REGISTRY).serialize(order());

        assertThat(second.data()).isEqualTo(first.data());
        assertThat(second).isEqualTo(first);
    }

    @Test
    void an_unregistered_class_is_refused_with_EC1501() {
        assertThatThrownBy(() -> serializer.serialize(new Unnamed("o-1")))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageStartingWith("EC1501 Event class " + Unnamed.class.getName() + " is not registered");
    }

    @Test
    void an_unknown_stored_name_is_refused_with_EC1502() {
        SerializedEvent stored = SerializedEvent.of("shop.Removed", 1, "{}".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> serializer.deserialize(stored, META))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageStartingWith("EC1502 Unknown event type \"shop.Removed\" in storage");
    }

    @Test
    void corrupt_json_is_refused_with_EC1508_naming_type_revision_and_class() {
        SerializedEvent stored =
                SerializedEvent.of("shop.OrderPlaced", 2, "{\"orderId\": \"o-1\", ".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> serializer.deserialize(stored, META))
                .isInstanceOf(EventSerializationException.class)
                .isNotInstanceOf(UnknownEventTypeException.class)
                .hasMessageStartingWith(
                        "EC1508 Stored event of type shop.OrderPlaced (revision 2) cannot be read back as "
                                + OrderPlaced.class.getName() + ": ")
                .hasCauseInstanceOf(JsonbException.class);
    }

    @Test
    void text_with_an_unpaired_surrogate_is_refused_with_EC1511_instead_of_being_stored_changed() {
        assertThatThrownBy(() -> serializer.serialize(new PaymentRefunded("o-1", 5, "broken \ud800 text")))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith(
                        "EC1511 Event of type shop:payments.Refunded_v-1 contains text that is not valid"
                                + " Unicode (an unpaired surrogate U+D800 at index ");
        assertThat(json(serializer.serialize(new PaymentRefunded("o-1", 5, "paired \ud83d\ude00 is fine"))))
                .contains("\ud83d\ude00");
    }

    @Test
    void stored_bytes_that_are_not_utf_8_are_refused_with_EC1508_instead_of_being_read_changed() {
        byte[] data = "{\"orderId\":\"o-\u0000\",\"cents\":1}".getBytes(StandardCharsets.UTF_8);
        data[13] = (byte) 0xC3; // the start of a two-byte sequence, followed by a quote
        SerializedEvent stored = SerializedEvent.of("shop.PaymentReceived", 1, data);

        assertThatThrownBy(() -> serializer.deserialize(stored, META))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith(
                        "EC1508 Stored event of type shop.PaymentReceived (revision 1) is not valid" + " UTF-8 JSON");
    }

    @Test
    void json_null_is_refused_with_EC1508() {
        SerializedEvent stored = SerializedEvent.of("shop.PaymentReceived", 1, "null".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> serializer.deserialize(stored, META))
                .isInstanceOf(EventSerializationException.class)
                .hasMessage("EC1508 Stored event of type shop.PaymentReceived is JSON null, not an event");
    }

    @Test
    void a_payload_above_the_limit_is_refused_with_EC1506_giving_both_sizes() {
        int size = serializer.serialize(order()).size();
        JsonbEventSerializer limited = serializer.withMaxPayloadBytes(size - 1);

        assertThatThrownBy(() -> limited.serialize(order()))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith("EC1506 Event of type shop.OrderPlaced is " + size
                        + " bytes as JSON, more than the limit of " + (size - 1) + " bytes");
        assertThat(serializer.withMaxPayloadBytes(size).serialize(order()).size())
                .isEqualTo(size);
    }

    @Test
    void the_size_limit_counts_utf_8_bytes_not_characters() {
        PaymentReceived ascii = new PaymentReceived("aaaa", 1);
        PaymentReceived emoji = new PaymentReceived("😀😀", 1);
        int asciiSize = serializer.serialize(ascii).size();

        assertThat(serializer.serialize(emoji).size()).isEqualTo(asciiSize + 4);
        assertThatThrownBy(() -> serializer.withMaxPayloadBytes(asciiSize).serialize(emoji))
                .hasMessageStartingWith("EC1506");
    }

    @Test
    void the_default_limit_is_one_mebibyte_and_a_limit_below_one_is_refused_with_EC1510() {
        assertThat(serializer.maxPayloadBytes()).isEqualTo(1_048_576);
        assertThatThrownBy(() -> serializer.withMaxPayloadBytes(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1510 maxPayloadBytes must be at least 1, was 0");
    }

    @Test
    void a_stored_revision_newer_than_the_registered_one_is_refused_with_EC1507() {
        byte[] data = serializer.serialize(order()).data();

        assertThatThrownBy(() -> serializer.deserialize(SerializedEvent.of("shop.OrderPlaced", 3, data), META))
                .isInstanceOf(EventSerializationException.class)
                .hasMessage("EC1507 Stored event of type shop.OrderPlaced has revision 3, newer than revision 2 of "
                        + OrderPlaced.class.getName() + " that this release reads; a newer release of the"
                        + " application wrote it. Deploy a release that reads revision 3 (the class at that"
                        + " revision, or a read-ahead step) on every node before any node writes it");
    }

    @Test
    void an_older_stored_revision_is_read_with_the_current_class() {
        byte[] data = serializer.serialize(order()).data();

        assertThat(serializer.deserialize(SerializedEvent.of("shop.OrderPlaced", 1, data), META))
                .isEqualTo(order());
    }
}
