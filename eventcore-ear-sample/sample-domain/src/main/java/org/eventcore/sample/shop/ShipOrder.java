package org.eventcore.sample.shop;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.StreamResolver;
import org.eventcore.sample.Limits;
import org.eventcore.sample.shop.ShopEvent.OrderShipped;
import org.eventcore.sample.shop.ShopEvent.PointsEarned;
import org.eventcore.sample.shop.ShopEvent.StockShipped;

/**
 * Ships a placed order, the clerks' job: takes its stock off the shelf and credits the customer one
 * loyalty point per item. Only the order is declared; its products and the customer's loyalty stream are discovered
 * from the order's events.
 */
public record ShipOrder(@Stream StreamId order) implements Command<ShipOrder, Shop, ShopEvent> {

    @Override
    public Shop initialState() {
        return Shop.EMPTY;
    }

    @Override
    public Shop apply(Shop state, StoredEvent<ShopEvent> event) {
        return state.apply(event);
    }

    @Override
    public void discover(Shop state, StreamResolver streams) {
        Shop.Order placed = state.order(order);
        placed.lines().keySet().forEach(product -> streams.add(StreamId.of(product)));
        if (placed.status() != Shop.Status.NONE) {
            streams.add(Shop.loyaltyStream(placed.customer()));
        }
    }

    @Override
    public void handle(Shop state, Decision<ShipOrder, ShopEvent> decision) {
        decision.execution().requireRole(Limits.CLERK);
        Shop.Order placed = state.order(order);
        require(placed.status() == Shop.Status.PLACED, "order %s cannot be shipped: it is %s", order, placed.status());
        int items = 0;
        for (var line : placed.lines().entrySet()) {
            decision.emit(
                    decision.stream(StreamId.of(line.getKey())), new StockShipped(order.value(), line.getValue()));
            items += line.getValue();
        }
        decision.emit(ShipOrderStreams.order(this), new OrderShipped(placed.customer()));
        decision.emit(decision.stream(Shop.loyaltyStream(placed.customer())), new PointsEarned(order.value(), items));
    }
}
