package org.eventcore.sample.web.shop;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.container.AsyncResponse;
import jakarta.ws.rs.container.Suspended;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.eventcore.StreamId;
import org.eventcore.cdi.CommandBus;
import org.eventcore.sample.Limits;
import org.eventcore.sample.shop.AddStock;
import org.eventcore.sample.shop.CancelOrder;
import org.eventcore.sample.shop.PlaceOrder;
import org.eventcore.sample.shop.ShipOrder;
import org.eventcore.sample.shop.Shop;
import org.eventcore.sample.web.Executed;
import org.eventcore.sample.web.http.Body;
import org.eventcore.sample.web.http.Problems;
import org.eventcore.sample.web.infrastructure.ReadModels;
import org.eventcore.sample.web.infrastructure.ReadYourWrites;

/**
 * The shop: stock (clerks), orders that reserve several products at once, shipping (clerks),
 * cancelling (the customer or a clerk); inventory and loyalty. Who may do what is decided by the
 * commands, from the authenticated user.
 */
@Path("")
@RequestScoped
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class ShopResource {

    /** A product's stock as the "inventory" projection has it. */
    public record Inventory(String product, int onHand, int reserved, int available) {}

    /** A customer's loyalty points as the "loyalty" projection has them. */
    public record Loyalty(String customer, long points) {}

    @Inject
    CommandBus commands;

    @Inject
    ReadModels readModels;

    @Inject
    ReadYourWrites readYourWrites;

    @Context
    SecurityContext security;

    @POST
    @Path("products/{sku}/stock")
    public Executed addStock(@PathParam("sku") String sku, InputStream body) {
        StreamId product = Shop.productStream(sku);
        int quantity = (int) Body.read(body, Set.of("quantity")).integer("quantity", 1, Limits.MAX_QUANTITY);
        return Executed.of(commands.execute(new AddStock(product, quantity)));
    }

    /** Places an order for the caller, reserving every line's stock in one atomic command. */
    @POST
    @Path("orders")
    public Executed placeOrder(InputStream body) {
        Body order = Body.read(body, Set.of("id", "lines"));
        StreamId id = Shop.orderStream(order.string("id"));
        Map<String, Long> lines = order.integers("lines", Limits.MAX_ORDER_LINES, 1, Limits.MAX_QUANTITY);
        List<StreamId> products = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        lines.forEach((sku, quantity) -> {
            products.add(Shop.productStream(sku));
            quantities.add(quantity.intValue());
        });
        return Executed.of(commands.execute(new PlaceOrder(id, products, quantities)));
    }

    /** Ships an order (clerks); the body is an empty JSON object, {@code {}}. */
    @POST
    @Path("orders/{id}/shipment")
    public Executed ship(@PathParam("id") String id, InputStream body) {
        StreamId order = Shop.orderStream(id);
        Body.read(body, Set.of());
        return Executed.of(commands.execute(new ShipOrder(order)));
    }

    /** Cancels an order (its customer or a clerk); the body is an empty JSON object, {@code {}}. */
    @POST
    @Path("orders/{id}/cancellation")
    public Executed cancel(@PathParam("id") String id, InputStream body) {
        StreamId order = Shop.orderStream(id);
        Body.read(body, Set.of());
        return Executed.of(commands.execute(new CancelOrder(order)));
    }

    @GET
    @Path("products/{sku}")
    public void inventory(
            @PathParam("sku") String sku, @QueryParam("after") String after, @Suspended AsyncResponse response) {
        String product = Shop.productStream(sku).value();
        readYourWrites.answer(
                response,
                user(),
                "inventory",
                after,
                () -> readModels
                        .inventory(product)
                        .<Object>map(r -> new Inventory(sku, r.onHand(), r.reserved(), r.available()))
                        .orElseGet(() -> Problems.response(404, "Not Found", "no product " + sku)));
    }

    /** The caller's loyalty points. */
    @GET
    @Path("loyalty")
    public void loyalty(@QueryParam("after") String after, @Suspended AsyncResponse response) {
        String customer = user();
        readYourWrites.answer(
                response,
                customer,
                "loyalty",
                after,
                () -> new Loyalty(
                        customer,
                        readModels.loyalty(customer).map(r -> r.points()).orElse(0L)));
    }

    private String user() {
        return security.getUserPrincipal().getName();
    }
}
