package org.eventcore.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.eventcore.EventSerializationException;
import org.eventcore.serialization.ShopEvents.Impostor;
import org.eventcore.serialization.ShopEvents.Incomplete;
import org.eventcore.serialization.ShopEvents.OrderPlaced;
import org.eventcore.serialization.ShopEvents.PaymentEvent;
import org.eventcore.serialization.ShopEvents.PaymentReceived;
import org.eventcore.serialization.ShopEvents.PaymentRefunded;
import org.eventcore.serialization.ShopEvents.ShopEvent;
import org.eventcore.serialization.ShopEvents.Unnamed;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EventTypeRegistryTest {

    @Test
    void register_takes_name_and_revision_from_the_event_type_annotation() {
        EventTypeRegistry registry =
                EventTypeRegistry.builder().register(OrderPlaced.class).build();

        assertThat(registry.entryOf(OrderPlaced.class))
                .isEqualTo(new EventTypeRegistry.Entry(OrderPlaced.class, "shop.OrderPlaced", 2));
        assertThat(registry.entryOf("shop.OrderPlaced").type()).isEqualTo(OrderPlaced.class);
    }

    @Test
    void register_sealed_finds_every_record_of_a_nested_sealed_hierarchy() {
        EventTypeRegistry registry =
                EventTypeRegistry.builder().registerSealed(ShopEvent.class).build();

        assertThat(registry.entries())
                .containsOnlyKeys("shop.OrderPlaced", "shop.PaymentReceived", "shop:payments.Refunded_v-1");
        assertThat(registry.entryOf(PaymentRefunded.class).revision()).isEqualTo(3);
        assertThat(registry.entryOf(PaymentReceived.class).revision()).isEqualTo(1);
    }

    @Test
    void register_sealed_refuses_a_type_that_is_not_sealed() {
        assertThatThrownBy(() -> EventTypeRegistry.builder().registerSealed(Unnamed.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1503 " + Unnamed.class.getName() + " is not sealed; register its classes one by one");
    }

    @Test
    void register_sealed_refuses_a_member_without_event_type() {
        assertThatThrownBy(() -> EventTypeRegistry.builder().registerSealed(Incomplete.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("EC1503 Event class " + ShopEvents.Anonymous.class.getName()
                        + " has no @EventType(name = ...)");
    }

    @Test
    void a_name_used_by_two_classes_is_refused_with_EC1504() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder().registerSealed(PaymentEvent.class);

        assertThatThrownBy(() -> builder.register(Impostor.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1504 Event type name \"shop.PaymentReceived\" is used by both "
                        + PaymentReceived.class.getName() + " and " + Impostor.class.getName());
    }

    @Test
    void a_class_registered_under_two_names_is_refused_with_EC1504() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder().register(PaymentReceived.class);

        assertThatThrownBy(() -> builder.register("shop.Other", 1, PaymentReceived.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1504 " + PaymentReceived.class.getName()
                        + " is registered twice, as \"shop.PaymentReceived\" and \"shop.Other\"");
    }

    @Test
    void registering_the_same_class_under_the_same_name_again_is_harmless() {
        EventTypeRegistry registry = EventTypeRegistry.builder()
                .register(PaymentReceived.class)
                .registerSealed(ShopEvent.class)
                .build();

        assertThat(registry.entries()).hasSize(3);
    }

    @Test
    void invalid_names_revisions_and_abstract_types_are_refused_with_EC1503() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder();

        assertThatThrownBy(() -> builder.register("has space", 1, Unnamed.class))
                .hasMessageStartingWith("EC1503 Invalid event type name \"has space\" for " + Unnamed.class.getName());
        assertThatThrownBy(() -> builder.register("x".repeat(201), 1, Unnamed.class))
                .hasMessageStartingWith("EC1503 Invalid event type name");
        assertThatThrownBy(() -> builder.register(null, 1, Unnamed.class))
                .hasMessageStartingWith("EC1503 Invalid event type name \"null\"");
        assertThatThrownBy(() -> builder.register("ok", 0, Unnamed.class))
                .hasMessage("EC1503 Revision of event type ok must be 1 or more, was 0");
        assertThatThrownBy(() -> builder.register("ok", 1, ShopEvent.class))
                .hasMessageStartingWith("EC1503 " + ShopEvent.class.getName() + " is abstract");
        assertThatThrownBy(() -> builder.register(Unnamed.class))
                .hasMessageStartingWith("EC1503 Event class " + Unnamed.class.getName() + " has no @EventType");
        assertThat(builder.register("x".repeat(200), 1, Unnamed.class).build().entries())
                .hasSize(1);
    }

    @Test
    void an_unregistered_class_is_an_unknown_event_type_EC1501() {
        EventTypeRegistry registry =
                EventTypeRegistry.builder().register(OrderPlaced.class).build();

        assertThatThrownBy(() -> registry.entryOf(Unnamed.class))
                .isInstanceOf(UnknownEventTypeException.class)
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith("EC1501 Event class " + Unnamed.class.getName() + " is not registered");
    }

    @Test
    void an_unknown_stored_name_is_an_unknown_event_type_EC1502_that_names_it() {
        EventTypeRegistry registry =
                EventTypeRegistry.builder().register(OrderPlaced.class).build();

        assertThatThrownBy(() -> registry.entryOf("shop.Gone"))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageStartingWith("EC1502 Unknown event type \"shop.Gone\" in storage")
                .hasMessageContaining("@EventType(name = \"shop.Gone\")");
    }

    @Test
    void the_built_registry_is_immutable_and_independent_of_its_builder() {
        EventTypeRegistry.Builder builder = EventTypeRegistry.builder().register(OrderPlaced.class);
        EventTypeRegistry registry = builder.build();
        builder.register(PaymentReceived.class);

        assertThat(registry.entries()).containsOnlyKeys("shop.OrderPlaced");
        assertThatThrownBy(() -> registry.entries().clear()).isInstanceOf(UnsupportedOperationException.class);
    }
}
