package org.eventcore.sample.shop;

import org.eventcore.Command;
import org.eventcore.Decision;
import org.eventcore.StoredEvent;
import org.eventcore.Stream;
import org.eventcore.StreamId;
import org.eventcore.sample.shop.ShopEvent.StockAdded;

/** Puts {@code quantity} more of a product on the shelf. */
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
        require(quantity > 0, "stock added must be more than zero, was %d", quantity);
        decision.emit(AddStockStreams.product(this), new StockAdded(quantity));
    }
}
