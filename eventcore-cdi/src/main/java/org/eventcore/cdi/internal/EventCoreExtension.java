package org.eventcore.cdi.internal;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.AfterDeploymentValidation;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import java.util.Set;
import java.util.stream.Collectors;
import org.eventcore.spi.EventStore;

/**
 * The portable extension: checks at deployment that the application provides exactly one
 * {@link EventStore} bean; there is never a silent in-memory fallback.
 */
public class EventCoreExtension implements Extension {

    void validate(@Observes AfterDeploymentValidation validation, BeanManager beans) {
        Set<Bean<?>> stores = beans.getBeans(EventStore.class);
        if (stores.isEmpty()) {
            validation.addDeploymentProblem(new DeploymentException("EC2001 EventCore needs an EventStore bean, and the"
                    + " application has none. Produce one, for example: @Produces @ApplicationScoped EventStore"
                    + " store(EntityManager em) { return JpaEventStore.create(JtaJpa.containerManaged(em), serializer,"
                    + " JpaStoreSettings.DEFAULT); }"));
        } else if (beans.resolve(stores) == null) {
            validation.addDeploymentProblem(new DeploymentException("EC2002 EventCore found several EventStore beans: "
                    + stores.stream()
                            .map(Bean::getBeanClass)
                            .map(Class::getName)
                            .collect(Collectors.joining(", "))
                    + ". Keep one, or mark the one to use @Alternative with a priority"));
        }
    }
}
