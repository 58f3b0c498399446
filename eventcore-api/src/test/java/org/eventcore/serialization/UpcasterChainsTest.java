package org.eventcore.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.eventcore.EventMetadata;
import org.eventcore.EventSerializationException;
import org.eventcore.serialization.ShopEvents.OrderPlaced;
import org.eventcore.serialization.ShopEvents.PaymentReceived;
import org.eventcore.serialization.ShopEvents.PaymentRefunded;
import org.junit.jupiter.api.DisplayNameGeneration;
import org.junit.jupiter.api.DisplayNameGenerator;
import org.junit.jupiter.api.Test;

/**
 * The chains of upcasters a registry checks when it is built, and the read paths it gives: which
 * steps run for a stored type and revision, in which order, and what is refused.
 */
@DisplayNameGeneration(DisplayNameGenerator.ReplaceUnderscores.class)
class UpcasterChainsTest {

    /** A step on text payloads that records its passage: enough to see which steps ran, in order. */
    record Mark(String type, int revision, String targetType) implements EventUpcaster<String> {
        Mark(String type, int revision) {
            this(type, revision, type);
        }

        @Override
        public Class<String> form() {
            return String.class;
        }

        @Override
        public String upcast(String payload, EventMetadata metadata) {
            return payload + ">" + targetType + "@" + (revision + 1);
        }
    }

    static EventTypeRegistry.Builder shop() {
        // shop.OrderPlaced at revision 2, shop.PaymentReceived at 1, shop:payments.Refunded_v-1 at 3
        return EventTypeRegistry.builder()
                .register(OrderPlaced.class)
                .register(PaymentReceived.class)
                .register(PaymentRefunded.class);
    }

    static List<String> steps(EventTypeRegistry.ReadPath path) {
        return path.steps().stream().map(EventUpcaster::describe).toList();
    }

    @Test
    void an_event_in_its_class_s_form_reads_without_steps_and_without_a_new_path() {
        EventTypeRegistry registry =
                shop().upcaster(new Mark("shop.OrderPlaced", 1)).build();

        EventTypeRegistry.ReadPath path = registry.readPath("shop.OrderPlaced", 2);

        assertThat(path.steps()).isEmpty();
        assertThat(path.target().type()).isEqualTo(OrderPlaced.class);
        assertThat(registry.readPath("shop.OrderPlaced", 2)).isSameAs(path);
    }

    @Test
    void a_chain_runs_its_steps_in_order_across_a_rename_and_the_old_name_keeps_resolving() {
        EventTypeRegistry registry = shop().upcaster(new Mark("shop.PaymentRefunded", 1, "shop:payments.Refunded_v-1"))
                .upcaster(new Mark("shop:payments.Refunded_v-1", 2))
                .build();

        EventTypeRegistry.ReadPath path = registry.readPath("shop.PaymentRefunded", 1);

        assertThat(path.target().type()).isEqualTo(PaymentRefunded.class);
        assertThat(steps(path))
                .containsExactly(
                        Mark.class.getName() + " (shop.PaymentRefunded 1 -> shop:payments.Refunded_v-1 2)",
                        Mark.class.getName() + " (shop:payments.Refunded_v-1 2 -> shop:payments.Refunded_v-1 3)");
        String payload = "p";
        for (EventUpcaster<?> step : path.steps()) {
            payload = ((Mark) step).upcast(payload, null);
        }
        assertThat(payload).isEqualTo("p>shop:payments.Refunded_v-1@2>shop:payments.Refunded_v-1@3");
        assertThat(registry.readPath("shop:payments.Refunded_v-1", 2).steps()).hasSize(1);
    }

    @Test
    void rename_and_compatible_steps_work_on_any_form_and_change_nothing() {
        EventUpcaster<Object> rename = EventUpcaster.rename("shop.Paid", 1, "shop.PaymentReceived");
        EventUpcaster<Object> same = EventUpcaster.compatible("shop.OrderPlaced", 1);

        assertThat(rename.form()).isEqualTo(Object.class);
        assertThat(rename.upcast("x", null)).isEqualTo("x");
        assertThat(EventUpcaster.describe(rename))
                .isEqualTo("rename shop.Paid to shop.PaymentReceived (shop.Paid 1 -> shop.PaymentReceived 2)");
        assertThat(EventUpcaster.describe(same))
                .isEqualTo("compatible shop.OrderPlaced (shop.OrderPlaced 1 -> shop.OrderPlaced 2)");
    }

