package org.eventcore.sample.shop;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.StreamResolver;
import org.eventcore.sample.Limits;
import org.eventcore.sample.shop.ShopEvent.OrderCancelled;
import org.eventcore.sample.shop.ShopEvent.StockReleased;

/**
 * Cancels a placed order of the authenticated user (a clerk may cancel any) and releases its
 * reservations on the products it discovers from the order.
 */
public record CancelOrder(@Stream StreamId order) implements Command<CancelOrder, Shop, ShopEvent> {

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
        state.order(order).lines().keySet().forEach(product -> streams.add(StreamId.of(product)));
    }

    @Override
    public void handle(Shop state, Decision<CancelOrder, ShopEvent> decision) {
        String user = decision.execution().requireUser();
        Shop.Order placed = state.order(order);
        require(
                placed.status() != Shop.Status.NONE
                        && (placed.customer().equals(user)
                                || decision.execution().isInRole(Limits.CLERK)),
                "order %s does not exist or is not yours",
                order);
        require(
                placed.status() == Shop.Status.PLACED,
                "order %s cannot be cancelled: it is %s",
                order,
                placed.status());
        for (var line : placed.lines().entrySet()) {
            decision.emit(
                    decision.stream(StreamId.of(line.getKey())), new StockReleased(order.value(), line.getValue()));
        }
        decision.emit(CancelOrderStreams.order(this), new OrderCancelled(placed.customer()));
    }
}
