package org.eventcore.sample.shop;

import java.util.Map;
import org.eventcore.serialization.EventType;

/** What happens to products, orders and customers' loyalty accounts. */
public sealed interface ShopEvent {

    @EventType(name = "sample.StockAdded")
    record StockAdded(int quantity) implements ShopEvent {}

    @EventType(name = "sample.StockReserved")
    record StockReserved(String order, int quantity) implements ShopEvent {}

    @EventType(name = "sample.StockReleased")
    record StockReleased(String order, int quantity) implements ShopEvent {}

    @EventType(name = "sample.StockShipped")
    record StockShipped(String order, int quantity) implements ShopEvent {}

    /** An order for {@code lines}: product stream id to quantity. */
    @EventType(name = "sample.OrderPlaced")
    record OrderPlaced(String customer, Map<String, Integer> lines) implements ShopEvent {}

    @EventType(name = "sample.OrderShipped")
    record OrderShipped(String customer) implements ShopEvent {}

    @EventType(name = "sample.OrderCancelled")
    record OrderCancelled(String customer) implements ShopEvent {}

    @EventType(name = "sample.PointsEarned")
    record PointsEarned(String order, int points) implements ShopEvent {}
}