    @Test
    void an_older_revision_of_a_type_without_upcasters_is_read_as_is() {
        EventTypeRegistry registry = shop().build();

        assertThat(registry.readPath("shop:payments.Refunded_v-1", 1).steps()).isEmpty();
        assertThat(registry.readPath("shop:payments.Refunded_v-1", 1).target().revision())
                .isEqualTo(3);
    }

    @Test
    void a_revision_newer_than_the_class_is_refused_with_EC1507_also_at_the_end_of_a_chain() {
        EventTypeRegistry registry =
                shop().upcaster(new Mark("shop.Ordered", 1, "shop.OrderPlaced")).build();

        assertThatThrownBy(() -> registry.readPath("shop.OrderPlaced", 3))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith("EC1507 Stored event of type shop.OrderPlaced has revision 3, newer than"
                        + " revision 2 of " + OrderPlaced.class.getName())
                .hasMessageContaining("Deploy a release that reads revision 3");
    }

    @Test
    void a_name_no_class_has_and_no_upcaster_reads_is_EC1502_and_an_unread_revision_of_an_upcast_name_is_EC1513() {
        EventTypeRegistry registry =
                shop().upcaster(new Mark("shop.Ordered", 1, "shop.OrderPlaced")).build();

        assertThatThrownBy(() -> registry.readPath("shop.Unknown", 1))
                .isInstanceOf(UnknownEventTypeException.class)
                .hasMessageStartingWith("EC1502 Unknown event type \"shop.Unknown\"");
        assertThatThrownBy(() -> registry.readPath("shop.Ordered", 5))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith("EC1513 Stored event of type shop.Ordered at revision 5 cannot be read: no"
                        + " upcaster reads shop.Ordered revision 5, newer than the revisions [1]");
        // a rename that arrives at the class's revision leaves the older revisions of the name read as is
        assertThat(registry.readPath("shop.OrderPlaced", 1).steps()).isEmpty();

        // a name whose history begins with a rename into it at revision 2 has no revision 1 of its own
        EventTypeRegistry renamedThenChanged = shop().upcaster(new Mark("shop.Refund", 1, "shop:payments.Refunded_v-1"))
                .upcaster(new Mark("shop:payments.Refunded_v-1", 2))
                .build();
        assertThatThrownBy(() -> renamedThenChanged.readPath("shop:payments.Refunded_v-1", 1))
                .isInstanceOf(EventSerializationException.class)
                .hasMessageStartingWith("EC1513 Stored event of type shop:payments.Refunded_v-1 at revision 1 cannot"
                        + " be read: no upcaster reads shop:payments.Refunded_v-1 revision 1 (upcasters read"
                        + " revisions [2]) and class " + PaymentRefunded.class.getName() + " is at revision 3");
    }

