package org.eventcore.sample.shop;

import java.util.HashMap;
import java.util.Map;
import org.eventcore.StoredEvent;
import org.eventcore.StreamId;
import org.eventcore.sample.shop.ShopEvent.OrderCancelled;
import org.eventcore.sample.shop.ShopEvent.OrderPlaced;
import org.eventcore.sample.shop.ShopEvent.OrderShipped;
import org.eventcore.sample.shop.ShopEvent.StockAdded;
import org.eventcore.sample.shop.ShopEvent.StockReleased;
import org.eventcore.sample.shop.ShopEvent.StockReserved;
import org.eventcore.sample.shop.ShopEvent.StockShipped;

/** The products and orders a command reads, folded from their events. Immutable. */
public record Shop(Map<StreamId, Product> products, Map<StreamId, Order> orders) {

    /** A product's stock: on hand, and the part of it reserved by open orders. */
    public record Product(int onHand, int reserved) {
        public int available() {
            return onHand - reserved;
        }
    }

    /** Where an order is. */
    public enum Status {
        NONE,
        PLACED,
        SHIPPED,
        CANCELLED
    }

    /** An order: its status, customer and lines (product stream id to quantity). */
    public record Order(Status status, String customer, Map<String, Integer> lines) {}

    public static final Shop EMPTY = new Shop(Map.of(), Map.of());

    public Shop {
        products = Map.copyOf(products);
        orders = Map.copyOf(orders);
    }

    public Product product(StreamId stream) {
        return products.getOrDefault(stream, new Product(0, 0));
    }

    public Order order(StreamId stream) {
        return orders.getOrDefault(stream, new Order(Status.NONE, "", Map.of()));
    }

    /** This state with {@code event} applied. */
    public Shop apply(StoredEvent<ShopEvent> event) {
        StreamId s = event.streamId();
        Map<StreamId, Product> p = new HashMap<>(products);
        Map<StreamId, Order> o = new HashMap<>(orders);
        Product product = product(s);
        ShopEvent e = event.payload();
        if (e instanceof StockAdded a) {
            p.put(s, new Product(Math.addExact(product.onHand(), a.quantity()), product.reserved()));
        } else if (e instanceof StockReserved r) {
            p.put(s, new Product(product.onHand(), Math.addExact(product.reserved(), r.quantity())));
        } else if (e instanceof StockReleased r) {
            p.put(s, new Product(product.onHand(), Math.subtractExact(product.reserved(), r.quantity())));
        } else if (e instanceof StockShipped shipped) {
            p.put(
                    s,
                    new Product(
                            Math.subtractExact(product.onHand(), shipped.quantity()),
                            Math.subtractExact(product.reserved(), shipped.quantity())));
        } else if (e instanceof OrderPlaced placed) {
            o.put(s, new Order(Status.PLACED, placed.customer(), placed.lines()));
        } else if (e instanceof OrderShipped) {
            o.put(s, new Order(Status.SHIPPED, order(s).customer(), order(s).lines()));
        } else if (e instanceof OrderCancelled) {
            o.put(s, new Order(Status.CANCELLED, order(s).customer(), order(s).lines()));
        }
        return new Shop(p, o);
    }

    /** 1 to 63 lowercase letters, digits or dashes, beginning with a letter or a digit. */
    private static final java.util.regex.Pattern ID = java.util.regex.Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    /** @throws IllegalArgumentException if {@code sku} is not 1 to 63 lowercase letters, digits or dashes */
    public static StreamId productStream(String sku) {
        return StreamId.of("product-" + valid("a product", sku));
    }

    /** @throws IllegalArgumentException if {@code id} is not 1 to 63 lowercase letters, digits or dashes */
    public static StreamId orderStream(String id) {
        return StreamId.of("order-" + valid("an order id", id));
    }

    private static String valid(String what, String id) {
        if (id == null || !ID.matcher(id).matches()) {
            throw new IllegalArgumentException(
                    what + " is 1 to 63 lowercase letters, digits or dashes, beginning with a letter or a digit");
        }
        return id;
    }

    public static StreamId loyaltyStream(String customer) {
        return StreamId.of("loyalty-" + customer);
    }
}
