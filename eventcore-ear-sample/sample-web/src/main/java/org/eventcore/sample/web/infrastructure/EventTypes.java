package org.eventcore.sample.web.infrastructure;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eventcore.cdi.EventUpcasters;
import org.eventcore.sample.banking.AccountEvent;
import org.eventcore.sample.shop.ShopEvent;
import org.eventcore.serialization.EventTypeRegistry;
import org.eventcore.serialization.EventUpcaster;

/**
 * The sample's event types and upcaster beans ({@link ReadNextMoneyDeposited}). A bean of its own that
 * needs nothing but the upcasters, so that EventCore builds it when the application starts, on every
 * server, and a broken upcaster chain fails the deployment.
 */
@ApplicationScoped
public class EventTypes {

    @Produces
    @Singleton
    EventTypeRegistry types(EventUpcasters upcasters) {
        return eventTypes(upcasters);
    }

    /** The sample's event types with {@code upcasters}. */
    public static EventTypeRegistry eventTypes(Iterable<? extends EventUpcaster<?>> upcasters) {
        return EventTypeRegistry.builder()
                .registerSealed(AccountEvent.class)
                .registerSealed(ShopEvent.class)
                .upcasters(upcasters)
                .build();
    }
}
