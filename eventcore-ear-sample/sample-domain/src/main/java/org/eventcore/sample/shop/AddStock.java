package org.eventcore.sample.shop;

import static org.eventcore.sample.Limits.MAX_ON_HAND;
import static org.eventcore.sample.Limits.MAX_QUANTITY;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.sample.Limits;
import org.eventcore.sample.shop.ShopEvent.StockAdded;

/** Puts {@code quantity} more of a product on the shelf: the clerks' job. */
public record AddStock(@Stream StreamId product, int quantity) implements Command<AddStock, Shop, ShopEvent> {

    @Override
    public Shop initialState() {
        return Shop.EMPTY;
    }

    @Override
    public Shop apply(Shop state, StoredEvent<ShopEvent> event) {
        return state.apply(event);
    }

    @Override
    public void handle(Shop state, Decision<AddStock, ShopEvent> decision) {
        decision.execution().requireRole(Limits.CLERK);
        require(quantity > 0 && quantity <= MAX_QUANTITY, "stock added is 1 to %d, was %d", MAX_QUANTITY, quantity);
        require(
                state.product(product).onHand() <= MAX_ON_HAND - quantity,
                "%s would have more than %d on hand",
                product,
                MAX_ON_HAND);
        decision.emit(AddStockStreams.product(this), new StockAdded(quantity));
    }
}
