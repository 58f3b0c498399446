package org.eventcore.console.internal;

import jakarta.enterprise.inject.Instance;
import jakarta.ws.rs.core.Response;
import org.eventcore.spi.EventStore;
import org.eventcore.spi.LogBrowser;

/** Finds the application's {@link LogBrowser}: a bean of that type, or the event store when it is one. */
final class Browsers {

    private Browsers() {}

    static LogBrowser of(Instance<LogBrowser> browsers, Instance<EventStore> stores) {
        if (browsers.isResolvable()) {
            return browsers.get();
        }
        if (stores.isResolvable() && stores.get() instanceof LogBrowser browser) {
            return browser;
        }
        throw Guard.refuse(
                Response.Status.SERVICE_UNAVAILABLE,
                "the console finds no LogBrowser: produce the event"
                        + " store as a @Singleton (then the store itself is used) or produce a LogBrowser bean;"
                        + " JpaEventStore and InMemoryEventStore are both");
    }
}
