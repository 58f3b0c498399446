package org.eventcore.sample.shop;

import static org.eventcore.sample.Limits.MAX_ORDER_LINES;
import static org.eventcore.sample.Limits.MAX_QUANTITY;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamHandle;
import org.eventcore.StreamId;
import org.eventcore.sample.shop.ShopEvent.OrderPlaced;
import org.eventcore.sample.shop.ShopEvent.StockReserved;

/**
 * Places an order for the authenticated user and reserves its stock on every product's stream, all in
 * one atomic command.
 */
public record PlaceOrder(@Stream StreamId order, @Stream List<StreamId> products, List<Integer> quantities)
        implements Command<PlaceOrder, Shop, ShopEvent> {

    /** @throws IllegalArgumentException for no line, more than {@value org.eventcore.sample.Limits#MAX_ORDER_LINES}, or a product twice */
    public PlaceOrder {
        products = List.copyOf(products);
        quantities = List.copyOf(quantities);
        if (products.isEmpty() || products.size() != quantities.size()) {
            throw new IllegalArgumentException("an order needs at least one line, and a quantity for each product");
        }
        if (products.size() > MAX_ORDER_LINES) {
            throw new IllegalArgumentException(
                    "an order has at most " + MAX_ORDER_LINES + " lines, this one has " + products.size());
        }
        if (Set.copyOf(products).size() != products.size()) {
            throw new IllegalArgumentException("an order names each product once");
        }
    }

    @Override
    public Shop initialState() {
        return Shop.EMPTY;
    }

    @Override
    public Shop apply(Shop state, StoredEvent<ShopEvent> event) {
        return state.apply(event);
    }

    @Override
    public void handle(Shop state, Decision<PlaceOrder, ShopEvent> decision) {
        String customer = decision.execution().requireUser();
        require(state.order(order).status() == Shop.Status.NONE, "order %s exists already", order);
        Map<String, Integer> lines = new LinkedHashMap<>();
        List<StreamHandle<PlaceOrder>> handles = PlaceOrderStreams.products(this);
        for (int i = 0; i < handles.size(); i++) {
            StreamId product = products.get(i);
            int quantity = quantities.get(i);
            require(
                    quantity > 0 && quantity <= MAX_QUANTITY,
                    "the quantity of %s is 1 to %d, was %d",
                    product,
                    MAX_QUANTITY,
                    quantity);
            int available = state.product(product).available();
            require(available >= quantity, "only %d of %s available, %d ordered", available, product, quantity);
            decision.emit(handles.get(i), new StockReserved(order.value(), quantity));
            lines.put(product.value(), quantity);
        }
        decision.emit(PlaceOrderStreams.order(this), new OrderPlaced(customer, lines));
    }
}
