package org.eventcore.cdi;

import java.util.List;
import org.eventcore.serialization.EventUpcaster;

/**
 * Every upcaster bean of the application (each bean whose types include {@link EventUpcaster}, for
 * example a class implementing {@code JsonUpcaster}), to give to the {@code EventTypeRegistry}; inject
 * it. Produce the registry as a bean, so that EventCore builds it at deployment: a problem in the
 * chains then fails the deployment, and so does an upcaster bean left out of the registry.
 *
 * <pre>{@code
 * @Produces
 * @Singleton
 * EventTypeRegistry types(EventUpcasters upcasters) {
 *     return EventTypeRegistry.builder()
 *             .registerSealed(AccountEvent.class)
 *             .upcasters(upcasters)
 *             .build();
 * }
 * }</pre>
 *
 * <p>The upcasters are the beans the extension saw in every bean archive of the deployment, so that
 * this bean, which lives in an EAR's {@code lib/}, also reaches the upcasters of the application's WAR.
 */
public interface EventUpcasters extends Iterable<EventUpcaster<?>> {

    /** The upcaster beans, in no particular order. */
    List<EventUpcaster<?>> all();
}
