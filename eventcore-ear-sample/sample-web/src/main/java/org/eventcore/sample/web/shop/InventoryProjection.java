package org.eventcore.sample.web.shop;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eventcore.StreamId;
import org.eventcore.cdi.EventContext;
import org.eventcore.cdi.Projection;
import org.eventcore.cdi.ProjectionOptions;
import org.eventcore.cdi.ProjectionReset;
import org.eventcore.projection.ErrorPolicy;
import org.eventcore.sample.shop.InventoryRow;
import org.eventcore.sample.shop.LoyaltyRow;
import org.eventcore.sample.shop.ShopEvent.PointsEarned;
import org.eventcore.sample.shop.ShopEvent.StockAdded;
import org.eventcore.sample.shop.ShopEvent.StockReleased;
import org.eventcore.sample.shop.ShopEvent.StockReserved;
import org.eventcore.sample.shop.ShopEvent.StockShipped;

/** The durable projections "inventory" (stock per product) and "loyalty" (points per customer). */
@ApplicationScoped
@ProjectionOptions(projection = "inventory", errorPolicy = ErrorPolicy.RETRY, pollIntervalMillis = 200)
@ProjectionOptions(projection = "loyalty", errorPolicy = ErrorPolicy.RETRY, pollIntervalMillis = 200)
public class InventoryProjection {

    @Inject
    EntityManager em;

    void added(@Observes @Projection("inventory") StockAdded added, EventContext context) {
        row(context.streamId()).change(added.quantity(), 0);
    }

    void reserved(@Observes @Projection("inventory") StockReserved reserved, EventContext context) {
        row(context.streamId()).change(0, reserved.quantity());
    }

    void released(@Observes @Projection("inventory") StockReleased released, EventContext context) {
        row(context.streamId()).change(0, -released.quantity());
    }

    void shipped(@Observes @Projection("inventory") StockShipped shipped, EventContext context) {
        row(context.streamId()).change(-shipped.quantity(), -shipped.quantity());
    }

    void earned(@Observes @Projection("loyalty") PointsEarned earned, EventContext context) {
        String customer = context.streamId().value().substring("loyalty-".length());
        LoyaltyRow row = em.find(LoyaltyRow.class, customer);
        if (row == null) {
            row = new LoyaltyRow(customer);
            em.persist(row);
        }
        row.add(earned.points());
    }

    /** The reset of a rebuild of "inventory" asked through the console, from the start of the log only. */
    void resetInventory(@Observes @Projection("inventory") ProjectionReset reset) {
        if (!reset.fromStart()) {
            throw new IllegalArgumentException("inventory is rebuilt from the start of the log only");
        }
        em.createQuery("delete from InventoryRow").executeUpdate();
    }

    /** The reset of a rebuild of "loyalty" asked through the console, from the start of the log only. */
    void resetLoyalty(@Observes @Projection("loyalty") ProjectionReset reset) {
        if (!reset.fromStart()) {
            throw new IllegalArgumentException("loyalty is rebuilt from the start of the log only");
        }
        em.createQuery("delete from LoyaltyRow").executeUpdate();
    }

    private InventoryRow row(StreamId product) {
        InventoryRow row = em.find(InventoryRow.class, product.value());
        if (row == null) {
            row = new InventoryRow(product.value());
            em.persist(row);
        }
        return row;
    }
}
