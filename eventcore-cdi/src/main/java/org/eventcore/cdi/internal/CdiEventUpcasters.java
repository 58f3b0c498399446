package org.eventcore.cdi.internal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Typed;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.eventcore.cdi.EventUpcasters;
import org.eventcore.serialization.EventUpcaster;

/**
 * The {@link EventUpcasters} bean: the upcaster beans the extension saw, each taken by its {@code Bean}
 * rather than by type-safe resolution, which from an EAR's {@code lib/} would not see a WAR's beans.
 */
@ApplicationScoped
@Typed(EventUpcasters.class) // not Iterable<EventUpcaster<?>>: a wildcard is no legal bean type
public class CdiEventUpcasters implements EventUpcasters {

    private List<EventUpcaster<?>> upcasters;

    @Inject
    BeanManager beans;

    @Inject
    EventCoreExtension extension;

    /** For CDI's proxy. */
    protected CdiEventUpcasters() {}

    @Override
    public synchronized List<EventUpcaster<?>> all() {
        if (upcasters == null) {
            List<EventUpcaster<?>> found = new ArrayList<>();
            for (Bean<?> bean : extension.upcasterBeans()) {
                found.add(EventCoreExtension.upcaster(beans, bean));
            }
            upcasters = List.copyOf(found);
        }
        return upcasters;
    }

    /**
     * Builds the application's {@code EventTypeRegistry} beans when it starts: an invalid upcaster chain
     * or an upcaster bean left out fails the deployment.
     */
    void check(@Observes @Initialized(ApplicationScoped.class) Object started) {
        extension.checkRegistries(beans);
    }

    @Override
    public Iterator<EventUpcaster<?>> iterator() {
        return all().iterator();
    }
}
