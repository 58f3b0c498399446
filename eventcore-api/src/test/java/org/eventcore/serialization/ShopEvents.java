package org.eventcore.serialization;

import java.util.List;

/** A nested sealed family of event records for the serialization tests. */
public final class ShopEvents {

    private ShopEvents() {}

    public sealed interface ShopEvent permits OrderPlaced, PaymentEvent {}

    public sealed interface PaymentEvent extends ShopEvent permits PaymentReceived, PaymentRefunded {}

    public record Address(String street, String city) {}

    public record Customer(String name, Address address) {}

    public record Line(String sku, int quantity) {}

    @EventType(name = "shop.OrderPlaced", revision = 2)
    public record OrderPlaced(String orderId, Customer customer, List<Line> lines) implements ShopEvent {}

    @EventType(name = "shop.PaymentReceived")
    public record PaymentReceived(String orderId, long cents) implements PaymentEvent {}

    @EventType(name = "shop:payments.Refunded_v-1", revision = 3)
    public record PaymentRefunded(String orderId, long cents, String reason) implements PaymentEvent {}

    /** Not annotated. */
    public record Unnamed(String orderId) {}

    /** Claims a name already used by {@link PaymentReceived}. */
    @EventType(name = "shop.PaymentReceived")
    public record Impostor(String orderId) {}

    /** A sealed family with a member that has no {@code @EventType}. */
    public sealed interface Incomplete permits Named, Anonymous {}

    @EventType(name = "incomplete.Named")
    public record Named(int n) implements Incomplete {}

    public record Anonymous(int n) implements Incomplete {}
}