    @Test
    void two_upcasters_for_one_step_are_refused_naming_both() {
        assertThatThrownBy(() -> shop().upcaster(new Mark("shop.OrderPlaced", 1))
                        .upcaster(EventUpcaster.compatible("shop.OrderPlaced", 1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("EC1512 The upcasters of the event type registry do not form valid chains: two upcasters"
                        + " read shop.OrderPlaced revision 1: " + Mark.class.getName()
                        + " (shop.OrderPlaced 1 -> shop.OrderPlaced 2) and compatible shop.OrderPlaced"
                        + " (shop.OrderPlaced 1 -> shop.OrderPlaced 2); keep one");
    }

    @Test
    void a_gap_between_steps_is_refused_naming_the_type_and_the_missing_revision() {
        // shop:payments.Refunded_v-1 is at revision 3; a step 1 -> 2 without 2 -> 3
        assertThatThrownBy(() -> shop().upcaster(new Mark("shop:payments.Refunded_v-1", 1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gap in the chain of shop:payments.Refunded_v-1: upcaster " + Mark.class.getName()
                        + " (shop:payments.Refunded_v-1 1 -> shop:payments.Refunded_v-1 2) ends at"
                        + " shop:payments.Refunded_v-1 revision 2, but no upcaster reads it and class "
                        + PaymentRefunded.class.getName() + " is at revision 3: add an upcaster from"
                        + " shop:payments.Refunded_v-1 revision 2");
    }

    @Test
    void a_gap_below_the_first_step_is_refused_and_compatible_fills_it() {
        assertThatThrownBy(() -> shop().upcaster(new Mark("shop:payments.Refunded_v-1", 2))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("gap in the chain of shop:payments.Refunded_v-1: upcasters read revision 2"
                        + " but none reads revision 1");

        EventTypeRegistry registry = shop().upcaster(EventUpcaster.compatible("shop:payments.Refunded_v-1", 1))
                .upcaster(new Mark("shop:payments.Refunded_v-1", 2))
                .build();
        assertThat(registry.readPath("shop:payments.Refunded_v-1", 1).steps()).hasSize(2);
        assertThat(registry.readPath("shop:payments.Refunded_v-1", 2).steps()).hasSize(1);
    }

    @Test
    void a_chain_that_ends_at_a_revision_no_class_has_is_refused() {
        assertThatThrownBy(() ->
                        shop().upcaster(new Mark("shop.PaymentReceived", 1)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("upcaster " + Mark.class.getName()
                        + " (shop.PaymentReceived 1 -> shop.PaymentReceived 2) reads revision 1 of"
                        + " shop.PaymentReceived, but its class " + PaymentReceived.class.getName()
                        + " is at revision 1: raise the class's @EventType revision to 2");
        assertThatThrownBy(() -> shop().upcaster(new Mark("shop.Gone", 1, "shop.Nowhere"))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(
                        "ends at shop.Nowhere revision 2, which no registered class has and no" + " upcaster reads");
        assertThatThrownBy(() -> shop().upcaster(new Mark("shop.Old", 2, "shop.PaymentReceived"))
                        .upcaster(EventUpcaster.compatible("shop.Old", 1))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ends at shop.PaymentReceived revision 3, a revision no class has: class "
                        + PaymentReceived.class.getName() + " is at revision 1");
    }

    @Test
    void every_problem_is_named_at_once() {
        assertThatThrownBy(() -> shop().upcaster(new Mark("shop.PaymentReceived", 1))
                        .upcaster(new Mark("bad name", 1))
                        .upcaster(new Mark("shop.OrderPlaced", 0))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reads revision 1 of shop.PaymentReceived")
                .hasMessageContaining("reads the invalid type name \"bad name\"")
                .hasMessageContaining("reads revision 0; revisions start at 1");
    }

    @Test
    void a_read_ahead_step_reads_the_revision_after_the_class_s_and_nothing_else() {
        EventTypeRegistry registry = shop().upcaster(EventUpcaster.readAhead(new Mark("shop.OrderPlaced", 3)))
                .build();

        EventTypeRegistry.ReadPath path = registry.readPath("shop.OrderPlaced", 3);
        assertThat(path.target().type()).isEqualTo(OrderPlaced.class);
        assertThat(steps(path))
                .containsExactly("read-ahead " + Mark.class.getName() + " (shop.OrderPlaced 3 -> shop.OrderPlaced 2)");
        assertThatThrownBy(() -> registry.readPath("shop.OrderPlaced", 4))
                .hasMessageStartingWith("EC1507 Stored event of type shop.OrderPlaced has revision 4");

        assertThatThrownBy(() -> shop().upcaster(EventUpcaster.readAhead(new Mark("shop.OrderPlaced", 4)))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must end at the revision of a registered class, but class "
                        + OrderPlaced.class.getName() + " of shop.OrderPlaced is at revision 2");
    }

    @Test
    void a_read_ahead_step_may_rename_from_a_name_this_release_has_no_class_for() {
        EventTypeRegistry registry = shop().upcaster(
                        EventUpcaster.readAhead(EventUpcaster.rename("shop.Payment", 2, "shop.PaymentReceived")))
                .build();

        assertThat(registry.readPath("shop.Payment", 2).target().type()).isEqualTo(PaymentReceived.class);
        assertThatThrownBy(() -> shop().upcaster(EventUpcaster.readAhead(
                                EventUpcaster.rename("shop.OrderPlaced", 2, "shop.PaymentReceived")))
                        .build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("reads shop.OrderPlaced, the name of class " + OrderPlaced.class.getName());
    }

    @Test
    void the_upcasters_are_listed_and_a_registry_without_them_has_none() {
        Mark step = new Mark("shop.OrderPlaced", 1);
        assertThat(shop().upcasters(List.of(step)).build().upcasters()).containsExactly(step);
        assertThat(shop().build().upcasters()).isEmpty();
    }
}
