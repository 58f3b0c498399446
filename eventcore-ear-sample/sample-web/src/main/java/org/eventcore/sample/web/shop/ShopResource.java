package org.eventcore.sample.web.shop;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.eventcore.StreamId;
import org.eventcore.cdi.CommandBus;
import org.eventcore.sample.shop.AddStock;
import org.eventcore.sample.shop.CancelOrder;
import org.eventcore.sample.shop.PlaceOrder;
import org.eventcore.sample.shop.ShipOrder;
import org.eventcore.sample.shop.Shop;
import org.eventcore.sample.web.Executed;
import org.eventcore.sample.web.Requests;
import org.eventcore.sample.web.infrastructure.ReadModels;

/** The shop: stock, orders that reserve several products at once, shipping, cancelling; inventory and loyalty. */
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

    @Context
    SecurityContext security;

    @POST
    @Path("products/{sku}/stock")
    public Executed addStock(@PathParam("sku") String sku, Requests.Stock body) {
        int quantity = Requests.require(Requests.require(body, "a JSON body").quantity, "the field quantity");
        return Executed.of(commands.execute(new AddStock(Shop.productStream(sku), quantity)));
    }

    /** Places an order for the caller, reserving every line's stock in one atomic command. */
    @POST
    @Path("orders")
    public Executed placeOrder(Requests.Order body) {
        Requests.Order order = Requests.require(body, "a JSON body");
        Map<String, Integer> lines = Requests.require(order.lines, "the field lines");
        List<StreamId> products = new ArrayList<>();
        List<Integer> quantities = new ArrayList<>();
        lines.forEach((sku, quantity) -> {
            products.add(Shop.productStream(sku));
            quantities.add(Requests.require(quantity, "a quantity for " + sku));
        });
        String customer = security.getUserPrincipal().getName();
        return Executed.of(commands.execute(new PlaceOrder(
                Shop.orderStream(Requests.require(order.id, "the field id")), customer, products, quantities)));
    }

    @POST
    @Path("orders/{id}/shipment")
    public Executed ship(@PathParam("id") String id) {
        return Executed.of(commands.execute(new ShipOrder(Shop.orderStream(id))));
    }

    @POST
    @Path("orders/{id}/cancellation")
    public Executed cancel(@PathParam("id") String id) {
        return Executed.of(commands.execute(new CancelOrder(Shop.orderStream(id))));
    }

    @GET
    @Path("products/{sku}")
    public Inventory inventory(@PathParam("sku") String sku, @QueryParam("after") String after) {
        readModels.awaitOrUnavailable("inventory", after);
        return readModels
                .inventory(Shop.productStream(sku).value())
                .map(r -> new Inventory(sku, r.onHand(), r.reserved(), r.available()))
                .orElseThrow(() -> new NotFoundException("no product " + sku));
    }

    /** The caller's loyalty points. */
    @GET
    @Path("loyalty")
    public Loyalty loyalty(@QueryParam("after") String after) {
        readModels.awaitOrUnavailable("loyalty", after);
        String customer = security.getUserPrincipal().getName();
        return new Loyalty(
                customer, readModels.loyalty(customer).map(r -> r.points()).orElse(0L));
    }
}
