package org.eventcore.cdi.internal;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.enterprise.event.Event;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.lang.reflect.Type;
import java.util.List;
import org.eventcore.StoredEvent;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class EnvelopeTypesTest {

    sealed interface Shape permits Circle, Square {}

    record Circle(int r) implements Shape {}

    record Square(int side) implements Shape {}

    @SuppressWarnings({"unused", "rawtypes"})
    static <T extends Shape> void observers(
            StoredEvent<Circle> exact,
            StoredEvent<? extends Shape> family,
            StoredEvent<?> any,
            StoredEvent raw,
            StoredEvent<T> variable,
            StoredEvent<? super Circle> lower,
            StoredEvent<Shape> interfaceArgument,
            List<Circle> notAnEnvelope) {}

    private static Type parameter(int i) {
        Method m = java.util.Arrays.stream(EnvelopeTypesTest.class.getDeclaredMethods())
                .filter(x -> x.getName().equals("observers"))
                .findFirst()
                .orElseThrow();
        return m.getGenericParameterTypes()[i];
    }

    @Test
    void the_rules_are_cdis_for_an_event_of_type_StoredEvent_of_the_payload_class() {
        assertThat(EnvelopeTypes.hears(parameter(0), Circle.class)).isTrue();
        assertThat(EnvelopeTypes.hears(parameter(0), Square.class)).isFalse();
        assertThat(EnvelopeTypes.hears(parameter(1), Square.class)).isTrue();
        assertThat(EnvelopeTypes.hears(parameter(1), String.class)).isFalse();
        assertThat(EnvelopeTypes.hears(parameter(2), String.class)).isTrue();
        assertThat(EnvelopeTypes.hears(parameter(3), String.class)).isTrue();
        assertThat(EnvelopeTypes.hears(parameter(4), Square.class)).isTrue();
        assertThat(EnvelopeTypes.hears(parameter(4), String.class)).isFalse();
        assertThat(EnvelopeTypes.hears(parameter(5), Circle.class)).isTrue();
        assertThat(EnvelopeTypes.hears(parameter(5), Square.class)).isFalse();
        assertThat(EnvelopeTypes.hears(parameter(6), Circle.class))
                .as("CDI matches a type argument exactly")
                .isFalse();
        assertThat(EnvelopeTypes.isEnvelope(parameter(7))).isFalse();
    }

    @Test
    void an_observer_that_can_never_hear_an_event_is_named_with_the_fix() {
        assertThat(EnvelopeTypes.neverHeard(parameter(6)))
                .contains("StoredEvent<Shape>")
                .contains("is an interface")
                .contains("observe StoredEvent<? extends Shape>");
        assertThat(EnvelopeTypes.neverHeard(parameter(0))).isNull();
        assertThat(EnvelopeTypes.neverHeard(parameter(1))).isNull();
    }

    @Test
    void the_fired_type_equals_the_jdks_own_for_the_same_declaration() {
        Type declared = parameter(0);
        Type fired = EnvelopeTypes.envelopeOf(Circle.class);
        assertThat(fired).isEqualTo(declared).hasSameHashCodeAs(declared);
        assertThat(declared).isEqualTo(fired);
        assertThat(fired).hasToString("org.eventcore.StoredEvent<" + Circle.class.getName() + ">");
    }

    @Test
    @SuppressWarnings("unchecked")
    void an_event_that_is_not_welds_cannot_fire_envelopes() {
        Event<Object> other = (Event<Object>) Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {Event.class}, (proxy, method, args) -> null);
        assertThat(Envelopes.supported(other)).isFalse();
    }
}
